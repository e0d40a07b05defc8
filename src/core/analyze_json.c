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

/*
 * The member writers are inlined whole into each element's writer (as
 * nc_json.h inlines its copy): they are small once their tests are folded
 * by the caller's constants, and a call apiece would cost more than most
 * of them do.
 */
#define MEMBER NC_JSON_INLINE

typedef struct KeyText
{
	char		text[KEY_SLOT - 1];
	uint8_t		len;
} KeyText;

#define KEY_TEXT(id, k) {",\"" k "\":", sizeof(",\"" k "\":") - 1},
static const KeyText keys[] = {
	ANALYZE_KEYS(KEY_TEXT)
};

/*
 * A member's room: its key slot and the value, a string of n bytes between
 * quotes or an integer (or null).  An element asks for the sum at once and
 * its members are then written with no room check of their own.
 */
#define STR_ROOM(n) (KEY_SLOT + 2 + (size_t) (n))
#define INT_ROOM (KEY_SLOT + NC_JSON_INT_ROOM)
/* the element's , { and } and the NUL */
#define ELEMENT_ROOM 4

/* Key k at p, which has room for a whole slot: returns where it ends. */
static inline char *
put_key(char *p, Key k)
{
	memcpy(p, &keys[k], KEY_SLOT);
	return p + keys[k].len;
}

static inline char *
put_null(char *p, Key k)
{
	p = put_key(p, k);
	memcpy(p, "null", 4);
	return p + 4;
}

static inline char *
put_int(char *p, Key k, int64_t v)
{
	return nc_json_int_at(put_key(p, k), (long long) v);
}

static inline char *
put_int_or_null(char *p, Key k, int64_t v, bool isnull)
{
	return isnull ? put_null(p, k) : put_int(p, k, v);
}

/*
 * The first member of element i of an array, integer v: its ,"key": is
 * written after the comma that separates elements, then that key's own
 * comma becomes the element's {.
 */
static inline char *
put_open(char *p, uint32_t i, Key k, int64_t v)
{
	char	   *open;

	*p = ',';
	open = p + (i != 0);
	p = put_key(open, k);
	*open = '{';
	return nc_json_int_at(p, (long long) v);
}

/* A member with literal text s (a number the core wrote), or null */
static inline char *
put_raw(char *p, Key k, const char *s, size_t len)
{
	if (s == NULL)
		return put_null(p, k);
	p = put_key(p, k);
	memcpy(p, s, len);
	return p + len;
}

/*
 * put_str's way out for a string to escape, at p past its key: the string
 * goes through the buffer, which may grow, and room for the rest of the
 * element (at most `room`) is asked for afresh.  NULL once the buffer
 * failed.
 */
static char *
put_str_escaped(Writer *w, char *p, const char *s, size_t len, size_t room)
{
	nc_buf_commit(w->buf, p);
	nc_json_string(w->buf, s, len);
	return nc_buf_room(w->buf, room);
}

/* A string member, or null; room as for put_str_escaped */
MEMBER char *
put_str(Writer *w, char *p, Key k, const char *s, size_t len, size_t room)
{
	if (s == NULL)
		return put_null(p, k);
	p = put_key(p, k);
	*p = '"';
	if (nc_json_copy_plain(p + 1, s, len))
	{
		p[len + 1] = '"';
		return p + len + 2;
	}
	return put_str_escaped(w, p, s, len, room);
}

/* Bytes of the text of tokens [first, end), 0 when there are none */
static inline size_t
tokens_len(const NcDoc *d, int64_t first, int64_t end)
{
	if (first < 0 || end <= first)
		return 0;
	return d->toks[end - 1].end - d->toks[first].start;
}

/* "text" of tokens [first, end), or null when there are none */
MEMBER char *
put_tokens_text(Writer *w, char *p, Key k, int64_t first, int64_t end, size_t room)
{
	const NcDoc *d = w->doc;

	if (first < 0 || end <= first)
		return put_null(p, k);
	return put_str(w, p, k, d->text + d->toks[first].start,
				   d->toks[end - 1].end - d->toks[first].start, room);
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
MEMBER char *
put_tokens_span(Writer *w, char *p, Key kstart, Key kend, int64_t first, int64_t end)
{
	const NcDoc *d = w->doc;

	if (first < 0 || end <= first)
		return put_null(put_null(p, kstart), kend);
	p = put_int(p, kstart, position(w, d->toks[first].start, d->toks[first].cstart));
	return put_int(p, kend, position(w, d->toks[end - 1].end, d->toks[end - 1].cend));
}

/*
 * A member whose string is one of a few constants (an entity type, an
 * approximator), written once per document into a slot and copied from
 * there whole, as a key is.  A string too long for the slot, or one to
 * escape, is written each time.
 */
#define CONST_SLOT 32
#define NCONST 8

typedef struct ConstMembers
{
	uint8_t		len[NCONST];	/* 0: not written yet; UINT8_MAX: no slot */
	char		text[NCONST][CONST_SLOT];
} ConstMembers;

static char *
put_const_slow(Writer *w, ConstMembers *cm, uint32_t c, char *p, Key k,
			   const char *s, size_t room)
{
	size_t		len = s != NULL ? strlen(s) : 0;
	char		tmp[KEY_SLOT + CONST_SLOT];
	char	   *e;

	memset(tmp, 0, sizeof(tmp));
	e = put_key(tmp, k);
	if (s == NULL)
	{
		memcpy(e, "null", 4);
		e += 4;
	}
	else if ((size_t) (e - tmp) + len + 2 <= CONST_SLOT &&
			 nc_json_copy_plain(e + 1, s, len))
	{
		*e = '"';
		e[len + 1] = '"';
		e += len + 2;
	}
	else
	{
		/* no slot: through the buffer, which takes any length */
		if (c < NCONST)
			cm->len[c] = UINT8_MAX;
		return put_str_escaped(w, put_key(p, k), s, len, room);
	}
	if (c < NCONST)
	{
		memcpy(cm->text[c], tmp, CONST_SLOT);
		cm->len[c] = (uint8_t) (e - tmp);
	}
	memcpy(p, tmp, CONST_SLOT);
	return p + (e - tmp);
}

/* Member k of constant number c, whose string is s (computed by the caller) */
static inline char *
put_const(Writer *w, ConstMembers *cm, uint32_t c, char *p, Key k, const char *s,
		  size_t room)
{
	if (c < NCONST && cm->len[c] != 0 && cm->len[c] != UINT8_MAX)
	{
		memcpy(p, cm->text[c], CONST_SLOT);
		return p + cm->len[c];
	}
	return put_const_slow(w, cm, c, p, k, s, room);
}

static void
write_entities(Writer *w, const NcEntities *e)
{
	const NcDoc *d = w->doc;
	ConstMembers types;

	memset(types.len, 0, sizeof(types.len));
	nc_buf_puts(w->buf, "\"entities\":[");
	for (uint32_t i = 0; i < e->nment; i++)
	{
		const NcMention *m = &e->ments[i];
		const NcEntity *ent = &e->ents[m->entity];
		size_t		room = ELEMENT_ROOM + 4 * INT_ROOM + STR_ROOM(ent->name_len) +
			STR_ROOM(CONST_SLOT) + STR_ROOM(tokens_len(d, m->tok_first, m->tok_end)) +
			STR_ROOM(tokens_len(d, m->role_first, m->role_end));
		char	   *p = nc_buf_room(w->buf, room);

		if (p == NULL)
			return;
		p = put_open(p, i, K_ENTITY, (int64_t) m->entity + 1);
		if ((p = put_str(w, p, K_NAME, ent->name, ent->name_len, room)) == NULL ||
			(p = put_const(w, &types, ent->type, p, K_TYPE,
						   nc_entity_type_name(ent->type), room)) == NULL ||
			(p = put_tokens_text(w, p, K_MENTION, m->tok_first, m->tok_end, room)) == NULL)
			return;
		p = put_tokens_span(w, p, K_START, K_END, m->tok_first, m->tok_end);
		p = put_int(p, K_SENTENCE, (int64_t) d->toks[m->tok_first].sentence + 1);
		if ((p = put_tokens_text(w, p, K_ROLE, m->role_first, m->role_end, room)) == NULL)
			return;
		*p++ = '}';
		nc_buf_commit(w->buf, p);
	}
	nc_buf_append(w->buf, "]", 1);
}

static void
write_quotes(Writer *w, const NcQuotes *qs)
{
	const NcDoc *d = w->doc;

	nc_buf_puts(w->buf, "\"quotes\":[");
	for (uint32_t i = 0; i < qs->nquote; i++)
	{
		const NcQuote *q = &qs->quotes[i];
		size_t		room = ELEMENT_ROOM + 8 * INT_ROOM +
			STR_ROOM(tokens_len(d, q->tok_first, q->tok_end)) +
			STR_ROOM(q->speaker_len) +
			STR_ROOM(tokens_len(d, q->speaker_first, q->speaker_end)) +
			STR_ROOM(tokens_len(d, q->verb_first, q->verb_end));
		char	   *p = nc_buf_room(w->buf, room);

		if (p == NULL)
			return;
		p = put_open(p, i, K_QUOTE, (int64_t) i + 1);
		/* its tokens, or the empty span where its marks meet */
		if (q->tok_end > q->tok_first)
		{
			if ((p = put_tokens_text(w, p, K_TEXT, q->tok_first, q->tok_end, room)) == NULL)
				return;
			p = put_tokens_span(w, p, K_START, K_END, q->tok_first, q->tok_end);
		}
		else
		{
			const NcToken *t = &d->toks[q->tok_first < d->ntok ? q->tok_first : d->ntok - 1];
			int64_t		pos = position(w, t->start, t->cstart);

			p = put_str(w, p, K_TEXT, "", 0, room);
			p = put_int(put_int(p, K_START, pos), K_END, pos);
		}
		if ((p = put_str(w, p, K_SPEAKER, q->speaker, q->speaker_len, room)) == NULL)
			return;
		p = put_int_or_null(p, K_SPEAKER_ENTITY, (int64_t) q->speaker_entity + 1,
							q->speaker_entity < 0);
		if ((p = put_tokens_text(w, p, K_SPEAKER_MENTION, q->speaker_first,
								 q->speaker_end, room)) == NULL)
			return;
		p = put_tokens_span(w, p, K_SPEAKER_START, K_SPEAKER_END, q->speaker_first,
							q->speaker_end);
		if ((p = put_tokens_text(w, p, K_VERB, q->verb_first, q->verb_end, room)) == NULL)
			return;
		p = put_int(p, K_SENTENCE, (int64_t) q->sentence + 1);
		p = put_int_or_null(p, K_CONTINUES, (int64_t) q->continues + 1, q->continues < 0);
		*p++ = '}';
		nc_buf_commit(w->buf, p);
	}
	nc_buf_append(w->buf, "]", 1);
}

static void
write_claims(Writer *w, const NcClaims *cs)
{
	const NcDoc *d = w->doc;
	ConstMembers approx;

	memset(approx.len, 0, sizeof(approx.len));
	nc_buf_puts(w->buf, "\"claims\":[");
	for (uint32_t i = 0; i < cs->nclaim; i++)
	{
		const NcClaim *c = &cs->claims[i];
		size_t		vlen = c->value != NULL ? strlen(c->value) : 0;
		size_t		vmlen = c->value_max != NULL ? strlen(c->value_max) : 0;
		size_t		ulen = c->unit != NULL ? strlen(c->unit) : 0;
		size_t		room = ELEMENT_ROOM + 5 * INT_ROOM +
			STR_ROOM(tokens_len(d, c->tok_first, c->tok_end)) +
			STR_ROOM(vlen) + STR_ROOM(vmlen) + STR_ROOM(ulen) + STR_ROOM(CONST_SLOT) +
			STR_ROOM(tokens_len(d, c->object_first, c->object_end)) +
			STR_ROOM(c->source_len);
		char	   *p = nc_buf_room(w->buf, room);

		if (p == NULL)
			return;
		p = put_open(p, i, K_CLAIM, (int64_t) i + 1);
		if ((p = put_tokens_text(w, p, K_TEXT, c->tok_first, c->tok_end, room)) == NULL)
			return;
		p = put_tokens_span(w, p, K_START, K_END, c->tok_first, c->tok_end);
		p = put_raw(p, K_VALUE, c->value, vlen);
		p = put_raw(p, K_VALUE_MAX, c->value_max, vmlen);
		if ((p = put_str(w, p, K_UNIT, c->unit, ulen, room)) == NULL ||
			(p = put_const(w, &approx, c->approx, p, K_APPROX,
						   nc_approx_name(c->approx), room)) == NULL ||
			(p = put_tokens_text(w, p, K_OBJECT, c->object_first, c->object_end,
								 room)) == NULL)
			return;
		p = put_int_or_null(p, K_QUOTE, (int64_t) c->quote + 1, c->quote < 0);
		if ((p = put_str(w, p, K_SOURCE, c->source, c->source_len, room)) == NULL)
			return;
		p = put_int(p, K_SENTENCE, (int64_t) c->sentence + 1);
		*p++ = '}';
		nc_buf_commit(w->buf, p);
	}
	nc_buf_append(w->buf, "]", 1);
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
