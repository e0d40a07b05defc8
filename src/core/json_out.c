/*
 * json_out.c
 *		JSON text output into an arena-backed buffer.
 */
#include <stdio.h>
#include <string.h>

#include "nc_chars.h"
#include "nc_json.h"

void
nc_buf_init(NcBuf *buf, const NcEnv *env)
{
	buf->env = env;
	buf->data = NULL;
	buf->len = 0;
	buf->cap = 0;
	buf->failed = false;
}

void
nc_buf_append(NcBuf *buf, const char *s, size_t len)
{
	if (buf->failed)
		return;
	if (len >= UINT32_MAX - buf->len ||
		!nc_reserve(buf->env, (void **) &buf->data, &buf->cap,
					(uint32_t) (buf->len + len + 1), 1))
	{
		buf->failed = true;
		return;
	}
	memcpy(buf->data + buf->len, s, len);
	buf->len += (uint32_t) len;
	buf->data[buf->len] = '\0';
}

void
nc_buf_puts(NcBuf *buf, const char *s)
{
	nc_buf_append(buf, s, strlen(s));
}

void
nc_buf_int(NcBuf *buf, long long v)
{
	char		tmp[32];
	int			n = snprintf(tmp, sizeof(tmp), "%lld", v);

	nc_buf_append(buf, tmp, (size_t) n);
}

void
nc_json_string(NcBuf *buf, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *) s;
	size_t		run = 0;			/* start of bytes not yet copied */

	nc_buf_append(buf, "\"", 1);
	for (size_t i = 0; i < len;)
	{
		unsigned char c = u[i];
		const char *esc = NULL;
		char		tmp[8];

		if (c >= 0x80)
		{
			uint32_t	cp;
			uint32_t	n = nc_u8_decode(u, (uint32_t) len, (uint32_t) i, &cp);

			if (cp == 0xFFFD && n == 1)
			{
				nc_buf_append(buf, s + run, i - run);
				nc_buf_append(buf, "\xEF\xBF\xBD", 3);
				run = i + 1;
			}
			i += n;
			continue;
		}
		switch (c)
		{
			case '"':
				esc = "\\\"";
				break;
			case '\\':
				esc = "\\\\";
				break;
			case '\n':
				esc = "\\n";
				break;
			case '\r':
				esc = "\\r";
				break;
			case '\t':
				esc = "\\t";
				break;
			default:
				if (c < 0x20 || c == 0x7F)
				{
					snprintf(tmp, sizeof(tmp), "\\u%04x", c);
					esc = tmp;
				}
		}
		if (esc)
		{
			nc_buf_append(buf, s + run, i - run);
			nc_buf_puts(buf, esc);
			run = i + 1;
		}
		i++;
	}
	nc_buf_append(buf, s + run, len - run);
	nc_buf_append(buf, "\"", 1);
}

void
nc_json_key(NcBuf *buf, const char *key, bool *first)
{
	if (!*first)
		nc_buf_append(buf, ",", 1);
	*first = false;
	nc_json_string(buf, key, strlen(key));
	nc_buf_append(buf, ":", 1);
}
