/*
 * keymap.c
 *		The entity code's map from 64-bit keys to entries (nc_keymap.h).
 */
#include <string.h>

#include "nc_keymap.h"

static bool
keymap_alloc(NcKeyMap *m, uint32_t cap)
{
	m->slots = nc_alloc(m->env, (size_t) cap * m->entry);
	if (!m->slots)
		return false;
	memset(m->slots, 0, (size_t) cap * m->entry);
	m->mask = cap - 1;
	m->count = 0;
	return true;
}

bool
nc_keymap_init(const NcEnv *env, NcKeyMap *m, size_t entry, uint32_t n)
{
	uint32_t	cap = 16;

	m->env = env;
	m->entry = entry;
	if (n == 0)
	{
		/* no key expected (most maps of most documents): no table until one
		 * comes */
		m->slots = NULL;
		m->mask = 0;
		m->count = 0;
		return true;
	}
	/*
	 * documents are mostly short: start small (at most half full with the
	 * keys expected: the table is cleared whole), grow with the keys
	 */
	while (cap < 2 * (uint64_t) n && cap < 4096)
		cap <<= 1;
	return keymap_alloc(m, cap);
}

static uint64_t *
keymap_probe(NcKeyMap *m, uint64_t key, bool add, bool *added)
{
	uint32_t	i = (uint32_t) (key >> 40) & m->mask;

	for (;;)
	{
		uint64_t   *k = (uint64_t *) (m->slots + (size_t) i * m->entry);

		if (*k == key)
			return k;
		if (*k == 0)
		{
			if (!add)
				return NULL;
			*k = key;
			m->count++;
			if (added)
				*added = true;
			return k;
		}
		i = (i + 1) & m->mask;
	}
}

void *
nc_keymap_get(NcKeyMap *m, uint64_t key, bool add, bool *added)
{
	if (added)
		*added = false;
	if (key == 0)
		key = 1;
	if (m->slots == NULL)
	{
		if (!add || !keymap_alloc(m, 16))
			return NULL;
	}
	else if (add && (uint64_t) (m->count + 1) * 4 > (uint64_t) (m->mask + 1) * 3)
	{
		uint64_t   *k = keymap_probe(m, key, false, NULL);
		NcKeyMap	old = *m;

		if (k)
			return k;
		if (m->mask >= (UINT32_C(1) << 30) - 1 || !keymap_alloc(m, (m->mask + 1) * 2))
		{
			*m = old;
			return NULL;
		}
		for (uint32_t s = 0; s <= old.mask; s++)
		{
			const char *e = old.slots + (size_t) s * old.entry;
			uint64_t	ek;

			memcpy(&ek, e, sizeof(ek));
			if (ek != 0)
				memcpy(keymap_probe(m, ek, true, NULL), e, m->entry);
		}
		nc_release(m->env, old.slots, (size_t) (old.mask + 1) * old.entry);
	}
	return keymap_probe(m, key, add, added);
}

void
nc_keymap_free(NcKeyMap *m)
{
	if (m->slots != NULL)
		nc_release(m->env, m->slots, (size_t) (m->mask + 1) * m->entry);
	m->slots = NULL;
	m->mask = 0;
	m->count = 0;
}
