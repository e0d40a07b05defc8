/*
 * entities.c
 *		nc_entities_extract: tag every sentence, turn labels into mentions,
 *		then the document-level rules (entities_rules.c) and the grouping
 *		(entities_group.c).
 */
#include <string.h>

#include "entities_internal.h"

const char *
nc_entity_type_name(uint8_t type)
{
	switch (type)
	{
		case NC_ET_PERSON:
			return "PERSON";
		case NC_ET_ORG:
			return "ORG";
		case NC_ET_LOC:
			return "LOC";
		case NC_ET_MISC:
			return "MISC";
		default:
			return NULL;
	}
}

int32_t
nc_entities_mention_at(const NcEntities *ents, uint32_t tok)
{
	uint32_t	lo = 0,
				hi = ents->nment;

	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;
		const NcMention *m = &ents->ments[mid];

		if (tok < m->tok_first)
			hi = mid;
		else if (tok >= m->tok_end)
			lo = mid + 1;
		else
			return (int32_t) mid;
	}
	return -1;
}

NcStatus
nc_ent_add_span(EntCtx *cx, uint32_t first, uint32_t end, uint8_t type)
{
	EntSpan    *sp;

	if (!nc_reserve(cx->env, (void **) &cx->spans, &cx->spancap,
					cx->nspan + 1, sizeof(EntSpan)))
		return NC_ENOMEM;
	sp = &cx->spans[cx->nspan++];
	sp->first = first;
	sp->end = end;
	sp->role_first = -1;
	sp->role_end = -1;
	sp->type = type;
	sp->cue = 0;
	return NC_OK;
}

/*
 * Tag every sentence; fills cx->labels, cx->wid, cx->up, cx->gz, cx->phr.
 * A first pass notes how each word is written across the document (the
 * tagger's document-case features), the second tags.  Between the passes
 * cx->gz holds each token's case view (ner_internal.h), which the
 * second pass reads before it stores the gazetteer bits there.
 */
static NcStatus
tag_document(EntCtx *cx)
{
	const NcDoc *doc = cx->doc;
	NerTok	   *scratch = NULL;
	uint32_t	scratchcap = 0;
	uint32_t	since = 0;
	NerDocCase	dc;

	if (!nc_ner_doc_case_init(cx->env, &dc, doc->ntok))
		return NC_ENOMEM;
	for (int pass = 0; pass < 2; pass++)
	{
		if (pass == 1)
			nc_ner_doc_case_index(cx->model, &dc);
		for (uint32_t s = 0; s < doc->nsent; s++)
		{
			uint32_t	first = doc->sents[s].tok_first;
			uint32_t	end = doc->sents[s].tok_end;
			uint32_t	n;

			if (end > doc->ntok)
				end = doc->ntok;
			if (first >= end)
				continue;
			n = end - first;
			if (!nc_reserve(cx->env, (void **) &scratch, &scratchcap, n, sizeof(NerTok)))
				return NC_ENOMEM;
			if (pass == 0)
			{
				if (!nc_ner_doc_pass(cx->model, doc, first, end, scratch, &dc,
									 cx->wid + first, cx->gz + first))
					return NC_ENOMEM;
			}
			else
			{
				/*
				 * through local pointers: a store to cx->up could alias cx
				 * itself, and indexing through cx would reload the three
				 * pointers at every token
				 */
				uint8_t    *up = cx->up + first;
				uint16_t   *gz = cx->gz + first,
						   *phr = cx->phr + first;

				nc_ner_tag(cx->model, doc, first, end, scratch, &dc,
						   cx->wid + first, gz, cx->labels + first, NULL);
				for (uint32_t i = 0; i < n; i++)
				{
					up[i] = scratch[i].upper;
					gz[i] = scratch[i].gbits;
					phr[i] = scratch[i].phr;
				}
			}
			since += n;
			if (since >= 4096)
			{
				since = 0;
				if (nc_should_stop(cx->env))
					return NC_ECANCEL;
			}
		}
	}
	/* the words stay for the rules (nc_ent_wh) */
	cx->words = dc.words;
	cx->nwords = dc.nwords;
	cx->wordcap = dc.wordcap;
	dc.words = NULL;
	nc_ner_doc_case_free(&dc);
	nc_release(cx->env, scratch, (size_t) scratchcap * sizeof(NerTok));
	return NC_OK;
}

static NcStatus
labels_to_spans(EntCtx *cx)
{
	const NcDoc *doc = cx->doc;
	const uint8_t *labels = cx->labels;

	for (uint32_t s = 0; s < doc->nsent; s++)
	{
		uint32_t	first = doc->sents[s].tok_first;
		uint32_t	end = doc->sents[s].tok_end < doc->ntok ? doc->sents[s].tok_end : doc->ntok;
		uint32_t	i = first;

		while (i < end)
		{
			uint8_t		l;
			uint32_t	j;

			/* most tokens are in no name: eight labels a test */
			for (; i + 8 <= end; i += 8)
			{
				uint64_t	w = nc_swar_load(labels + i);

				if (w != 0)
				{
					i = (uint32_t) nc_swar_stop(i, nc_ent_nonzero_marks(w));
					break;
				}
			}
			while (i < end && labels[i] == 0)
				i++;
			if (i >= end)
				break;
			l = labels[i];
			j = i + 1;
			while (j < end && labels[j] == (uint8_t) (NER_IS_B(l) ? l + 1 : l))
				j++;
			if (nc_ent_add_span(cx, i, j, NER_LABEL_TYPE(l)) != NC_OK)
				return NC_ENOMEM;
			i = j;
		}
	}
	return NC_OK;
}

/*
 * Do the sentences, in order, cover every token once?  Then tag_document
 * writes every token's labels, wid, up, gz and phr, and they need no
 * clearing first.
 */
static bool
sentences_tile(const NcDoc *doc)
{
	uint32_t	next = 0;

	for (uint32_t s = 0; s < doc->nsent; s++)
	{
		if (doc->sents[s].tok_first != next || doc->sents[s].tok_end < next)
			return false;
		next = doc->sents[s].tok_end;
	}
	return next == doc->ntok;
}

NcStatus
nc_entities_extract(const NcEnv *env, const NcDoc *doc, NcEntities *out)
{
	EntCtx		cx;
	NcStatus	st;

	memset(out, 0, sizeof(*out));
	if (doc == NULL || doc->ntok == 0)
		return NC_OK;
	memset(&cx, 0, sizeof(cx));
	cx.env = env;
	cx.doc = doc;
	if ((cx.model = nc_ner_model()) == NULL)
		return NC_OK;			/* no usable model: no entities */
	cx.labels = nc_alloc(env, doc->ntok);
	cx.up = nc_alloc(env, doc->ntok);
	cx.wid = nc_alloc(env, (size_t) doc->ntok * sizeof(uint32_t));
	cx.gz = nc_alloc(env, (size_t) doc->ntok * sizeof(uint16_t));
	cx.phr = nc_alloc(env, (size_t) doc->ntok * sizeof(uint16_t));
	if (!cx.labels || !cx.up || !cx.wid || !cx.gz || !cx.phr)
		return NC_ENOMEM;
	if (!sentences_tile(doc))
	{
		/* tokens the tagging passes do not reach read as 0 */
		memset(cx.labels, 0, doc->ntok);
		memset(cx.up, 0, doc->ntok);
		memset(cx.wid, 0, (size_t) doc->ntok * sizeof(uint32_t));
		memset(cx.gz, 0, (size_t) doc->ntok * sizeof(uint16_t));
		memset(cx.phr, 0, (size_t) doc->ntok * sizeof(uint16_t));
	}

	if ((st = tag_document(&cx)) != NC_OK)
		return st;
	if ((st = labels_to_spans(&cx)) != NC_OK)
		return st;
	if (nc_should_stop(env))
		return NC_ECANCEL;
	if ((st = nc_ent_rules(&cx)) != NC_OK)
		return st;
	if (nc_should_stop(env))
		return NC_ECANCEL;
	if ((st = nc_ent_group(&cx, out)) != NC_OK)
		return st;
	/* the per-token scratch is not needed after this */
	nc_release(env, cx.labels, doc->ntok);
	nc_release(env, cx.up, doc->ntok);
	nc_release(env, cx.wid, (size_t) doc->ntok * sizeof(uint32_t));
	nc_release(env, cx.words, (size_t) cx.wordcap * sizeof(uint64_t));
	nc_release(env, cx.gz, (size_t) doc->ntok * sizeof(uint16_t));
	nc_release(env, cx.phr, (size_t) doc->ntok * sizeof(uint16_t));
	nc_release(env, cx.scratch, doc->ntok);
	nc_release(env, cx.wlex, (size_t) cx.nwords * sizeof(uint32_t));
	nc_release(env, cx.spans, (size_t) cx.spancap * sizeof(EntSpan));
	return NC_OK;
}
