/*
 * claims_internal.h
 *		Shared pieces of the numeric-claims extractor (claims*.c).
 *
 * Values are exact decimals held as an unsigned 128-bit mantissa and a
 * power of ten: mant * 10^exp.  Anything that does not fit (more than 38
 * significant digits) is not a claim a reader states, and is skipped.
 */
#ifndef NC_CLAIMS_INTERNAL_H
#define NC_CLAIMS_INTERNAL_H

#include <string.h>

#include "nc_claims.h"
#include "nc_lexicon.h"

typedef unsigned __int128 ClU128;

typedef struct ClDec
{
	ClU128		mant;
	int32_t		exp;
	bool		neg;
	bool		ok;				/* false: overflow or not a number */
} ClDec;

/* What the number grammar found at a token. */
#define CL_NF_WORDS		0x0001	/* written in words ("six") */
#define CL_NF_SCALED	0x0002	/* a scale word or suffix (bn, million) */
#define CL_NF_FRACTION	0x0004	/* a proper fraction ("a third", "3/4") */
#define CL_NF_DECIMAL	0x0008	/* digits with a decimal point */
#define CL_NF_GROUPED	0x0010	/* digits with thousands separators */
#define CL_NF_YEARLIKE	0x0020	/* four plain digits 1000..2099 */
#define CL_NF_ONE		0x0040	/* the lone word "one" (or "a"/"an") */
#define CL_NF_MULT		0x0080	/* twice, threefold: a multiplier word */
#define CL_NF_ONCE		0x0100	/* once / twice: a frequency word */
#define CL_NF_SUFFIXM	0x0200	/* a glued "m" read as million */
#define CL_NF_DUR_A		0x0400	/* "a year", "a decade": article + unit */

typedef struct ClNum
{
	ClDec		v;
	uint32_t	first;			/* tokens [first, end) */
	uint32_t	end;
	uint32_t	flags;			/* CL_NF_* */
	int32_t		scale;			/* power of ten of the last scale word, or 0 */
} ClNum;

/* The unit found after (or before) a number. */
typedef struct ClUnit
{
	const char *unit;			/* FORMAT.md unit, or NULL */
	uint32_t	first;			/* tokens [first, end) of the unit words */
	uint32_t	end;
	uint32_t	mult;			/* multiplier from the unit (decade = 10) */
	bool		age;			/* "year-old", "years old", "of age" */
} ClUnit;

/* Context of one extraction pass. */
typedef struct ClCtx
{
	const NcEnv *env;
	const NcDoc *doc;
	const NcEntities *ents;
	const NcQuotes *quotes;
	uint32_t	sfirst;			/* current sentence tokens */
	uint32_t	send;
} ClCtx;

/* claims_number.c: decimal arithmetic and the number grammar */
extern ClDec cl_dec_int(uint64_t v);
extern ClDec cl_dec_add(ClDec a, ClDec b);
extern ClDec cl_dec_mul(ClDec a, uint64_t k);
extern ClDec cl_dec_shift(ClDec a, int32_t k);
extern ClDec cl_dec_div(ClDec a, uint64_t k);
extern ClDec cl_dec_from_digits(const char *s, uint32_t len, uint32_t *flags);
extern bool cl_dec_is_int(ClDec a, uint64_t *out);
extern int	cl_dec_cmp(ClDec a, ClDec b);
extern char *cl_dec_to_str(const NcEnv *env, ClDec a);
extern bool cl_parse_number(const ClCtx *c, uint32_t i, ClNum *out);
extern bool cl_word_is_numeric(const NcDoc *doc, uint32_t i);

/* claims_unit.c: units, currencies, ages */
extern bool cl_currency_before(const ClCtx *c, uint32_t num_first, uint32_t lo,
							   const char **unit, uint32_t *first);
extern bool cl_unit_after(const ClCtx *c, const ClNum *n, bool has_currency,
						  ClUnit *out);

/* claims_range.c: approximators and ranges */
extern int	cl_approx_before(const ClCtx *c, uint32_t first, uint32_t lo,
							 bool words_only, uint32_t *approx_first);
extern int	cl_approx_after(const ClCtx *c, uint32_t end, uint32_t *approx_end,
							const char **key);

/* claims_filter.c: what is not a claim */
extern bool cl_not_a_claim(const ClCtx *c, const ClNum *n, bool has_currency,
						   bool has_unit, bool has_approx);
extern bool cl_is_month(const NcDoc *doc, uint32_t i);

/* claims_object.c: object noun phrase and source */
extern void cl_find_object(const ClCtx *c, NcClaim *cl);
extern int32_t cl_quote_at(const ClCtx *c, uint32_t tok);
extern const NcEntity *cl_mention_ending_at(const ClCtx *c, uint32_t end);
extern void cl_sentence_source(const ClCtx *c, const char **src, uint32_t *len);

/* helpers */
/*
 * Windows of whole tokens joined lower-cased (ASCII) as written, one space
 * where the text has whitespace, to look every window up in a lexicon with
 * nc_lex_find_hashed: each byte is lowered and hashed once, and a window
 * longer than maxlen (nc_lex_maxlen: no key is that long) is neither joined
 * nor hashed.  buf holds maxlen + 1 bytes.  Both return how many windows
 * there are, each one token wider than the one before.
 *
 * cl_join_prefixes: the window of tokens first .. first + w (w < maxw) is
 * buf[0..ends[w]), its hash h[w]; buf[ends[last]] is a NUL.
 * cl_join_suffixes: the window of tokens end - 1 - w .. end - 1 is
 * buf[starts[w]..maxlen), its hash h[w]; buf[maxlen] is a NUL.
 */
extern uint32_t cl_join_prefixes(const NcDoc *doc, uint32_t first, uint32_t maxw, size_t maxlen,
								 char *buf, size_t *ends, uint32_t *h);
extern uint32_t cl_join_suffixes(const NcDoc *doc, uint32_t end, uint32_t maxw, size_t maxlen,
								 char *buf, size_t *starts, uint32_t *h);
extern const NcLexEntry *cl_lex_tok(const NcLexicon *lex, const NcDoc *doc, uint32_t i);

/*
 * The windows cl_join_prefixes (cl_join_suffixes) would make of the same
 * arguments that lex1 or lex2 (or NULL) may hold, as a mask (bit w: window
 * w), read from the tokens alone: the key lengths and the prefix filters
 * (nc_lex_prefix_maybe of the window's first four bytes) turn most windows
 * away before any is joined or hashed.
 */
extern uint32_t cl_prefixes_may_hold(const NcDoc *doc, uint32_t first, uint32_t maxw, size_t maxlen,
									 const NcLexicon *lex1, const NcLexicon *lex2);
extern uint32_t cl_suffixes_may_hold(const NcDoc *doc, uint32_t end, uint32_t maxw, size_t maxlen,
									 const NcLexicon *lex1, const NcLexicon *lex2);

/* the number of windows a may-hold mask asks to join: its highest bit + 1 */
static inline uint32_t
cl_mask_width(uint32_t mask)
{
	return mask == 0 ? 0 : 32 - (uint32_t) __builtin_clz(mask);
}

/* claims.c: context cues of a word, from lexicon/claim_context_words.txt
 * (its header says what each letter means); ASCII case folded, any token
 * kind.  cl_cues: the word's letters, or "". */
extern const char *cl_cues(const NcDoc *doc, uint32_t i);
extern bool cl_cue(const NcDoc *doc, uint32_t i, char cls);

/*
 * Is token i the word (ASCII case folded)?  Inline: called with literals,
 * most calls end at the length test nc_tok_eq makes first.
 */
static inline bool
cl_tok_is(const NcDoc *doc, uint32_t i, const char *word)
{
	return nc_tok_eq(doc, i, word);
}

static inline bool
cl_glued(const NcDoc *doc, uint32_t i)
{
	/* token i directly touches token i-1 */
	return (doc->toks[i].flags & NC_TF_SPACE_BEFORE) == 0;
}

static inline bool
cl_is_punct(const NcDoc *doc, uint32_t i, char ch)
{
	return doc->toks[i].end - doc->toks[i].start == 1 &&
		doc->text[doc->toks[i].start] == ch;
}

/*
 * Four bytes as one number, the first in the low byte whatever the
 * machine (NC_LEX_KEY4): the key of the prefix filters that turn most
 * words away before a lexicon lookup (may_start, report verbs).
 */
static inline uint32_t
cl_load_key4(const void *p)
{
	uint32_t	w;

	memcpy(&w, p, 4);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	w = __builtin_bswap32(w);
#endif
	return w;
}

/*
 * k, four bytes from a token of n bytes (cl_load_key4), lowered with | 0x20
 * (exact case folding for the letters keys hold), the bytes past a
 * shorter token's end zero.
 */
static inline uint32_t
cl_key4_lower(uint32_t k, uint32_t n)
{
	static const uint32_t mask[5] = {0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFF};

	return (k | 0x20202020) & mask[n < 4 ? n : 4];
}

/* s[0..n), a key of a lexicon (not the text), as cl_key4_lower gives it */
static inline uint32_t
cl_key4_of(const char *s, uint32_t n)
{
	char		buf[4] = {0, 0, 0, 0};

	memcpy(buf, s, n < 4 ? n : 4);
	return cl_key4_lower(cl_load_key4(buf), n);
}

/* Token t's first four bytes as cl_key4_lower gives them. */
static inline uint32_t
cl_tok_key4(const unsigned char *text, uint32_t len, const NcToken *t)
{
	uint32_t	n = t->end - t->start;
	const unsigned char *p = text + t->start;
	uint32_t	k;

	if (t->start + 4 <= len)
		k = cl_load_key4(p);
	else						/* n < 4: bytes past the end masked off */
		k = NC_LEX_KEY4(p[0], p[n > 1], p[(n > 2) * 2], 0);
	return cl_key4_lower(k, n);
}

/*
 * May token i be the first (the last) token of a window that is some key
 * of a lexicon?  Such a token is a prefix of the key's first word (a suffix
 * of its last): tokens hold no space.  A bit is set for the first four
 * bytes (cl_key4_lower) and the length of each prefix (suffix) of those
 * words, so that one load turns away most tokens before any window is
 * looked at.  Built once per process with the claims' other tables
 * (cl_range_build, cl_unit_build), never changed after.
 */
#define CL_EDGE_BITS 12

typedef struct ClEdge
{
	uint64_t	bits[(1 << CL_EDGE_BITS) / 64];
} ClEdge;

static inline uint32_t
cl_edge_slot(uint32_t key4, uint32_t len)
{
	return (uint32_t) ((((uint64_t) len << 32) | key4) * UINT64_C(0x9E3779B97F4A7C15) >>
					   (64 - CL_EDGE_BITS));
}

static inline bool
cl_edge_may(const ClEdge *e, const NcDoc *doc, uint32_t i)
{
	const NcToken *t = &doc->toks[i];
	uint32_t	slot = cl_edge_slot(cl_tok_key4((const unsigned char *) doc->text, doc->len, t),
									t->end - t->start);

	return (e->bits[slot / 64] >> (slot % 64)) & 1;
}

/* set the bits of lex's keys: of their last words' suffixes, or first words' prefixes */
extern void cl_edge_add(ClEdge *e, const NcLexicon *lex, bool last);

/* the tables of claims_number.c, claims_range.c and claims_unit.c (from claims.c's once-per-process hook) */
extern void cl_number_build(void);
extern void cl_range_build(void);
extern void cl_unit_build(void);

/*
 * Can token i follow "a"/"an" in a number ("a third", "a dozen", "a
 * year")?  A no is sure, a yes may be wrong.
 */
extern bool cl_maybe_after_article(const NcDoc *doc, uint32_t i);

/* hyphen, en dash, em dash */
extern bool cl_is_dash(const NcDoc *doc, uint32_t i);

#endif							/* NC_CLAIMS_INTERNAL_H */
