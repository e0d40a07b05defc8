/*
 * failing_env.h
 *		An NcEnv for the unit tests and fuzzers that runs out of memory after
 *		a number of allocations and reports a cancel after a number of
 *		interrupt checks: the core's failure contract, exercised.
 *
 * Fill arena and inner (nc_arena_env), allocs and checks, and pass
 * {failing_alloc, failing_grow, failing_interrupted, &f} (or NULL for the
 * interrupt callback) to the core.
 */
#ifndef NC_TEST_FAILING_ENV_H
#define NC_TEST_FAILING_ENV_H

#include <stdbool.h>
#include <stddef.h>

#include "nc_arena.h"
#include "nc_env.h"

typedef struct FailingEnv
{
	NcArena    *arena;
	NcEnv		inner;			/* where allocations go while they last */
	int			allocs;			/* allocations left before failing */
	int			checks;			/* interrupt checks left before a cancel */
} FailingEnv;

static inline void *
failing_alloc(void *ctx, size_t size)
{
	FailingEnv *f = ctx;

	if (f->allocs-- <= 0)
		return NULL;
	return f->inner.alloc(f->inner.ctx, size);
}

static inline void *
failing_grow(void *ctx, void *p, size_t size)
{
	FailingEnv *f = ctx;

	if (f->allocs-- <= 0)
		return NULL;
	return f->inner.grow(f->inner.ctx, p, size);
}

static inline bool
failing_interrupted(void *ctx)
{
	FailingEnv *f = ctx;

	return f->checks-- <= 0;
}

#endif							/* NC_TEST_FAILING_ENV_H */
