/*
 * lexicon.c
 *		Lookups in the compiled word lists.
 */
#include <string.h>

#include "nc_lexicon.h"

static int
compare_key(const char *a, size_t alen, const char *b, size_t blen)
{
	int			c = memcmp(a, b, alen < blen ? alen : blen);

	if (c != 0)
		return c;
	return (alen > blen) - (alen < blen);
}

/* The hash of tools/lexgen.sh: h = h * 31 + byte, mod 2^32. */
static inline uint32_t
lex_hash(const unsigned char *key, size_t len)
{
	uint32_t	h = 0;

	for (size_t i = 0; i < len; i++)
		h = h * 31 + key[i];
	return h;
}

/* Probe the hash index with key[0..len) whose hash is h. */
static inline const NcLexEntry *
lex_probe(const NcLexicon *lex, const char *key, size_t len, uint32_t h)
{
	uint32_t	b = h & lex->mask;
	uint32_t	idx;

	while ((idx = lex->slots[b]) != 0)
	{
		const NcLexEntry *e = &lex->entries[idx - 1];

		if ((size_t) e->keylen == len && memcmp(e->key, key, len) == 0)
			return e;
		b = (b + 1) & lex->mask;
	}
	return NULL;
}

const NcLexEntry *
nc_lex_find(const NcLexicon *lex, const char *key, size_t len)
{
	size_t		lo = 0,
				hi = lex->count;

	if (lex->slots != NULL)
		return lex_probe(lex, key, len, lex_hash((const unsigned char *) key, len));

	while (lo < hi)
	{
		size_t		mid = lo + (hi - lo) / 2;
		const NcLexEntry *e = &lex->entries[mid];
		int			c = compare_key(key, len, e->key, (size_t) e->keylen);

		if (c == 0)
			return e;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const NcLexEntry *
nc_lex_find_lower(const NcLexicon *lex, const char *key, size_t len)
{
	char		buf[64];
	uint32_t	h = 0;

	if (len >= sizeof(buf))
		return NULL;
	for (size_t i = 0; i < len; i++)
	{
		unsigned char ch = (unsigned char) key[i];

		if (ch >= 'A' && ch <= 'Z')
			ch += 32;
		buf[i] = (char) ch;
		h = h * 31 + ch;
	}
	if (lex->slots != NULL)
		return lex_probe(lex, buf, len, h);
	return nc_lex_find(lex, buf, len);
}
