/*
 * analyze_json.c
 *		The JSON document of analyze(): one array per extractor, each element
 *		with the keys of the matching SQL function's columns, spans as
 *		integer "start" and "end" (1-based, end exclusive).
 *
 * Written as text by the core so that the CLI prints exactly what the
 * backend turns into jsonb.
 */
#include <string.h>

#include "nc_analyze.h"

int64_t
nc_position_codepoint(void *ctx, uint32_t byte_off, uint32_t cp_off)
{
	return (int64_t) cp_off + 1;
}

typedef struct Writer
{
	NcBuf	   *buf;
	const NcDoc *doc;
	NcPositionFn pos;
	void	   *posctx;
} Writer;

/*
 * The keys, each kept as its constant ,"key": in a fixed-size slot: a key
 * is copied as one whole slot (three word moves, whatever its length) and
 * the output goes on after its real length, so there is no call and no
 * branch on the length.  The bytes past the key are overwritten by the
 * value.
 */
#define ANALYZE_KEYS(X) \
	X(APPROX, "approx") X(CLAIM, "claim") X(CONTINUES, "continues") \
	X(END, "end") X(ENTITY, "entity") X(MENTION, "mention") X(NAME, "name") \
	X(OBJECT, "object") X(QUOTE, "quote") X(ROLE, "role") \
	X(SENTENCE, "sentence") X(SOURCE, "source") X(SPEAKER, "speaker") \
	X(SPEAKER_END, "speaker_end") X(SPEAKER_ENTITY, "speaker_entity") \
	X(SPEAKER_MENTION, "speaker_mention") X(SPEAKER_START, "speaker_start") \
	X(START, "start") X(TEXT, "text") X(TYPE, "type") X(UNIT, "unit") \
	X(VALUE, "value") X(VALUE_MAX, "value_max") X(VERB, "verb")

#define KEY_ENUM(id, k) K_##id,
typedef enum Key
{
	ANALYZE_KEYS(KEY_ENUM)
} Key;

#define KEY_SLOT 24

typedef struct KeyText
{
	char		text[KEY_SLOT - 1];
	uint8_t		len;
} KeyText;

#define KEY_TEXT(id, k) {",\"" k "\":", sizeof(",\"" k "\":") - 1},
static const KeyText keys[] = {
	ANALYZE_KEYS(KEY_TEXT)
};

/* Room a member needs beside its value's text: its key and the NUL. */
#define MEMBER_ROOM (KEY_SLOT + 1)

/* Key k at p, which has room for a whole slot: returns where it ends. */
static inline char *
put_key(char *p, Key k)
{
	memcpy(p, &keys[k], KEY_SLOT);
	return p + keys[k].len;
}

/* An integer member, or null */
static void
int_or_null(Writer *w, Key k, int64_t v, bool isnull)
{
	char	   *p = nc_buf_room(w->buf, MEMBER_ROOM + NC_JSON_INT_ROOM);

	if (p == NULL)
		return;
	p = put_key(p, k);
	if (isnull)
	{
		memcpy(p, "null", 4);
		p += 4;
	}
	else
		p = nc_json_int_at(p, (long long) v);
	nc_buf_commit(w->buf, p);
}

/* Two integer members, a start and an end, with one room check */
static void
int_pair(Writer *w, Key k1, int64_t v1, Key k2, int64_t v2)
{
	char	   *p = nc_buf_room(w->buf, 2 * (MEMBER_ROOM + NC_JSON_INT_ROOM));

	if (p == NULL)
		return;
	p = nc_json_int_at(put_key(p, k1), (long long) v1);
	p = nc_json_int_at(put_key(p, k2), (long long) v2);
	nc_buf_commit(w->buf, p);
}

/*
 * The first member of element i of an array, integer v: its ,"key": is
 * written after the comma that separates elements, then that key's own
 * comma becomes the element's {.
 */
static void
open_element(Writer *w, uint32_t i, Key k, int64_t v)
{
	char	   *p = nc_buf_room(w->buf, 1 + MEMBER_ROOM + NC_JSON_INT_ROOM);
	char	   *open;

	if (p == NULL)
		return;
	*p = ',';
	open = p + (i != 0);
	p = put_key(open, k);
	*open = '{';
	nc_buf_commit(w->buf, nc_json_int_at(p, (long long) v));
}

/* A member with literal text s (a number the core wrote), or null */
static void
raw_or_null(Writer *w, Key k, const char *s)
{
	size_t		len = s != NULL ? strlen(s) : 4;
	char	   *p = nc_buf_room(w->buf, MEMBER_ROOM + len);

	if (p == NULL)
		return;
	p = put_key(p, k);
	memcpy(p, s != NULL ? s : "null", len);
	nc_buf_commit(w->buf, p + len);
}

/* A string member, or null */
static void
str_or_null(Writer *w, Key k, const char *s, size_t len)
{
	char	   *p;

	if (s == NULL)
	{
		int_or_null(w, k, 0, true);
		return;
	}
	p = nc_buf_room(w->buf, MEMBER_ROOM + len + 2);
	if (p == NULL)
		return;
	p = put_key(p, k);
	*p = '"';
	if (nc_json_copy_plain(p + 1, s, len))
	{
		p[len + 1] = '"';
		nc_buf_commit(w->buf, p + len + 2);
	}
	else
	{
		/* to escape: the key stays, the string is written afresh */
		nc_buf_commit(w->buf, p);
		nc_json_string(w->buf, s, len);
	}
}

static inline void
close_char(Writer *w, const char *c)
{
	nc_buf_append(w->buf, c, 1);
}

/* "text" of tokens [first, end), or null when first < 0 */
static void
tokens_text(Writer *w, Key k, int64_t first, int64_t end)
{
	const NcDoc *d = w->doc;

	if (first < 0 || end <= first)
	{
		str_or_null(w, k, NULL, 0);
		return;
	}
	str_or_null(w, k, d->text + d->toks[first].start,
				d->toks[end - 1].end - d->toks[first].start);
}

/* The caller's position of a byte and code point offset. */
static inline int64_t
position(Writer *w, uint32_t byte_off, uint32_t cp_off)
{
	/* the CLI's numbering, the common case, without the indirect call */
	if (w->pos == nc_position_codepoint)
		return (int64_t) cp_off + 1;
	return w->pos(w->posctx, byte_off, cp_off);
}

/* "<prefix>start" and "<prefix>end" of tokens [first, end) */
static void
tokens_span(Writer *w, Key kstart, Key kend, int64_t first, int64_t end)
{
	const NcDoc *d = w->doc;

	if (first < 0 || end <= first)
	{
		int_or_null(w, kstart, 0, true);
		int_or_null(w, kend, 0, true);
		return;
	}
	int_pair(w, kstart, position(w, d->toks[first].start, d->toks[first].cstart),
			 kend, position(w, d->toks[end - 1].end, d->toks[end - 1].cend));
}

static void
write_entities(Writer *w, const NcEntities *e)
{
	nc_buf_puts(w->buf, "\"entities\":[");
	for (uint32_t i = 0; i < e->nment; i++)
	{
		const NcMention *m = &e->ments[i];
		const NcEntity *ent = &e->ents[m->entity];
		const char *type = nc_entity_type_name(ent->type);

		open_element(w, i, K_ENTITY, (int64_t) m->entity + 1);
		str_or_null(w, K_NAME, ent->name, ent->name_len);
		str_or_null(w, K_TYPE, type, type ? strlen(type) : 0);
		tokens_text(w, K_MENTION, m->tok_first, m->tok_end);
		tokens_span(w, K_START, K_END, m->tok_first, m->tok_end);
		int_or_null(w, K_SENTENCE, (int64_t) w->doc->toks[m->tok_first].sentence + 1, false);
		tokens_text(w, K_ROLE, m->role_first, m->role_end);
		close_char(w, "}");
	}
	close_char(w, "]");
}

/* A quote's span: its tokens, or the empty span where its marks meet. */
static void
quote_span(Writer *w, const NcQuote *q)
{
	const NcDoc *d = w->doc;

	if (q->tok_end > q->tok_first)
	{
		tokens_text(w, K_TEXT, q->tok_first, q->tok_end);
		tokens_span(w, K_START, K_END, q->tok_first, q->tok_end);
	}
	else
	{
		const NcToken *t = &d->toks[q->tok_first < d->ntok ? q->tok_first : d->ntok - 1];
		int64_t		p = position(w, t->start, t->cstart);

		str_or_null(w, K_TEXT, "", 0);
		int_or_null(w, K_START, p, false);
		int_or_null(w, K_END, p, false);
	}
}

static void
write_quotes(Writer *w, const NcQuotes *qs)
{
	nc_buf_puts(w->buf, "\"quotes\":[");
	for (uint32_t i = 0; i < qs->nquote; i++)
	{
		const NcQuote *q = &qs->quotes[i];

		open_element(w, i, K_QUOTE, (int64_t) i + 1);
		quote_span(w, q);
		str_or_null(w, K_SPEAKER, q->speaker, q->speaker_len);
		int_or_null(w, K_SPEAKER_ENTITY, (int64_t) q->speaker_entity + 1, q->speaker_entity < 0);
		tokens_text(w, K_SPEAKER_MENTION, q->speaker_first, q->speaker_end);
		tokens_span(w, K_SPEAKER_START, K_SPEAKER_END, q->speaker_first, q->speaker_end);
		tokens_text(w, K_VERB, q->verb_first, q->verb_end);
		int_or_null(w, K_SENTENCE, (int64_t) q->sentence + 1, false);
		int_or_null(w, K_CONTINUES, (int64_t) q->continues + 1, q->continues < 0);
		close_char(w, "}");
	}
	close_char(w, "]");
}

static void
write_claims(Writer *w, const NcClaims *cs)
{
	nc_buf_puts(w->buf, "\"claims\":[");
	for (uint32_t i = 0; i < cs->nclaim; i++)
	{
		const NcClaim *c = &cs->claims[i];
		const char *approx = nc_approx_name(c->approx);

		open_element(w, i, K_CLAIM, (int64_t) i + 1);
		tokens_text(w, K_TEXT, c->tok_first, c->tok_end);
		tokens_span(w, K_START, K_END, c->tok_first, c->tok_end);
		raw_or_null(w, K_VALUE, c->value);
		raw_or_null(w, K_VALUE_MAX, c->value_max);
		str_or_null(w, K_UNIT, c->unit, c->unit ? strlen(c->unit) : 0);
		str_or_null(w, K_APPROX, approx, strlen(approx));
		tokens_text(w, K_OBJECT, c->object_first, c->object_end);
		int_or_null(w, K_QUOTE, (int64_t) c->quote + 1, c->quote < 0);
		str_or_null(w, K_SOURCE, c->source, c->source_len);
		int_or_null(w, K_SENTENCE, (int64_t) c->sentence + 1, false);
		close_char(w, "}");
	}
	close_char(w, "]");
}

/*
 * About what the document will take (the dev sets average 118 bytes an
 * entity, 175 a claim, 190 a quote beside its text; a little more is asked
 * for).  Reserved at once, the buffer does not grow and copy itself a
 * dozen times on a long text.
 */
static size_t
json_size_hint(const NcAnalysis *a)
{
	size_t		n = 64;

	if (a->stage >= NC_STAGE_ENTITIES)
		n += (size_t) a->ents.nment * 128;
	if (a->stage >= NC_STAGE_QUOTES)
		for (uint32_t i = 0; i < a->quotes.nquote; i++)
		{
			const NcQuote *q = &a->quotes.quotes[i];

			n += 200;
			if (q->tok_end > q->tok_first)
				n += a->doc.toks[q->tok_end - 1].end - a->doc.toks[q->tok_first].start;
		}
	if (a->stage >= NC_STAGE_CLAIMS)
		n += (size_t) a->claims.nclaim * 192;
	return n < NC_BUF_FLUSH_AT ? n : NC_BUF_FLUSH_AT;
}

void
nc_analysis_json(NcBuf *buf, const NcAnalysis *a, NcPositionFn pos, void *posctx)
{
	Writer		w = {buf, &a->doc, pos, posctx};

	nc_buf_reserve(buf, json_size_hint(a));
	nc_buf_puts(buf, "{");
	if (a->stage >= NC_STAGE_ENTITIES)
		write_entities(&w, &a->ents);
	if (a->stage >= NC_STAGE_QUOTES)
	{
		nc_buf_puts(buf, ",");
		write_quotes(&w, &a->quotes);
	}
	if (a->stage >= NC_STAGE_CLAIMS)
	{
		nc_buf_puts(buf, ",");
		write_claims(&w, &a->claims);
	}
	nc_buf_puts(buf, "}");
}
