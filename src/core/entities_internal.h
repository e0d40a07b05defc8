/*
 * entities_internal.h
 *		State shared by entities.c, entities_rules.c and entities_group.c.
 */
#ifndef NC_ENTITIES_INTERNAL_H
#define NC_ENTITIES_INTERNAL_H

#include "nc_entities.h"
#include "ner_internal.h"
#include "nc_swar.h"

typedef struct EntSpan
{
	uint32_t	first;
	uint32_t	end;
	int32_t		role_first;
	int32_t		role_end;
	uint8_t		type;			/* NcEntityType, 0 = dropped */
	uint8_t		cue;			/* context gave the type ("Mr X", "X, who",
								 * "the firm X"): outweighs the tagger in
								 * the document's votes */
} EntSpan;

typedef struct EntCtx
{
	const NcEnv *env;
	const NcDoc *doc;
	const NerModel *model;
	uint8_t    *labels;			/* per token */
	uint8_t    *up;				/* per token: has an upper-case letter */
	uint32_t   *wid;			/* per token: index into words */
	uint64_t   *words;			/* word-key hashes of the document's distinct
								 * words; words[0] = 0 (no word) */
	uint32_t	nwords;			/* word ids in use (words[0] included) */
	uint32_t	wordcap;
	uint16_t   *gz;				/* per token: gazetteer word bits */
	uint16_t   *phr;			/* per token: phrase-gazetteer code */
	uint32_t   *wlex;			/* per word id: the rules' lexicon look-ups,
								 * cached (entities_rules.c) */
	uint8_t    *scratch;		/* per token: one byte array the rule passes
								 * share (nc_ent_scratch) */
	uint32_t   *caps;			/* the tokens with up set, in order, then
								 * UINT32_MAX (entities_rules.c) */
	EntSpan    *spans;
	uint32_t	nspan;
	uint32_t	spancap;
} EntCtx;

/* the high bit of each byte of w that is not 0 (nc_swar.h's marks) */
static inline uint64_t
nc_ent_nonzero_marks(uint64_t w)
{
	return (((w & ~NC_SWAR_HIGHS) + ~NC_SWAR_HIGHS) | w) & NC_SWAR_HIGHS;
}

/* word-key hash of token i (nc_ner_tok) */
static inline uint64_t
nc_ent_wh(const EntCtx *cx, uint32_t i)
{
	return cx->words[cx->wid[i]];
}

/*
 * The rule passes' per-token byte array, allocated once: head_names' person
 * marks, then the covered tokens that covered_tokens fills and the passes
 * after it keep up to date.  Contents undefined: each user clears it first.
 * NULL when out of memory.
 */
static inline uint8_t *
nc_ent_scratch(EntCtx *cx)
{
	if (cx->scratch == NULL)
		cx->scratch = nc_alloc(cx->env, cx->doc->ntok);
	return cx->scratch;
}

/* an NcKeyMap entry (nc_keymap.h) that holds an index */
typedef struct EntSlot
{
	uint64_t	key;
	uint32_t	val;
} EntSlot;

extern NcStatus nc_ent_add_span(EntCtx *cx, uint32_t first, uint32_t end, uint8_t type);
/* entities_rules.c: span trimming, document consistency, roles */
extern NcStatus nc_ent_rules(EntCtx *cx);
/* entities_group.c: group spans into entities, fill out */
extern NcStatus nc_ent_group(EntCtx *cx, NcEntities *out);

/* helpers (entities_rules.c), whose look-ups the rules' cache keeps */
/* the gender a title at token i gives: 1 a man's, 2 a woman's, 0 none */
extern uint8_t nc_ent_title_gender(const EntCtx *cx, uint32_t i);
/* word i gives cue cls, a letter of lexicon/ner_cue_words.txt */
extern bool nc_ent_cue_word(const EntCtx *cx, uint32_t i, char cls);

/* the key of the string of tokens [first, end): its words' hashes mixed */
static inline uint64_t
nc_ent_span_key(const EntCtx *cx, uint32_t first, uint32_t end)
{
	uint64_t	h = nc_ner_mix(NER_PH_SEED ^ nc_ent_wh(cx, first));

	for (uint32_t k = first + 1; k < end; k++)
		h = nc_ner_mix(h ^ nc_ent_wh(cx, k));
	return h;
}

#endif							/* NC_ENTITIES_INTERNAL_H */
