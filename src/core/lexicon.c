/*
 * lexicon.c
 *		Lookups in the compiled word lists.
 */
#include <stdbool.h>
#include <string.h>

#include "nc_chars.h"
#include "nc_lexicon.h"

/* The hash of tools/lexgen.sh: h = h * 31 + byte, mod 2^32. */
static inline uint32_t
lex_hash(const unsigned char *key, size_t len)
{
	uint32_t	h = 0;

	for (size_t i = 0; i < len; i++)
		h = nc_lex_hash_step(h, key[i]);
	return h;
}

/* the pre-filter's second byte of a key of len bytes (len > 0) */
static inline unsigned char
second_byte(const char *key, size_t len)
{
	return len > 1 ? (unsigned char) key[1] : 0;
}

/*
 * Probe the hash index for the key whose hash is h; eq(e) tells whether
 * entry e is the key.  Slots whose hash bits differ are passed without
 * reading their entry (a cache miss saved: most lookups are misses).
 */
#define LEX_PROBE(lex, h, eq) \
	do { \
		uint32_t	b_ = (h) & (lex)->mask; \
		uint32_t	s_; \
		\
		while ((s_ = (lex)->slots[b_]) != 0) \
		{ \
			const NcLexEntry *e = &(lex)->entries[(s_ & 0xFFFF) - 1]; \
			\
			if (((s_ ^ (h)) & 0xFFFF0000) == 0 && (eq)) \
				return e; \
			b_ = (b_ + 1) & (lex)->mask; \
		} \
		return NULL; \
	} while (0)

/* may the lexicon hold key (len bytes)? */
static inline bool
lex_may_hold(const NcLexicon *lex, const char *key, size_t len)
{
	return len > 0 &&
		nc_lex_may_hold(lex, (unsigned char) key[0], second_byte(key, len),
						(unsigned char) key[len - 1], len);
}

const NcLexEntry *
nc_lex_find(const NcLexicon *lex, const char *key, size_t len)
{
	uint32_t	h;

	/* the length and the pre-filter first: no hashing for most words */
	if (!lex_may_hold(lex, key, len))
		return NULL;
	h = lex_hash((const unsigned char *) key, len);
	LEX_PROBE(lex, h, (size_t) e->keylen == len && memcmp(e->key, key, len) == 0);
}

const NcLexEntry *
nc_lex_find_hashed(const NcLexicon *lex, const char *key, size_t len, uint32_t h)
{
	if (!lex_may_hold(lex, key, len))
		return NULL;
	LEX_PROBE(lex, h, (size_t) e->keylen == len && memcmp(e->key, key, len) == 0);
}

/* ASCII lower-casing by table: one load a byte, no compare */
#define FOLD(c) ((c) >= 'A' && (c) <= 'Z' ? (c) + 32 : (c))
static const unsigned char fold_ascii[256] = {
	NC_BYTE_TABLE(FOLD)
};

/* key[0..len), ASCII lower-cased, equals the (lower-case) lexicon key? */
static inline bool
eq_lower(const char *lexkey, const char *key, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char) lexkey[i] != fold_ascii[(unsigned char) key[i]])
			return false;
	return true;
}

/* lex_hash of key ASCII lower-cased */
static inline uint32_t
hash_lower(const char *key, size_t len)
{
	uint32_t	h = 0;

	for (size_t i = 0; i < len; i++)
		h = nc_lex_hash_step(h, fold_ascii[(unsigned char) key[i]]);
	return h;
}

uint32_t
nc_lex_hash_lower(const char *key, size_t len)
{
	return hash_lower(key, len);
}

/* may the lexicon hold key (len bytes) ASCII lower-cased? */
static inline bool
lex_may_hold_lower(const NcLexicon *lex, const char *key, size_t len)
{
	return len > 0 && len < 64 &&
		nc_lex_may_hold(lex, fold_ascii[(unsigned char) key[0]],
					 fold_ascii[second_byte(key, len)],
					 fold_ascii[(unsigned char) key[len - 1]], len);
}

bool
nc_lex_may_hold_lower(const NcLexicon *lex, const char *key, size_t len)
{
	return lex_may_hold_lower(lex, key, len);
}

/* the probe of nc_lex_find_lower_hashed, once the pre-filter passed */
static inline const NcLexEntry *
probe_lower(const NcLexicon *lex, const char *key, size_t len, uint32_t h)
{
	/* the folded key is compared in place, not copied */
	LEX_PROBE(lex, h, (size_t) e->keylen == len && eq_lower(e->key, key, len));
}

const NcLexEntry *
nc_lex_find_lower(const NcLexicon *lex, const char *key, size_t len)
{
	/* the length and the pre-filter first: no hashing for most words */
	if (!lex_may_hold_lower(lex, key, len))
		return NULL;
	return probe_lower(lex, key, len, hash_lower(key, len));
}

const NcLexEntry *
nc_lex_find_lower_hashed(const NcLexicon *lex, const char *key, size_t len, uint32_t h)
{
	if (!lex_may_hold_lower(lex, key, len))
		return NULL;
	return probe_lower(lex, key, len, h);
}
