/*
 * claims_object.c
 *		What a quantity counts ("450 documented cases of torture", "80
 *		percent of the vote") and who claims it (the speaker of the quote it
 *		stands in, or the source a reporting clause names: "the U.N. said",
 *		"according to the ministry").
 */
#include <string.h>

#include "claims_internal.h"
#include "lexicon_data.h"

static bool
is_stop(const NcDoc *doc, uint32_t i)
{
	return cl_lex_tok(&nc_lex_claim_stopwords, doc, i) != NULL;
}

/* A short noun phrase of plain words starting at i; returns its end. */
static uint32_t
noun_phrase(const ClCtx *c, uint32_t i, bool allow_det, uint32_t maxw)
{
	const NcDoc *doc = c->doc;
	uint32_t	j = i,
				words = 0;
	bool		used_of = false;

	if (allow_det && j < c->send && (cl_tok_is(doc, j, "the") || cl_tok_is(doc, j, "its") ||
									 cl_tok_is(doc, j, "their") || cl_tok_is(doc, j, "his") ||
									 cl_tok_is(doc, j, "her") || cl_tok_is(doc, j, "all")))
		j++;
	while (j < c->send && words < maxw)
	{
		const NcToken *t = &doc->toks[j];

		if (t->kind != NC_TK_WORD)
			break;
		if (cl_tok_is(doc, j, "of") && !used_of && words > 0 && j + 1 < c->send &&
			doc->toks[j + 1].kind == NC_TK_WORD && !is_stop(c->doc, j + 1))
		{
			used_of = true;
			j++;
			continue;
		}
		if (is_stop(doc, j))
			break;
		words++;
		j++;
	}
	if (words == 0)
		return i;
	/* do not end on "of" */
	while (j > i && cl_tok_is(doc, j - 1, "of"))
		j--;
	return j;
}

void
cl_find_object(const ClCtx *c, NcClaim *cl)
{
	const NcDoc *doc = c->doc;
	uint32_t	j = cl->tok_end;
	uint32_t	e;
	const char *u = cl->unit;

	cl->object_first = -1;
	cl->object_end = -1;
	if (j >= c->send || u == NULL || strncmp(u, "duration:", 9) == 0)
		return;
	if (cl_tok_is(doc, j, "of"))
	{
		e = noun_phrase(c, j + 1, true, 5);
		if (e > j + 1)
		{
			cl->object_first = (int32_t) j + 1;
			cl->object_end = (int32_t) e;
		}
		return;
	}
	if (strcmp(u, "count") != 0)
		return;
	e = noun_phrase(c, j, false, 4);
	if (e > j)
	{
		cl->object_first = (int32_t) j;
		cl->object_end = (int32_t) e;
	}
}

int32_t
cl_quote_at(const ClCtx *c, uint32_t tok)
{
	const NcQuotes *q = c->quotes;
	uint32_t	lo = 0,
				hi;

	if (q == NULL || q->nquote == 0 || q->quotes == NULL)
		return -1;
	hi = q->nquote;
	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;

		if (q->quotes[mid].tok_end <= tok)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < q->nquote && q->quotes[lo].tok_first <= tok && tok < q->quotes[lo].tok_end)
		return (int32_t) lo;
	return -1;
}

/* Index of the first mention with tok_end > tok (binary search). */
static uint32_t
mention_from(const NcEntities *e, uint32_t tok)
{
	uint32_t	lo = 0,
				hi = e->nment;

	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;

		if (e->ments[mid].tok_end <= tok)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const NcEntity *
cl_mention_ending_at(const ClCtx *c, uint32_t end)
{
	const NcEntities *e = c->ents;
	uint32_t	m;

	if (e == NULL || e->nment == 0 || end == 0)
		return NULL;
	m = mention_from(e, end - 1);
	if (m < e->nment && e->ments[m].tok_end == end && e->ments[m].entity < e->nent)
		return &e->ents[e->ments[m].entity];
	return NULL;
}

static const NcEntity *
mention_starting_at(const ClCtx *c, uint32_t first)
{
	const NcEntities *e = c->ents;
	uint32_t	m;

	if (e == NULL || e->nment == 0)
		return NULL;
	m = mention_from(e, first);
	if (m < e->nment && e->ments[m].tok_first == first && e->ments[m].entity < e->nent)
		return &e->ents[e->ments[m].entity];
	return NULL;
}

/* The last PERSON mentioned before token tok, within a few sentences. */
static const NcEntity *
last_person_before(const ClCtx *c, uint32_t tok)
{
	const NcEntities *e = c->ents;
	uint32_t	m;
	uint32_t	limit = 40;

	if (e == NULL || e->nment == 0)
		return NULL;
	m = mention_from(e, tok);
	while (m > 0 && limit-- > 0)
	{
		const NcMention *mm = &e->ments[--m];

		if (mm->tok_end + 200 < tok)
			break;
		if (mm->entity < e->nent && e->ents[mm->entity].type == NC_ET_PERSON)
			return &e->ents[mm->entity];
	}
	return NULL;
}

static bool
is_report_verb(const NcDoc *doc, uint32_t i)
{
	return cl_lex_tok(&nc_lex_claim_report_verbs, doc, i) != NULL;
}

/* Can word i be a report verb or "according"? (its first four bytes) */
static bool
maybe_report_verb(const NcDoc *doc, uint32_t i)
{
	uint32_t	k = cl_tok_key4((const unsigned char *) doc->text, doc->len, &doc->toks[i]);

	return nc_lex_prefix_maybe(&nc_lex_claim_report_verbs.prefix, k) |
		(k == NC_LEX_KEY4('a', 'c', 'c', 'o'));
}

/*
 * The source a reporting clause of the current sentence names, if any: an
 * entity's canonical name, or the words as written ("the ministry").
 */
void
cl_sentence_source(const ClCtx *c, const char **src, uint32_t *len)
{
	const NcDoc *doc = c->doc;
	const NcEntity *ent;

	*src = NULL;
	*len = 0;
	for (uint32_t i = c->sfirst; i < c->send; i++)
	{
		uint32_t	tl = nc_tok_len(doc, i);

		if (doc->toks[i].kind != NC_TK_WORD || tl < 4 || tl > 10 ||
			(doc->toks[i].flags & NC_TF_CAP) || !maybe_report_verb(doc, i))
			continue;
		if (cl_tok_is(doc, i, "according") && i + 2 < c->send && cl_tok_is(doc, i + 1, "to"))
		{
			uint32_t	f = i + 2,
						e;

			ent = mention_starting_at(c, f);
			if (ent == NULL && (cl_tok_is(doc, f, "the") || cl_tok_is(doc, f, "a")))
				ent = mention_starting_at(c, f + 1);
			if (ent != NULL)
			{
				*src = ent->name;
				*len = ent->name_len;
				return;
			}
			e = noun_phrase(c, f, true, 5);
			if (e > f)
			{
				*src = doc->text + doc->toks[f].start;
				*len = doc->toks[e - 1].end - doc->toks[f].start;
				return;
			}
			continue;
		}
		if (!is_report_verb(doc, i))
			continue;
		/* X said */
		ent = cl_mention_ending_at(c, i);
		if (ent == NULL && i > c->sfirst && (doc->toks[i - 1].flags & NC_TF_POSSESSIVE) == 0)
		{
			if (cl_tok_is(doc, i - 1, "he") || cl_tok_is(doc, i - 1, "she"))
				ent = last_person_before(c, i - 1);
		}
		/* said X */
		if (ent == NULL && i + 1 < c->send)
			ent = mention_starting_at(c, i + 1);
		if (ent != NULL)
		{
			*src = ent->name;
			*len = ent->name_len;
			return;
		}
		/* "the ministry said": the noun phrase before the verb */
		if (i > c->sfirst + 1 && doc->toks[i - 1].kind == NC_TK_WORD && !is_stop(doc, i - 1) &&
			!(doc->toks[i - 1].flags & NC_TF_SENT_START))
		{
			uint32_t	f = i - 1;

			while (f > c->sfirst && i - f < 4 && doc->toks[f - 1].kind == NC_TK_WORD &&
				   !is_stop(doc, f - 1))
				f--;
			if (f > c->sfirst && cl_tok_is(doc, f - 1, "the"))
				f--;
			if (cl_tok_is(doc, f, "the") || (doc->toks[f].flags & NC_TF_CAP))
			{
				*src = doc->text + doc->toks[f].start;
				*len = doc->toks[i - 1].end - doc->toks[f].start;
				return;
			}
		}
	}
}
