/*
 * fuzz_common.h
 *		Shared by the libFuzzer targets of test/fuzz/: run the pipeline over
 *		the input in a fresh arena and check every invariant the SQL glue and
 *		the CLI rely on (offsets inside the text, ranges in order, indexes in
 *		bounds, strings readable).  A broken invariant aborts, which libFuzzer
 *		reports as a crash with the input that caused it.
 *
 * Each target defines FUZZ_STAGE (the last stage to run) and, optionally,
 * FUZZ_JSON (also write analyze()'s JSON and validate it strictly).
 */
#ifndef NC_FUZZ_COMMON_H
#define NC_FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nc_analyze.h"
#include "nc_arena.h"

/* The unit tests (test/unit/test_fuzz_found.c) make this a cmocka assert. */
#ifndef FUZZ_CHECK
#define FUZZ_CHECK(cond) \
	do { \
		if (!(cond)) { \
			fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond); \
			abort(); \
		} \
	} while (0)
#endif

/* Touch every byte of s[0..len) so ASan sees a read past its end. */
static volatile unsigned char fuzz_sink;
static inline void
fuzz_touch(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		fuzz_sink ^= (unsigned char) s[i];
}

/* Tokens [first, end) are a valid, non-empty range of doc (or first < 0). */
static inline void
fuzz_check_range(const NcDoc *d, int64_t first, int64_t end, bool may_be_empty)
{
	if (first < 0)
		return;
	FUZZ_CHECK(end <= (int64_t) d->ntok);
	if (may_be_empty)
		FUZZ_CHECK(first <= end);
	else
		FUZZ_CHECK(first < end);
}

static inline void
fuzz_check_doc(const NcDoc *d, size_t len)
{
	FUZZ_CHECK(d->len == len);
	FUZZ_CHECK(d->nchars <= d->len);
	for (uint32_t i = 0; i < d->ntok; i++)
	{
		const NcToken *t = &d->toks[i];

		FUZZ_CHECK(t->start < t->end && t->end <= d->len);
		FUZZ_CHECK(t->cstart < t->cend && t->cend <= d->nchars);
		FUZZ_CHECK(t->cend - t->cstart <= t->end - t->start);
		FUZZ_CHECK(t->sentence < d->nsent);
		FUZZ_CHECK(t->kind <= NC_TK_QUOTE_AMBIG);
		FUZZ_CHECK(nc_token_kind_name(t->kind) != NULL);
		if (i > 0)
		{
			FUZZ_CHECK(d->toks[i - 1].end <= t->start);
			FUZZ_CHECK(d->toks[i - 1].cend <= t->cstart);
			FUZZ_CHECK(d->toks[i - 1].sentence <= t->sentence);
		}
	}
	for (uint32_t s = 0; s < d->nsent; s++)
	{
		const NcSentence *st = &d->sents[s];

		FUZZ_CHECK(st->start <= st->end && st->end <= d->len);
		FUZZ_CHECK(st->cstart <= st->cend && st->cend <= d->nchars);
		FUZZ_CHECK(st->tok_first <= st->tok_end && st->tok_end <= d->ntok);
		FUZZ_CHECK(st->paragraph < d->npara);
		if (s > 0)
		{
			FUZZ_CHECK(d->sents[s - 1].end <= st->start);
			FUZZ_CHECK(d->sents[s - 1].tok_end == st->tok_first);
			FUZZ_CHECK(d->sents[s - 1].paragraph <= st->paragraph);
		}
		else
			FUZZ_CHECK(st->tok_first == 0);
		for (uint32_t i = st->tok_first; i < st->tok_end; i++)
		{
			FUZZ_CHECK(d->toks[i].sentence == s);
			FUZZ_CHECK(d->toks[i].start >= st->start && d->toks[i].end <= st->end);
		}
	}
	if (d->nsent > 0)
		FUZZ_CHECK(d->sents[d->nsent - 1].tok_end == d->ntok);
	else
		FUZZ_CHECK(d->ntok == 0);
	for (uint32_t p = 0; p < d->npara; p++)
	{
		const NcParagraph *pa = &d->paras[p];

		FUZZ_CHECK(pa->start <= pa->end && pa->end <= d->len);
		FUZZ_CHECK(pa->cstart <= pa->cend && pa->cend <= d->nchars);
		FUZZ_CHECK(pa->sent_first <= pa->sent_end && pa->sent_end <= d->nsent);
		if (p > 0)
		{
			FUZZ_CHECK(d->paras[p - 1].end <= pa->start);
			FUZZ_CHECK(d->paras[p - 1].sent_end == pa->sent_first);
		}
		for (uint32_t s = pa->sent_first; s < pa->sent_end; s++)
		{
			FUZZ_CHECK(d->sents[s].paragraph == p);
			FUZZ_CHECK(d->sents[s].start >= pa->start && d->sents[s].end <= pa->end);
		}
	}
}

static inline void
fuzz_check_entities(const NcDoc *d, const NcEntities *e)
{
	for (uint32_t i = 0; i < e->nment; i++)
	{
		const NcMention *m = &e->ments[i];

		fuzz_check_range(d, m->tok_first, m->tok_end, false);
		FUZZ_CHECK(m->entity < e->nent);
		fuzz_check_range(d, m->role_first, m->role_end, true);
		if (i > 0)
			FUZZ_CHECK(e->ments[i - 1].tok_first <= m->tok_first);
	}
	for (uint32_t i = 0; i < e->nent; i++)
	{
		const NcEntity *ent = &e->ents[i];

		FUZZ_CHECK(nc_entity_type_name(ent->type) != NULL);
		FUZZ_CHECK(ent->name != NULL || ent->name_len == 0);
		if (ent->name)
			fuzz_touch(ent->name, ent->name_len);
		FUZZ_CHECK(ent->first_mention < e->nment);
		FUZZ_CHECK(ent->nmentions >= 1 && ent->nmentions <= e->nment);
		FUZZ_CHECK(e->ments[ent->first_mention].entity == i);
		/* entities are numbered in order of first mention */
		if (i > 0)
			FUZZ_CHECK(e->ents[i - 1].first_mention < ent->first_mention);
	}
}

static inline void
fuzz_check_quotes(const NcDoc *d, const NcEntities *e, const NcQuotes *q)
{
	for (uint32_t i = 0; i < q->nquote; i++)
	{
		const NcQuote *x = &q->quotes[i];

		FUZZ_CHECK(x->tok_first <= x->tok_end && x->tok_end <= d->ntok);
		FUZZ_CHECK(x->sentence < d->nsent);
		FUZZ_CHECK(x->continues < (int32_t) i);
		FUZZ_CHECK(x->speaker_entity < (int32_t) e->nent);
		if (x->speaker)
			fuzz_touch(x->speaker, x->speaker_len);
		else
			FUZZ_CHECK(x->speaker_entity < 0);
		fuzz_check_range(d, x->speaker_first, x->speaker_end, false);
		fuzz_check_range(d, x->verb_first, x->verb_end, false);
		if (i > 0)
			FUZZ_CHECK(q->quotes[i - 1].tok_first <= x->tok_first);
	}
}

static inline void
fuzz_check_decimal(const char *s)
{
	const char *p = s;

	if (*p == '-')
		p++;
	FUZZ_CHECK(*p >= '0' && *p <= '9');
	while (*p >= '0' && *p <= '9')
		p++;
	if (*p == '.')
	{
		p++;
		FUZZ_CHECK(*p >= '0' && *p <= '9');
		while (*p >= '0' && *p <= '9')
			p++;
	}
	FUZZ_CHECK(*p == '\0');
	FUZZ_CHECK(p - s < 4096);
}

static inline void
fuzz_check_claims(const NcDoc *d, const NcQuotes *q, const NcClaims *c)
{
	for (uint32_t i = 0; i < c->nclaim; i++)
	{
		const NcClaim *x = &c->claims[i];

		fuzz_check_range(d, x->tok_first, x->tok_end, false);
		FUZZ_CHECK(x->sentence < d->nsent);
		FUZZ_CHECK(x->value != NULL);
		fuzz_check_decimal(x->value);
		if (x->value_max)
			fuzz_check_decimal(x->value_max);
		if (x->unit)
			FUZZ_CHECK(strlen(x->unit) > 0 && strlen(x->unit) < 64);
		FUZZ_CHECK(nc_approx_name(x->approx) != NULL);
		fuzz_check_range(d, x->object_first, x->object_end, false);
		FUZZ_CHECK(x->quote < (int32_t) q->nquote);
		if (x->source)
			fuzz_touch(x->source, x->source_len);
		if (i > 0)
			FUZZ_CHECK(c->claims[i - 1].tok_first <= x->tok_first);
	}
}

/*
 * A strict JSON (RFC 8259) validator: one value, nothing after it but
 * white space; strings are valid UTF-8 without raw control characters and
 * with only the escapes JSON knows (\u surrogates paired); numbers in JSON's
 * own grammar.  Returns the position of the first error, or -1 when valid.
 */
typedef struct FuzzJson
{
	const unsigned char *s;
	size_t		len;
	size_t		i;
	int			depth;
	bool		bad;
} FuzzJson;

static void fuzz_json_value(FuzzJson *j);

static inline void
fuzz_json_ws(FuzzJson *j)
{
	while (j->i < j->len && (j->s[j->i] == ' ' || j->s[j->i] == '\t' ||
							 j->s[j->i] == '\n' || j->s[j->i] == '\r'))
		j->i++;
}

static inline bool
fuzz_json_lit(FuzzJson *j, const char *lit)
{
	size_t		n = strlen(lit);

	if (j->len - j->i < n || memcmp(j->s + j->i, lit, n) != 0)
		return false;
	j->i += n;
	return true;
}

static inline int
fuzz_json_hex4(FuzzJson *j)
{
	int			v = 0;

	if (j->len - j->i < 4)
		return -1;
	for (int k = 0; k < 4; k++)
	{
		unsigned char c = j->s[j->i++];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return -1;
	}
	return v;
}

static inline void
fuzz_json_string(FuzzJson *j)
{
	j->i++;						/* the opening quote */
	while (!j->bad)
	{
		unsigned char c;

		if (j->i >= j->len)
		{
			j->bad = true;
			return;
		}
		c = j->s[j->i];
		if (c == '"')
		{
			j->i++;
			return;
		}
		if (c < 0x20)
			j->bad = true;
		else if (c == '\\')
		{
			unsigned char e;

			if (++j->i >= j->len)
			{
				j->bad = true;
				return;
			}
			e = j->s[j->i++];
			if (e == 'u')
			{
				int			u = fuzz_json_hex4(j);

				if (u < 0 || (u >= 0xDC00 && u <= 0xDFFF))
					j->bad = true;
				else if (u >= 0xD800 && u <= 0xDBFF)
				{
					int			lo;

					if (!fuzz_json_lit(j, "\\u") || (lo = fuzz_json_hex4(j)) < 0xDC00 || lo > 0xDFFF)
						j->bad = true;
				}
			}
			else if (!strchr("\"\\/bfnrt", e) || e == 0)
				j->bad = true;
		}
		else if (c < 0x80)
			j->i++;
		else
		{
			/* one UTF-8 sequence, shortest form, no surrogates, <= U+10FFFF */
			int			n;
			uint32_t	cp;

			if (c >= 0xC2 && c <= 0xDF)
				n = 1, cp = c & 0x1F;
			else if (c >= 0xE0 && c <= 0xEF)
				n = 2, cp = c & 0x0F;
			else if (c >= 0xF0 && c <= 0xF4)
				n = 3, cp = c & 0x07;
			else
			{
				j->bad = true;
				return;
			}
			if (j->len - j->i <= (size_t) n)
			{
				j->bad = true;
				return;
			}
			for (int k = 1; k <= n; k++)
			{
				unsigned char cc = j->s[j->i + k];

				if ((cc & 0xC0) != 0x80)
					j->bad = true;
				cp = (cp << 6) | (cc & 0x3F);
			}
			if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
				(cp >= 0xD800 && cp <= 0xDFFF))
				j->bad = true;
			j->i += n + 1;
		}
	}
}

static inline void
fuzz_json_number(FuzzJson *j)
{
	size_t		start;

	if (j->s[j->i] == '-')
		j->i++;
	if (j->i >= j->len)
	{
		j->bad = true;
		return;
	}
	if (j->s[j->i] == '0')
		j->i++;
	else if (j->s[j->i] >= '1' && j->s[j->i] <= '9')
		while (j->i < j->len && j->s[j->i] >= '0' && j->s[j->i] <= '9')
			j->i++;
	else
	{
		j->bad = true;
		return;
	}
	if (j->i < j->len && j->s[j->i] == '.')
	{
		start = ++j->i;
		while (j->i < j->len && j->s[j->i] >= '0' && j->s[j->i] <= '9')
			j->i++;
		if (j->i == start)
			j->bad = true;
	}
	if (j->i < j->len && (j->s[j->i] == 'e' || j->s[j->i] == 'E'))
	{
		j->i++;
		if (j->i < j->len && (j->s[j->i] == '+' || j->s[j->i] == '-'))
			j->i++;
		start = j->i;
		while (j->i < j->len && j->s[j->i] >= '0' && j->s[j->i] <= '9')
			j->i++;
		if (j->i == start)
			j->bad = true;
	}
}

static inline void
fuzz_json_container(FuzzJson *j, bool object)
{
	char		close = object ? '}' : ']';

	if (++j->depth > 64)
	{
		j->bad = true;
		return;
	}
	j->i++;
	fuzz_json_ws(j);
	if (j->i < j->len && j->s[j->i] == close)
	{
		j->i++;
		j->depth--;
		return;
	}
	while (!j->bad)
	{
		if (object)
		{
			fuzz_json_ws(j);
			if (j->i >= j->len || j->s[j->i] != '"')
			{
				j->bad = true;
				return;
			}
			fuzz_json_string(j);
			fuzz_json_ws(j);
			if (j->bad || j->i >= j->len || j->s[j->i] != ':')
			{
				j->bad = true;
				return;
			}
			j->i++;
		}
		fuzz_json_value(j);
		fuzz_json_ws(j);
		if (j->bad || j->i >= j->len)
		{
			j->bad = true;
			return;
		}
		if (j->s[j->i] == ',')
		{
			j->i++;
			continue;
		}
		if (j->s[j->i] == close)
		{
			j->i++;
			j->depth--;
			return;
		}
		j->bad = true;
	}
}

static void
fuzz_json_value(FuzzJson *j)
{
	fuzz_json_ws(j);
	if (j->i >= j->len)
	{
		j->bad = true;
		return;
	}
	switch (j->s[j->i])
	{
		case '{':
			fuzz_json_container(j, true);
			break;
		case '[':
			fuzz_json_container(j, false);
			break;
		case '"':
			fuzz_json_string(j);
			break;
		case 't':
			if (!fuzz_json_lit(j, "true"))
				j->bad = true;
			break;
		case 'f':
			if (!fuzz_json_lit(j, "false"))
				j->bad = true;
			break;
		case 'n':
			if (!fuzz_json_lit(j, "null"))
				j->bad = true;
			break;
		default:
			fuzz_json_number(j);
			break;
	}
}

/* -1 when s[0..len) is one valid JSON document, else the error position. */
static inline long
fuzz_json_validate(const char *s, size_t len)
{
	FuzzJson	j = {(const unsigned char *) s, len, 0, 0, false};

	fuzz_json_value(&j);
	fuzz_json_ws(&j);
	if (!j.bad && j.i == len)
		return -1;
	return (long) j.i;
}

/* Run the pipeline up to `upto` and check everything it produced. */
static inline void
fuzz_run(const uint8_t *data, size_t size, NcStage upto, bool json)
{
	NcArena    *arena = nc_arena_create();
	NcEnv		env;
	NcAnalysis	a;
	NcStatus	st;

	FUZZ_CHECK(arena != NULL);
	nc_arena_env(arena, &env);
	st = nc_analyze(&env, (const char *) data, size, upto, &a);
	FUZZ_CHECK(st == NC_OK);
	FUZZ_CHECK(a.stage == upto);
	fuzz_check_doc(&a.doc, size);
	if (upto >= NC_STAGE_ENTITIES)
		fuzz_check_entities(&a.doc, &a.ents);
	if (upto >= NC_STAGE_QUOTES)
		fuzz_check_quotes(&a.doc, &a.ents, &a.quotes);
	if (upto >= NC_STAGE_CLAIMS)
		fuzz_check_claims(&a.doc, &a.quotes, &a.claims);
	if (json)
	{
		NcBuf		buf;
		long		bad;

		nc_buf_init(&buf, &env);
		nc_analysis_json(&buf, &a, nc_position_codepoint, NULL);
		FUZZ_CHECK(!buf.failed);
		FUZZ_CHECK(buf.data != NULL && strlen(buf.data) == buf.len);
		bad = fuzz_json_validate(buf.data, buf.len);
		if (bad >= 0)
		{
			fprintf(stderr, "invalid JSON at byte %ld of %u: ...%.*s\n", bad, buf.len,
					(int) (buf.len - bad < 80 ? buf.len - bad : 80), buf.data + bad);
			abort();
		}
	}
	nc_arena_destroy(arena);
}

#endif							/* NC_FUZZ_COMMON_H */
