/*
 * ner_internal.h
 *		The entity tagger's pieces shared between src/core/ner_*.c,
 *		entities*.c and the unit tests; not part of the core's interface.
 *
 * The features are specified in tools/ner/nerspec.py: keep the two in step
 * (the unit test compares scores with a fixture the trainer printed).
 */
#ifndef NC_NER_INTERNAL_H
#define NC_NER_INTERNAL_H

#include "nc_doc.h"

#define NER_MODEL_VERSION 4
#define NER_NLAB 9
#define NER_START 9				/* "previous tag" before a sentence */
#define NER_MAXPHRASE 6
#define NER_MAXBEAM 8			/* widest beam a model may ask for */
#define NER_BEAM_MARGIN 40000	/* beam: drop hypotheses this far behind
								 * (quantized units: 1.25 x the largest
								 * weight); nerspec.BEAM_MARGIN */

/* labels: O, B-PER, I-PER, B-ORG, I-ORG, B-LOC, I-LOC, B-MISC, I-MISC */
#define NER_LABEL_TYPE(l) ((uint8_t) (((l) + 1) / 2))	/* NcEntityType */
#define NER_IS_B(l) (((l) & 1) == 1)

/* gazetteer bits */
#define NER_G_FIRST_M	0x0001
#define NER_G_FIRST_F	0x0002
#define NER_G_DEMONYM	0x0004
#define NER_G_TITLE		0x0008
#define NER_G_ORGW		0x0010
#define NER_G_LOCW		0x0020
#define NER_G_COMMON	0x0040	/* an ordinary word (WordNet, wamerican) */
#define NER_G_PROPER	0x0080	/* only capitalised in wamerican */
#define NER_G_WORDMASK	0x00FF
#define NER_NWORDBITS	8
#define NER_G_COUNTRY	0x0100
#define NER_G_CITY		0x0200
#define NER_G_REGION	0x0400	/* also WordNet locations */
#define NER_G_ORG		0x0800
#define NER_G_WNPER		0x1000	/* WordNet person instances */
#define NER_G_WNORG		0x2000	/* WordNet groups */
#define NER_G_WNMISC	0x4000	/* WordNet events, works, nationalities */
#define NER_G_FULLMASK	0x7F00	/* any phrase gazetteer */
#define NER_G_GEOORG	0x0F00	/* the hand-checked ones: countries, cities,
								 * regions, organisations */
#define NER_G_PREFIX	0x8000

#define NER_PH_SEED UINT64_C(0x6E6572676178657A)
/* nc_ner_fnv("<S>"), nc_ner_fnv("</S>"): context beyond the sentence */
#define NER_H_BOS UINT64_C(0x70410A18303F4472)
#define NER_H_EOS UINT64_C(0x7C41011AD484BC79)
#define NER_NCONNECT 17
extern const uint64_t nc_ner_connectors[NER_NCONNECT];
extern const uint64_t nc_ner_key_quote;	/* word key and shape of a quote mark */
extern const uint64_t nc_ner_key_poss;	/* word key of a possessive ending */
extern const uint64_t nc_ner_shape_poss;	/* ... and its shape */

/*
 * Weight rows of the features whose values come from a small set (bias,
 * capitalisation pattern, length, gazetteer bits, run and phrase codes,
 * sentence mode, document case), found once for every value, so that
 * scoring a token looks them up by index instead of hashing them.  NULL:
 * the feature has no weights.
 */
#define NER_RT_CAPS		4096	/* prev | cur << 4 | next << 8 capcodes */
#define NER_RT_PHR		257		/* phrase codes 0..256 */
typedef struct NerRowTab
{
	const int16_t *bias;
	const int16_t *len[32];
	const int16_t *gaz[3][NER_NWORDBITS];	/* T_GAZ0, T_GAZM1, T_GAZP1 */
	const int16_t *caps[NER_RT_CAPS];
	const int16_t *mode_caps[2][NER_RT_CAPS];	/* modes 1, 2 */
	const int16_t *rungaz[256 << 3];
	const int16_t *runlen[8 << 3];
	const int16_t *phr[3][NER_RT_PHR];	/* T_PHR, T_PHRM1, T_PHRP1 */
	const int16_t *doc[4][64];
	const int16_t *casegz[16][64];
} NerRowTab;

typedef struct NerModel
{
	uint32_t	wbits;
	uint32_t	gbits;
	uint32_t	nnz;			/* buckets with weights */
	uint32_t	beam;			/* beam width of decoding, 1 = greedy */
	const uint64_t *bitmap;		/* (1 << wbits) / 64 words: bucket used */
	const uint32_t *rank;		/* set bits before each bitmap word */
	const int16_t *weights;		/* nnz * NER_NLAB, in bucket order */
	const uint64_t *gaz;		/* (1 << gbits) slots */
	/* weight rows of the label-only features (T_PT, T_PT2), or NULL */
	const int16_t *pt_rows[NER_START + 1];
	const int16_t *pt2_rows[(NER_START + 1) * (NER_START + 1)];
	const NerRowTab *rt;
} NerModel;

/*
 * The weight lookups count bits (nc_ner_weights); baseline x86-64 has no
 * popcount instruction, so the functions that do most lookups are built
 * twice and the loader picks the popcnt one on CPUs that have it (all
 * since 2008).
 */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__)
#define NER_HOT __attribute__((target_clones("popcnt", "default")))
#else
#define NER_HOT
#endif

/*
 * The bitmap word of bucket b shifted left so that the bucket's bit is its
 * top one, with the bits before it below: the bucket has weights when the
 * top bit is set, and then its rank among the word's is the count of the
 * others (no mask to build).
 */
static inline uint64_t
nc_ner_bucket_bits(const NerModel *m, uint64_t b)
{
	return m->bitmap[b >> 6] << (~b & 63);
}

/* Weights of bucket b, whose nc_ner_bucket_bits y has the top bit set. */
static inline const int16_t *
nc_ner_bucket_row(const NerModel *m, uint64_t b, uint64_t y)
{
	return m->weights + ((size_t) m->rank[b >> 6] +
						 (size_t) __builtin_popcountll(y) - 1) * NER_NLAB;
}

/* Weights of bucket b, or NULL when the bucket has none. */
static inline const int16_t *
nc_ner_weights(const NerModel *m, uint64_t b)
{
	uint64_t	y = nc_ner_bucket_bits(m, b);

	return (y >> 63) ? nc_ner_bucket_row(m, b, y) : NULL;
}

/* What the tagger knows of one token. */
typedef struct NerTok
{
	uint64_t	wh;				/* hash of the word key */
	uint64_t	sh;				/* hash of the shape */
	uint64_t	suf2,
				suf3,
				pre3;
	/*
	 * gbits to upper: what nc_ner_tag sets for every token, side by side
	 * so that the zeros are one or two stores
	 */
	uint16_t	gbits;			/* gazetteer bits of the word */
	uint16_t	phr;			/* phrase-gazetteer code, 0 none */
	uint8_t		affix;			/* suf2, suf3, pre3 are set */
	uint8_t		shaped;			/* sh is set */
	uint8_t		runpos;			/* capitalised run: 1 first, 2 inner, 3 last,
								 * 4 single, 0 none */
	uint8_t		upper;
	/* nc_ner_tok only: nc_ner_tag reads it from the document pass's tcase */
	uint8_t		lenc;			/* min(key bytes, 15) | allcaps << 4 */
	/* set with runpos (run_at) */
	uint8_t		runlen;			/* min(run length, 6) */
	uint8_t		rungz;			/* word bits of the run's last token */
	uint64_t	runfirst;		/* wh of the run's first token */
	uint64_t	runlast;		/* wh of the run's last token */
	uint8_t		bl[NER_MAXBEAM];	/* beam decoding: label of hypothesis k */
	uint8_t		bp[NER_MAXBEAM];	/* ... and its parent at the token before */
} NerTok;

/* document case bits (nerspec.D_*) */
#define NER_D_LOWER		1		/* the word occurs in lower case */
#define NER_D_CAPMID	2		/* ... capitalised, not sentence-initial, in
								 * a sentence of mode 0 */

#define NER_GAZ_AHEAD 8

/*
 * The words of a document, each with an id (word-key hash -> id, in order
 * of first sight) and how it is written (NER_D_* bits by id).
 */
typedef struct NerDocCase
{
	const NcEnv *env;
	uint64_t   *keys;			/* 0 = empty (the word of hash 0 is id 0,
								 * not in the table) */
	uint32_t   *ids;			/* the word's index in words */
	uint32_t	mask;
	uint32_t	count;			/* keys held; the table grows at 3/4 */
	uint32_t	grow_at;		/* ... of its slots: (mask + 1) / 4 * 3 */
	uint64_t   *words;			/* keys in order of first sight; words[0] = 0 */
	uint8_t    *wbits;			/* NER_D_* bits by id */
	uint32_t	nwords;
	uint32_t	wordcap;
	uint32_t	wbitscap;
	uint32_t	room;			/* least of the three lists' capacities */
	/*
	 * Gazetteer bits by id: a new word's slot is prefetched as it comes and
	 * read NER_GAZ_AHEAD words later (the table is larger than the caches);
	 * nc_ner_doc_case_index reads the last ones.
	 */
	uint16_t   *wgz;
	uint32_t	wgzcap;
	uint64_t	gazkey[NER_GAZ_AHEAD];	/* by id % NER_GAZ_AHEAD: the slot key
										 * of a word still in flight */
} NerDocCase;

/* ner_model.c */
/* the model, loaded on the first call; NULL when the data is bad */
extern const NerModel *nc_ner_model(void);

/* The gazetteer bits of phrase key key (nc_ner_mix of the words), 0 none. */
static inline uint16_t
nc_ner_gaz(const NerModel *m, uint64_t key)
{
	uint64_t	mask = ((uint64_t) 1 << m->gbits) - 1;
	uint64_t	idx = key >> (64 - m->gbits);
	uint64_t	k = key & ~(uint64_t) 0xFFFF;

	if (k == 0)
		k = 0x10000;
	for (;;)
	{
		uint64_t	slot = m->gaz[idx];

		if (slot == 0)
			return 0;
		if ((slot & ~(uint64_t) 0xFFFF) == k)
			return (uint16_t) (slot & 0xFFFF);
		idx = (idx + 1) & mask;
	}
}

/* ner_features.c */
/* fills pt_rows, pt2_rows and *rt, and points m->rt to it */
extern void nc_ner_model_rows(NerModel *m, NerRowTab *rt);
static inline uint64_t
nc_ner_mix(uint64_t z)
{
	z += UINT64_C(0x9E3779B97F4A7C15);
	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

static inline uint64_t
nc_ner_fh(uint32_t tid, uint64_t a, uint64_t b)
{
	return nc_ner_mix(a + (b ^ ((uint64_t) tid << 48)) * UINT64_C(0xD6E8FEB86659FD93));
}

extern uint64_t nc_ner_fnv(const char *s, size_t len);
/* Fill t from token i of doc (no gazetteer, no phrase code). */
extern void nc_ner_tok(const NcDoc *doc, uint32_t i, NerTok *t);

/*
 * The case view of a token, which the document pass keeps for every token
 * (tcase) so that tagging need not read the token again, in 14 bits: bit 0
 * upper (capitalised, or an upper-case ASCII letter), bit 1 wordish (has
 * letters: cap, allcaps or an ASCII letter; not a quote or possessive),
 * bits 2-5 the capitalisation pattern (capcode: cap, allcaps, sentence
 * start, upper-case letter but not cap), bits 6-10 lenc, bits 11-12 the
 * mode of its sentence (0 normal, 1 title case, 2 all caps), bit 13
 * NER_CASE_NONASCII: the token has a byte above 0x7F (quote marks and
 * possessives aside), so maybe a U+2019 to read as an apostrophe.
 */
#define NER_CASE_NONASCII 0x2000

static inline int
nc_ner_case_mode(uint16_t c)
{
	return (c >> 11) & 3;
}

/*
 * The document pass over tokens [first, end) of doc (one sentence): each
 * word added to dc with its case bits, its id into wid[0..end-first) and
 * its case view into tcase[]; scratch is room for end-first tokens.
 * False when out of memory.
 */
extern bool nc_ner_doc_pass(const NerModel *m, const NcDoc *doc, uint32_t first,
							uint32_t end, NerTok *scratch, NerDocCase *dc,
							uint32_t *wid, uint16_t *tcase);
/*
 * Table of dc for a document of ntok tokens (it starts small and grows with
 * the distinct words); false when out of memory.
 */
extern bool nc_ner_doc_case_init(const NcEnv *env, NerDocCase *dc, uint32_t ntok);
/*
 * After the document pass: the gazetteer bits of the words still in flight
 * and of id 0 (no word, the empty key), so that every word has its bits by
 * id and tagging looks them up once per distinct word (their room came
 * with the words: nothing to allocate).
 */
extern void nc_ner_doc_case_index(const NerModel *m, NerDocCase *dc);
/* give the table's memory back (nc_release), words too unless taken */
extern void nc_ner_doc_case_free(NerDocCase *dc);

/*
 * Tag tokens [first, end) of doc (one sentence) into labels[0..end-first);
 * toks is scratch of (end - first) entries; dc the document's words after
 * the document pass (nc_ner_doc_pass, nc_ner_doc_case_index), wid and
 * tcase what that pass wrote for the sentence.  scores, when not NULL, gets
 * NER_NLAB int32 scores per token (zeros for unscored tokens).
 */
extern void nc_ner_tag(const NerModel *m, const NcDoc *doc, uint32_t first,
					   uint32_t end, NerTok *toks, const NerDocCase *dc,
					   const uint32_t *wid, const uint16_t *tcase,
					   uint8_t *labels, int32_t *scores);

#endif							/* NC_NER_INTERNAL_H */
