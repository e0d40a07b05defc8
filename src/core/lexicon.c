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

const NcLexEntry *
nc_lex_find(const NcLexicon *lex, const char *key, size_t len)
{
	size_t		lo = 0,
				hi = lex->count;

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

	if (len >= sizeof(buf))
		return NULL;
	for (size_t i = 0; i < len; i++)
	{
		unsigned char ch = (unsigned char) key[i];

		buf[i] = (ch >= 'A' && ch <= 'Z') ? (char) (ch + 32) : (char) ch;
	}
	return nc_lex_find(lex, buf, len);
}
