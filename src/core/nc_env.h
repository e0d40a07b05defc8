/*
 * nc_env.h
 *		What the core needs from its caller: memory and a way to notice a
 *		cancel request.
 *
 * The core never longjmps and never calls exit(): every failure comes back
 * as an NcStatus, after the core has released what it opened.  That is what
 * lets the backend glue use palloc with MCXT_ALLOC_NO_OOM and
 * CHECK_FOR_INTERRUPTS only *after* the core returned, so an ERROR can never
 * unwind through the core's own state.
 *
 * Memory has arena semantics: the core allocates and grows, the caller frees
 * everything at once (memory context reset in the backend, nc_arena_destroy
 * in the CLI and tests).
 */
#ifndef NC_ENV_H
#define NC_ENV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum NcStatus
{
	NC_OK = 0,
	NC_ENOMEM,					/* an allocation returned NULL */
	NC_ECANCEL,					/* the interrupt callback asked us to stop */
	NC_ETOOBIG,					/* input or result beyond the core's limits */
	NC_EINTERNAL				/* a broken invariant: a bug, reported */
} NcStatus;

typedef struct NcEnv
{
	/* Return NULL on failure; the core then returns NC_ENOMEM. */
	void	   *(*alloc) (void *ctx, size_t size);
	/* Grow a block returned by alloc/grow; NULL on failure (old block kept). */
	void	   *(*grow) (void *ctx, void *ptr, size_t size);
	/* Optional: true when the caller wants the core to stop (NULL: never). */
	bool		(*interrupted) (void *ctx);
	void	   *ctx;
} NcEnv;

/* Largest input the core accepts: offsets are 32-bit. */
#define NC_MAX_INPUT ((size_t) 0x7FFFFFF0)

extern const char *nc_status_message(NcStatus status);

/* Allocation helpers used throughout the core. */
static inline void *
nc_alloc(const NcEnv *env, size_t size)
{
	return env->alloc(env->ctx, size ? size : 1);
}

static inline bool
nc_should_stop(const NcEnv *env)
{
	return env->interrupted != NULL && env->interrupted(env->ctx);
}

/*
 * Give back a large scratch block (of size bytes) the core no longer needs,
 * before the caller's reset: grow() to one byte moves it into a tiny block
 * and frees the old one (both callers' grow() free the block they move).
 * Small blocks are left to the reset; nothing happens when grow() fails.
 */
#define NC_RELEASE_MIN 65536
static inline void
nc_release(const NcEnv *env, void *ptr, size_t size)
{
	if (ptr != NULL && size >= NC_RELEASE_MIN)
		(void) env->grow(env->ctx, ptr, 1);
}

/*
 * Growable array: ensure room for `need` elements of `elsize` bytes.
 * Returns false on allocation failure (array untouched).
 */
extern bool nc_reserve_grow(const NcEnv *env, void **array, uint32_t *capacity,
							uint32_t need, size_t elsize);

/* inline: most calls (one per token) find room and return at once */
static inline bool
nc_reserve(const NcEnv *env, void **array, uint32_t *capacity,
		   uint32_t need, size_t elsize)
{
	if (need <= *capacity && *array != NULL)
		return true;
	return nc_reserve_grow(env, array, capacity, need, elsize);
}

#endif							/* NC_ENV_H */
