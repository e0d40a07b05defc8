/*
 * nc_arena.h
 *		A malloc-backed arena for callers outside the backend (CLI, unit
 *		tests, fuzzers): everything allocated through it is released by one
 *		nc_arena_destroy().
 */
#ifndef NC_ARENA_H
#define NC_ARENA_H

#include "nc_env.h"

typedef struct NcArena NcArena;

extern NcArena *nc_arena_create(void);
extern void nc_arena_destroy(NcArena *arena);
/* Fill an NcEnv whose allocations go to `arena`; no interrupt callback. */
extern void nc_arena_env(NcArena *arena, NcEnv *env);
#endif							/* NC_ARENA_H */
