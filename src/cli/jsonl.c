/*
 * jsonl.c
 *		Just enough JSON reading for `newsclaims eval`: the string fields
 *		"id" and "text" of each line's object; every other value is skipped.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct Parser
{
	const char *s;
	size_t		len;
	size_t		pos;
	const char *err;
} Parser;

static void
skip_ws(Parser *p)
{
	while (p->pos < p->len && (p->s[p->pos] == ' ' || p->s[p->pos] == '\t' ||
							   p->s[p->pos] == '\n' || p->s[p->pos] == '\r'))
		p->pos++;
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static bool
read_hex4(Parser *p, unsigned *out)
{
	unsigned	v = 0;

	if (p->pos + 4 > p->len)
		return false;
	for (int k = 0; k < 4; k++)
	{
		int			h = hexval(p->s[p->pos + k]);

		if (h < 0)
			return false;
		v = v * 16 + (unsigned) h;
	}
	p->pos += 4;
	*out = v;
	return true;
}

static size_t
put_utf8(char *o, unsigned cp)
{
	if (cp < 0x80)
	{
		o[0] = (char) cp;
		return 1;
	}
	if (cp < 0x800)
	{
		o[0] = (char) (0xC0 | (cp >> 6));
		o[1] = (char) (0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000)
	{
		o[0] = (char) (0xE0 | (cp >> 12));
		o[1] = (char) (0x80 | ((cp >> 6) & 0x3F));
		o[2] = (char) (0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (char) (0xF0 | (cp >> 18));
	o[1] = (char) (0x80 | ((cp >> 12) & 0x3F));
	o[2] = (char) (0x80 | ((cp >> 6) & 0x3F));
	o[3] = (char) (0x80 | (cp & 0x3F));
	return 4;
}

/* Parse a string at p->pos (on its '"'); decoded copy in *out if out. */
static bool
parse_string(Parser *p, char **out, size_t *outlen)
{
	char	   *buf = NULL;
	size_t		n = 0;

	p->pos++;					/* opening quote */
	if (out)
	{
		buf = malloc(p->len - p->pos + 1);	/* decoding never grows */
		if (buf == NULL)
			cli_fail("out of memory");
	}
	while (p->pos < p->len)
	{
		char		c = p->s[p->pos++];

		if (c == '"')
		{
			if (out)
			{
				buf[n] = '\0';
				*out = buf;
				*outlen = n;
			}
			return true;
		}
		if (c != '\\')
		{
			if (buf)
				buf[n++] = c;
			continue;
		}
		if (p->pos >= p->len)
			break;
		c = p->s[p->pos++];
		switch (c)
		{
			case '"':
			case '\\':
			case '/':
				break;
			case 'b':
				c = '\b';
				break;
			case 'f':
				c = '\f';
				break;
			case 'n':
				c = '\n';
				break;
			case 'r':
				c = '\r';
				break;
			case 't':
				c = '\t';
				break;
			case 'u':
				{
					unsigned	cp,
								lo;

					if (!read_hex4(p, &cp))
						goto bad;
					if (cp >= 0xD800 && cp <= 0xDBFF && p->pos + 6 <= p->len &&
						p->s[p->pos] == '\\' && p->s[p->pos + 1] == 'u')
					{
						p->pos += 2;
						if (!read_hex4(p, &lo) || lo < 0xDC00 || lo > 0xDFFF)
							goto bad;
						cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
					}
					else if (cp >= 0xD800 && cp <= 0xDFFF)
						cp = 0xFFFD;
					if (buf)
						n += put_utf8(buf + n, cp);
					continue;
				}
			default:
				goto bad;
		}
		if (buf)
			buf[n++] = c;
	}
bad:
	free(buf);
	p->err = "malformed string";
	return false;
}

static bool parse_value(Parser *p, int depth);

static bool
parse_container(Parser *p, char close, int depth)
{
	p->pos++;
	skip_ws(p);
	if (p->pos < p->len && p->s[p->pos] == close)
	{
		p->pos++;
		return true;
	}
	for (;;)
	{
		skip_ws(p);
		if (close == '}')
		{
			if (p->pos >= p->len || p->s[p->pos] != '"' || !parse_string(p, NULL, NULL))
				return (p->err = "expected a key"), false;
			skip_ws(p);
			if (p->pos >= p->len || p->s[p->pos++] != ':')
				return (p->err = "expected ':'"), false;
		}
		if (!parse_value(p, depth + 1))
			return false;
		skip_ws(p);
		if (p->pos < p->len && p->s[p->pos] == ',')
		{
			p->pos++;
			continue;
		}
		if (p->pos < p->len && p->s[p->pos] == close)
		{
			p->pos++;
			return true;
		}
		return (p->err = "expected ',' or a closing bracket"), false;
	}
}

static bool
parse_value(Parser *p, int depth)
{
	skip_ws(p);
	if (depth > 200)
		return (p->err = "nested too deeply"), false;
	if (p->pos >= p->len)
		return (p->err = "unexpected end of line"), false;
	switch (p->s[p->pos])
	{
		case '"':
			return parse_string(p, NULL, NULL);
		case '{':
			return parse_container(p, '}', depth);
		case '[':
			return parse_container(p, ']', depth);
		default:
			/* number, true, false, null: a run of their characters */
			{
				size_t		start = p->pos;

				while (p->pos < p->len && strchr("+-.0123456789eEtruefalsn", p->s[p->pos]))
					p->pos++;
				if (p->pos == start)
					return (p->err = "unexpected character"), false;
				return true;
			}
	}
}

bool
cli_parse_jsonl(const char *line, size_t len, CliDoc *doc, const char **err)
{
	Parser		p = {line, len, 0, NULL};

	memset(doc, 0, sizeof(CliDoc));
	skip_ws(&p);
	if (p.pos >= len || line[p.pos] != '{')
	{
		*err = "a line is not a JSON object";
		return false;
	}
	p.pos++;
	for (;;)
	{
		char	   *key = NULL;
		size_t		keylen;

		skip_ws(&p);
		if (p.pos < len && line[p.pos] == '}')
			break;
		if (p.pos >= len || line[p.pos] != '"' || !parse_string(&p, &key, &keylen))
		{
			*err = p.err ? p.err : "expected a key";
			goto fail;
		}
		skip_ws(&p);
		if (p.pos >= len || line[p.pos++] != ':')
		{
			free(key);
			*err = "expected ':'";
			goto fail;
		}
		skip_ws(&p);
		if ((strcmp(key, "id") == 0 || strcmp(key, "text") == 0) &&
			p.pos < len && line[p.pos] == '"')
		{
			char	  **field = key[0] == 'i' ? &doc->id : &doc->text;
			size_t		flen;

			free(*field);
			*field = NULL;
			if (!parse_string(&p, field, &flen))
			{
				free(key);
				*err = p.err;
				goto fail;
			}
			if (key[0] == 't')
				doc->textlen = flen;
		}
		else if (!parse_value(&p, 1))
		{
			free(key);
			*err = p.err;
			goto fail;
		}
		free(key);
		skip_ws(&p);
		if (p.pos < len && line[p.pos] == ',')
		{
			p.pos++;
			continue;
		}
		if (p.pos < len && line[p.pos] == '}')
			break;
		*err = "expected ',' or '}'";
		goto fail;
	}
	return true;
fail:
	cli_doc_free(doc);
	return false;
}

void
cli_doc_free(CliDoc *doc)
{
	free(doc->id);
	free(doc->text);
	memset(doc, 0, sizeof(CliDoc));
}
