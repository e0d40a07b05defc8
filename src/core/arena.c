/*
 * arena.c
 *		malloc-backed arena for the CLI, unit tests and fuzzers.
 *
 * The core makes many small allocations per document (word lists, tables
 * that start small) and a few large ones (per-token arrays).  Small ones
 * are cut from 64 kB chunks, as a memory context would, so that a short
 * document costs a malloc or two rather than dozens; a large one gets a
 * block of its own, so that grow() can realloc it and nc_release() (a grow
 * to one byte) gives its memory back while the document is still being
 * analysed.  destroy() frees the chunks and blocks, all kept in one doubly
 * linked list.  Under AddressSanitizer every allocation gets its own block,
 * so that overruns are still caught.  The backend never uses this: it hands
 * the core a memory context.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "nc_arena.h"

#if defined(__SANITIZE_ADDRESS__)
#define ARENA_NO_CHUNKS 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_NO_CHUNKS 1
#endif
#endif

#define CHUNK_SIZE	((size_t) 64 * 1024)
#define SMALL_MAX	((size_t) 8 * 1024)	/* larger: a block of its own */

/* a chunk or a block of its own, linked into the arena */
typedef struct Block
{
	struct Block *prev;
	struct Block *next;
} Block;

/*
 * Every allocation is preceded by its tag: its size, and whether it lives in
 * a chunk or in a block of its own (which then starts right before the tag).
 */
typedef struct Tag
{
	size_t		size;
	size_t		own;			/* 1: a block of its own */
} Tag;

#define BLOCK_HDR	(((sizeof(Block) + 15) / 16) * 16)
#define TAG			(((sizeof(Tag) + 15) / 16) * 16)

struct NcArena
{
	Block		head;			/* sentinel */
	char	   *free;			/* room left in the current chunk */
	char	   *limit;
	void	   *last;			/* the chunk's last allocation: it can grow
								 * in place */
};

static inline Tag *
tag_of(void *ptr)
{
	return (Tag *) ((char *) ptr - TAG);
}

static void
link_block(NcArena *a, Block *b)
{
	b->prev = &a->head;
	b->next = a->head.next;
	a->head.next->prev = b;
	a->head.next = b;
}

NcArena *
nc_arena_create(void)
{
	NcArena    *a = malloc(sizeof(NcArena));

	if (a == NULL)
		return NULL;
	a->head.prev = a->head.next = &a->head;
	a->free = a->limit = NULL;
	a->last = NULL;
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

/* a block of its own for size bytes */
static void *
own_alloc(NcArena *a, size_t size)
{
	Block	   *b;
	Tag		   *t;

	if (size > SIZE_MAX - BLOCK_HDR - TAG)
		return NULL;
	b = malloc(BLOCK_HDR + TAG + size);
	if (b == NULL)
		return NULL;
	link_block(a, b);
	t = (Tag *) ((char *) b + BLOCK_HDR);
	t->size = size;
	t->own = 1;
	return (char *) t + TAG;
}

static void *
arena_alloc(void *ctx, size_t size)
{
	NcArena    *a = ctx;
	size_t		need;
	Tag		   *t;

#ifdef ARENA_NO_CHUNKS
	if (true)
#else
	if (size > SMALL_MAX)
#endif
		return own_alloc(a, size);
	need = TAG + ((size + 15) & ~(size_t) 15);
	if ((size_t) (a->limit - a->free) < need)
	{
		Block	   *c = malloc(CHUNK_SIZE);

		if (c == NULL)
			return NULL;
		link_block(a, c);
		a->free = (char *) c + BLOCK_HDR;
		a->limit = (char *) c + CHUNK_SIZE;
	}
	t = (Tag *) a->free;
	t->size = size;
	t->own = 0;
	a->free += need;
	a->last = (char *) t + TAG;
	return a->last;
}

static void *
arena_grow(void *ctx, void *ptr, size_t size)
{
	NcArena    *a = ctx;
	Tag		   *t = tag_of(ptr);
	size_t		oldsize = t->size;
	void	   *p;

	if (t->own)
	{
		Block	   *old = (Block *) ((char *) t - BLOCK_HDR);
		Block	   *prev = old->prev,
				   *next = old->next;
		Block	   *b;

		if (size > SIZE_MAX - BLOCK_HDR - TAG)
			return NULL;
		b = realloc(old, BLOCK_HDR + TAG + size);
		if (b == NULL)
			return NULL;
		prev->next = b;
		next->prev = b;
		t = (Tag *) ((char *) b + BLOCK_HDR);
		t->size = size;
		return (char *) t + TAG;
	}
	/* in a chunk: a smaller size keeps its place (freed with the arena) */
	if (size <= oldsize)
		return ptr;
	if (ptr == a->last && size <= SMALL_MAX &&
		(size_t) (a->limit - (char *) ptr) >= ((size + 15) & ~(size_t) 15))
	{
		a->free = (char *) ptr + ((size + 15) & ~(size_t) 15);
		t->size = size;
		return ptr;
	}
	p = arena_alloc(a, size);
	if (p == NULL)
		return NULL;
	memcpy(p, ptr, oldsize);
	return p;
}

void
nc_arena_env(NcArena *arena, NcEnv *env)
{
	env->alloc = arena_alloc;
	env->grow = arena_grow;
	env->interrupted = NULL;
	env->ctx = arena;
}
