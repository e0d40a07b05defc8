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
	bool		first;			/* no key written yet in this object */
} Writer;

/*
 * Keys are passed as KEY("name"): the constant ,"name": and its length,
 * written in one piece (nc_json_key_lit) without being scanned or measured.
 */
#define KEY(k) ",\"" k "\":", sizeof(",\"" k "\":") - 1

static inline void
key(Writer *w, const char *k, size_t klen)
{
	nc_json_key_lit(w->buf, k, klen, &w->first);
}

static void
int_or_null(Writer *w, const char *k, size_t klen, int64_t v, bool isnull)
{
	nc_json_key_int(w->buf, k, klen, &w->first, (long long) v, isnull);
}

static void
str_or_null(Writer *w, const char *k, size_t klen, const char *s, size_t len)
{
	if (s == NULL)
		int_or_null(w, k, klen, 0, true);	/* null */
	else
		nc_json_key_string(w->buf, k, klen, &w->first, s, len);
}

/* "text" of tokens [first, end), or null when first < 0 */
static void
tokens_text(Writer *w, const char *k, size_t klen, int64_t first, int64_t end)
{
	const NcDoc *d = w->doc;

	if (first < 0 || end <= first)
	{
		str_or_null(w, k, klen, NULL, 0);
		return;
	}
	str_or_null(w, k, klen, d->text + d->toks[first].start,
				d->toks[end - 1].end - d->toks[first].start);
}

/* "<prefix>start" and "<prefix>end" of tokens [first, end) */
static void
tokens_span(Writer *w, const char *kstart, size_t kslen, const char *kend, size_t kelen,
			int64_t first, int64_t end)
{
	const NcDoc *d = w->doc;

	if (first < 0 || end <= first)
	{
		int_or_null(w, kstart, kslen, 0, true);
		int_or_null(w, kend, kelen, 0, true);
		return;
	}
	int_or_null(w, kstart, kslen, w->pos(w->posctx, d->toks[first].start, d->toks[first].cstart), false);
	int_or_null(w, kend, kelen, w->pos(w->posctx, d->toks[end - 1].end, d->toks[end - 1].cend), false);
}

static void
begin_object(Writer *w, bool first_in_array)
{
	nc_buf_puts(w->buf, first_in_array ? "{" : ",{");
	w->first = true;
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

		begin_object(w, i == 0);
		int_or_null(w, KEY("entity"), (int64_t) m->entity + 1, false);
		str_or_null(w, KEY("name"), ent->name, ent->name_len);
		str_or_null(w, KEY("type"), type, type ? strlen(type) : 0);
		tokens_text(w, KEY("mention"), m->tok_first, m->tok_end);
		tokens_span(w, KEY("start"), KEY("end"), m->tok_first, m->tok_end);
		int_or_null(w, KEY("sentence"), (int64_t) w->doc->toks[m->tok_first].sentence + 1, false);
		tokens_text(w, KEY("role"), m->role_first, m->role_end);
		nc_buf_puts(w->buf, "}");
	}
	nc_buf_puts(w->buf, "]");
}

/* A quote's span: its tokens, or the empty span where its marks meet. */
static void
quote_span(Writer *w, const NcQuote *q)
{
	const NcDoc *d = w->doc;

	if (q->tok_end > q->tok_first)
	{
		tokens_text(w, KEY("text"), q->tok_first, q->tok_end);
		tokens_span(w, KEY("start"), KEY("end"), q->tok_first, q->tok_end);
	}
	else
	{
		const NcToken *t = &d->toks[q->tok_first < d->ntok ? q->tok_first : d->ntok - 1];
		int64_t		p = w->pos(w->posctx, t->start, t->cstart);

		str_or_null(w, KEY("text"), "", 0);
		int_or_null(w, KEY("start"), p, false);
		int_or_null(w, KEY("end"), p, false);
	}
}

static void
write_quotes(Writer *w, const NcQuotes *qs)
{
	nc_buf_puts(w->buf, "\"quotes\":[");
	for (uint32_t i = 0; i < qs->nquote; i++)
	{
		const NcQuote *q = &qs->quotes[i];

		begin_object(w, i == 0);
		int_or_null(w, KEY("quote"), (int64_t) i + 1, false);
		quote_span(w, q);
		str_or_null(w, KEY("speaker"), q->speaker, q->speaker_len);
		int_or_null(w, KEY("speaker_entity"), (int64_t) q->speaker_entity + 1, q->speaker_entity < 0);
		tokens_text(w, KEY("speaker_mention"), q->speaker_first, q->speaker_end);
		tokens_span(w, KEY("speaker_start"), KEY("speaker_end"), q->speaker_first, q->speaker_end);
		tokens_text(w, KEY("verb"), q->verb_first, q->verb_end);
		int_or_null(w, KEY("sentence"), (int64_t) q->sentence + 1, false);
		int_or_null(w, KEY("continues"), (int64_t) q->continues + 1, q->continues < 0);
		nc_buf_puts(w->buf, "}");
	}
	nc_buf_puts(w->buf, "]");
}

static void
write_claims(Writer *w, const NcClaims *cs)
{
	nc_buf_puts(w->buf, "\"claims\":[");
	for (uint32_t i = 0; i < cs->nclaim; i++)
	{
		const NcClaim *c = &cs->claims[i];
		const char *approx = nc_approx_name(c->approx);

		begin_object(w, i == 0);
		int_or_null(w, KEY("claim"), (int64_t) i + 1, false);
		tokens_text(w, KEY("text"), c->tok_first, c->tok_end);
		tokens_span(w, KEY("start"), KEY("end"), c->tok_first, c->tok_end);
		key(w, KEY("value"));
		nc_buf_puts(w->buf, c->value ? c->value : "null");
		key(w, KEY("value_max"));
		nc_buf_puts(w->buf, c->value_max ? c->value_max : "null");
		str_or_null(w, KEY("unit"), c->unit, c->unit ? strlen(c->unit) : 0);
		str_or_null(w, KEY("approx"), approx, strlen(approx));
		tokens_text(w, KEY("object"), c->object_first, c->object_end);
		int_or_null(w, KEY("quote"), (int64_t) c->quote + 1, c->quote < 0);
		str_or_null(w, KEY("source"), c->source, c->source_len);
		int_or_null(w, KEY("sentence"), (int64_t) c->sentence + 1, false);
		nc_buf_puts(w->buf, "}");
	}
	nc_buf_puts(w->buf, "]");
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
	Writer		w = {buf, &a->doc, pos, posctx, true};

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
