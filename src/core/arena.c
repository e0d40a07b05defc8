/*
 * arena.c
 *		malloc-backed arena for the CLI, unit tests and fuzzers.
 *
 * Each block carries a small header linking it into a doubly linked list, so
 * grow() can realloc a block in place of the old one and destroy() frees
 * them all.  The backend never uses this: it hands the core a memory context.
 */
#include <stdlib.h>

#include "nc_arena.h"

typedef struct Block
{
	struct Block *prev;
	struct Block *next;
	size_t		size;
	/* payload follows, max-aligned */
} Block;

#define HDR (((sizeof(Block) + 15) / 16) * 16)

struct NcArena
{
	Block		head;			/* sentinel */
	size_t		bytes;
};

NcArena *
nc_arena_create(void)
{
	NcArena    *a = malloc(sizeof(NcArena));

	if (a == NULL)
		return NULL;
	a->head.prev = a->head.next = &a->head;
	a->head.size = 0;
	a->bytes = 0;
	return a;
}

void
nc_arena_destroy(NcArena *arena)
{
	Block	   *b;

	if (arena == NULL)
		return;
	b = arena->head.next;
	while (b != &arena->head)
	{
		Block	   *next = b->next;

		free(b);
		b = next;
	}
	free(arena);
}

static void *
arena_alloc(void *ctx, size_t size)
{
	NcArena    *a = ctx;
	Block	   *b;

	if (size > SIZE_MAX - HDR)
		return NULL;
	b = malloc(HDR + size);
	if (b == NULL)
		return NULL;
	b->size = size;
	b->prev = &a->head;
	b->next = a->head.next;
	a->head.next->prev = b;
	a->head.next = b;
	a->bytes += size;
	return (char *) b + HDR;
}

static void *
arena_grow(void *ctx, void *ptr, size_t size)
{
	NcArena    *a = ctx;
	Block	   *old = (Block *) ((char *) ptr - HDR);
	Block	   *prev = old->prev,
			   *next = old->next;
	size_t		oldsize = old->size;
	Block	   *b;

	if (size > SIZE_MAX - HDR)
		return NULL;
	b = realloc(old, HDR + size);
	if (b == NULL)
		return NULL;
	b->size = size;
	prev->next = b;
	next->prev = b;
	a->bytes += size - oldsize;
	return (char *) b + HDR;
}

void
nc_arena_env(NcArena *arena, NcEnv *env)
{
	env->alloc = arena_alloc;
	env->grow = arena_grow;
	env->interrupted = NULL;
	env->ctx = arena;
}

size_t
nc_arena_bytes(const NcArena *arena)
{
	return arena->bytes;
}
