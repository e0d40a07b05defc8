/*
 * nc_lexicon.h
 *		Word lists compiled in from src/core/lexicon/NAME.txt by tools/lexgen.sh.
 */
#ifndef NC_LEXICON_H
#define NC_LEXICON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct NcLexEntry
{
	const char *key;
	int			keylen;			/* bytes */
	const char *value;			/* second column, or NULL */
} NcLexEntry;

/*
 * Bit nc_lex_prefix_bit() of each key's NC_LEX_KEY4 set (tools/lexgen.sh):
 * a word whose bit is clear starts no key (nc_lex_prefix_maybe).
 */
typedef struct NcLexPrefix
{
	const uint64_t *bits;
	uint32_t	shift;			/* 32 - log2(bits) */
} NcLexPrefix;

typedef struct NcLexicon
{
	const char *name;
	const NcLexEntry *entries;	/* sorted bytewise by key */
	size_t		count;
	/*
	 * Hash index (tools/lexgen.sh): slots[hash & mask] holds the high 16
	 * bits of the key's hash and entry index + 1 in the low 16 (0 for
	 * empty), linear probing; a probe reads an entry only when the hash bits
	 * agree.  Always there (a lexicon comes only from tools/lexgen.sh).
	 */
	const uint32_t *slots;
	uint32_t	mask;
	/* bit n: some key is n bytes long (bit 63: 63 or more) */
	uint64_t	lenmask;
	/*
	 * A pre-filter: bit nc_lex_filter_bit() of each key set (tools/lexgen.sh).
	 * A word whose bit is clear is in no entry: most words looked up are
	 * not, and this answers for them from one word of a small bitmap, with
	 * no hashing and no look at the larger hash index.
	 */
	const uint64_t *filter;
	uint32_t	fmask;			/* bits - 1 */
	NcLexPrefix prefix;			/* of every key */
} NcLexicon;

/*
 * The pre-filter bit of a key of len bytes (len > 0), first byte f, second
 * byte s (0 when len is 1) and last byte l: the four tell most words of a
 * language apart (the second byte halves the words that pass without being
 * keys: "said" passes, "seed" and "sand" no longer do).
 */
static inline uint32_t
nc_lex_filter_bit(unsigned char f, unsigned char s, unsigned char l, size_t len,
				  uint32_t fmask)
{
	return ((uint32_t) f * 29791 + (uint32_t) s * 961 + (uint32_t) l * 31 +
			(uint32_t) (len < 63 ? len : 63)) & fmask;
}

/*
 * nc_lex_has_len: is some key of lex len bytes long (bit 63 of lenmask
 * stands for 63 or more)?  nc_lex_may_hold: may lex hold the key of len
 * bytes (len > 0) whose first, second and last bytes are f, s and l (s 0
 * when len is 1)?  The key lengths present and then the pre-filter answer
 * for most words, which are in no lexicon, before any hashing or memory
 * beyond the lexicon header and one word of its bitmap is touched.
 * Computed without a branch.
 */
static inline int
nc_lex_has_len(const NcLexicon *lex, size_t len)
{
	return (int) ((lex->lenmask >> (len < 63 ? len : 63)) & 1);
}

static inline int
nc_lex_may_hold(const NcLexicon *lex, unsigned char f, unsigned char s, unsigned char l,
				size_t len)
{
	uint32_t	b = nc_lex_filter_bit(f, s, l, len, lex->fmask);

	return nc_lex_has_len(lex, len) & (int) ((lex->filter[b >> 6] >> (b & 63)) & 1);
}

/* the longest key of lex, or SIZE_MAX when some key has 63 bytes or more */
static inline size_t
nc_lex_maxlen(const NcLexicon *lex)
{
	if (lex->lenmask >> 63)
		return SIZE_MAX;
	return lex->lenmask == 0 ? 0 : (size_t) (63 - __builtin_clzll(lex->lenmask));
}

/*
 * A word's first four bytes, each with bit 0x20 set (ASCII letters
 * lower-cased), the first in the low byte, 0 past a shorter word's end:
 * the key of nc_lex_prefix_maybe().
 */
#define NC_LEX_KEY4(a, b, c, d) \
	((uint32_t) (a) | (uint32_t) (b) << 8 | (uint32_t) (c) << 16 | (uint32_t) (d) << 24)

/* the top 32 - pshift bits of key4 times a Fibonacci multiplier */
static inline uint32_t
nc_lex_prefix_bit(uint32_t key4, uint32_t pshift)
{
	return (key4 * UINT32_C(2654435761)) >> pshift;
}

/*
 * Can some key of the filter start as key4 (NC_LEX_KEY4) does?  False: none
 * does.  One load and no branch: for tests run on every word, where which
 * way they go is no pattern a branch predictor learns.
 */
static inline int
nc_lex_prefix_maybe(const NcLexPrefix *p, uint32_t key4)
{
	uint32_t	b = nc_lex_prefix_bit(key4, p->shift);

	return (int) ((p->bits[b >> 6] >> (b & 63)) & 1);
}

/* Exact (bytewise) lookup of key[0..len); NULL when absent. */
extern const NcLexEntry *nc_lex_find(const NcLexicon *lex, const char *key, size_t len);

/* Lookup after ASCII lower-casing key (keys of lower-cased lexicons). */
extern const NcLexEntry *nc_lex_find_lower(const NcLexicon *lex, const char *key, size_t len);

/*
 * The hash of the index (tools/lexgen.sh), one byte at a time, and the
 * lookup of key[0..len) whose hash h the caller computed so: a caller that
 * looks up every prefix (or suffix) of one buffer hashes it once.
 */
static inline uint32_t
nc_lex_hash_step(uint32_t h, unsigned char ch)
{
	return h * 31 + ch;
}

extern const NcLexEntry *nc_lex_find_hashed(const NcLexicon *lex, const char *key, size_t len,
											uint32_t h);

/*
 * The same for nc_lex_find_lower: the hash of key[0..len) ASCII
 * lower-cased, and the lookup with it (no key of 64 bytes or more).
 */
extern uint32_t nc_lex_hash_lower(const char *key, size_t len);
extern const NcLexEntry *nc_lex_find_lower_hashed(const NcLexicon *lex, const char *key,
												  size_t len, uint32_t h);

/*
 * May lex hold key[0..len) ASCII lower-cased?  The tests nc_lex_find_lower
 * makes before it hashes (length, pre-filter), for a caller that needs no
 * more than a no before it does work of its own.
 */
extern bool nc_lex_may_hold_lower(const NcLexicon *lex, const char *key, size_t len);

#endif							/* NC_LEXICON_H */
