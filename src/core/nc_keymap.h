/*
 * nc_keymap.h
 *		A map from nonzero 64-bit keys (hashes of words and phrases) to
 *		fixed-size entries whose first member is the uint64_t key: the
 *		per-document tables of the entity rules and of the grouping.
 *
 * Open addressing with linear probing; the table starts small, sized for the
 * keys expected, and doubles at 3/4 full.  Entries are never removed.
 */
#ifndef NC_KEYMAP_H
#define NC_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "nc_env.h"

typedef struct NcKeyMap
{
	const NcEnv *env;
	char	   *slots;
	size_t		entry;			/* bytes per entry, the key first */
	uint32_t	mask;
	uint32_t	count;			/* keys held */
} NcKeyMap;

/*
 * n: the most keys expected (0: no table until the first key is added);
 * false when out of memory
 */
extern bool nc_keymap_init(const NcEnv *env, NcKeyMap *m, size_t entry, uint32_t n);

/*
 * The entry of key (0 is read as 1).  When absent: NULL, or with add a new
 * entry, zeroed but for the key, and *added (if not NULL) set; NULL then
 * only when out of memory.  Adding may move the entries: pointers from
 * earlier calls are then stale.
 */
extern void *nc_keymap_get(NcKeyMap *m, uint64_t key, bool add, bool *added);

extern void nc_keymap_free(NcKeyMap *m);

/*
 * nc_keymap_get(m, key, false, NULL), inline: most calls are look-ups, and
 * most of those miss.
 */
static inline void *
nc_keymap_find(const NcKeyMap *m, uint64_t key)
{
	uint32_t	i;

	if (m->slots == NULL)
		return NULL;
	if (key == 0)
		key = 1;
	for (i = (uint32_t) (key >> 40) & m->mask;; i = (i + 1) & m->mask)
	{
		uint64_t	k;

		memcpy(&k, m->slots + (size_t) i * m->entry, sizeof(k));
		if (k == key)
			return m->slots + (size_t) i * m->entry;
		if (k == 0)
			return NULL;
	}
}

/*
 * nc_keymap_get(m, key, true, added), inline while the table has room: the
 * maps are sized for their keys, so that the call (and its branches on add
 * and on growing) is left for a first key and a full table.
 */
static inline void *
nc_keymap_add(NcKeyMap *m, uint64_t key, bool *added)
{
	uint32_t	i;

	if (m->slots == NULL ||
		(uint64_t) (m->count + 1) * 4 > (uint64_t) (m->mask + 1) * 3)
		return nc_keymap_get(m, key, true, added);
	if (key == 0)
		key = 1;
	for (i = (uint32_t) (key >> 40) & m->mask;; i = (i + 1) & m->mask)
	{
		char	   *e = m->slots + (size_t) i * m->entry;
		uint64_t	k;

		memcpy(&k, e, sizeof(k));
		if (k == key)
		{
			*added = false;
			return e;
		}
		if (k == 0)
		{
			memcpy(e, &key, sizeof(key));
			m->count++;
			*added = true;
			return e;
		}
	}
}

#endif							/* NC_KEYMAP_H */
