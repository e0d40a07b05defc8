/*
 * pg_env.c
 *		The backend side of the core's contract.
 *
 * The core never sees an ERROR: allocations use MCXT_ALLOC_NO_OOM and
 * return NULL, interrupts are only *noticed* through InterruptPending.  The
 * core then closes its ICU objects and returns, and only here, with nothing
 * of the core's left open, do we ereport or CHECK_FOR_INTERRUPTS().
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/memutils.h"

#include "nc_pg.h"

/*
 * Blocks carry their size in front so that grow() can move them with
 * NO_OOM semantics (PostgreSQL 15 has no repalloc_extended).
 */
#define SIZE_HDR MAXALIGN(sizeof(Size))

static void *
pg_alloc(void *ctx, size_t size)
{
	char	   *p;

	if (size > MaxAllocHugeSize - SIZE_HDR)
		return NULL;
	p = MemoryContextAllocExtended((MemoryContext) ctx, size + SIZE_HDR,
								   MCXT_ALLOC_HUGE | MCXT_ALLOC_NO_OOM);
	if (p == NULL)
		return NULL;
	*(Size *) p = size;
	return p + SIZE_HDR;
}

static void *
pg_grow(void *ctx, void *ptr, size_t size)
{
	char	   *old = (char *) ptr - SIZE_HDR;
	Size		oldsize = *(Size *) old;
	char	   *p = pg_alloc(ctx, size);

	if (p == NULL)
		return NULL;
	memcpy(p, ptr, Min(oldsize, size));
	pfree(old);
	return p;
}

static bool
pg_interrupted(void *ctx)
{
	return INTERRUPTS_PENDING_CONDITION();
}

void
nc_pg_env_init(NcEnv *env, MemoryContext cxt)
{
	env->alloc = pg_alloc;
	env->grow = pg_grow;
	env->interrupted = pg_interrupted;
	env->ctx = cxt;
}

static void
report(NcStatus st)
{
	switch (st)
	{
		case NC_OK:
		case NC_ECANCEL:
			return;
		case NC_ENOMEM:
			ereport(ERROR,
					(errcode(ERRCODE_OUT_OF_MEMORY),
					 errmsg("out of memory"),
					 errdetail("newsclaims could not allocate memory to analyse the text.")));
			break;
		case NC_ETOOBIG:
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("text is too large for newsclaims to analyse")));
			break;
		case NC_EINTERNAL:
			elog(ERROR, "newsclaims: internal error while analysing the text");
			break;
	}
}

void
nc_pg_run(const NcEnv *env, NcPgStep step, void *arg)
{
	for (;;)
	{
		NcStatus	st = step(env, arg);

		if (st != NC_ECANCEL)
		{
			report(st);
			return;
		}
		/* the core has unwound; now let a cancel or timeout throw */
		CHECK_FOR_INTERRUPTS();
		/* the pending interrupt was harmless (no ERROR): run again */
	}
}

typedef struct AnalyzeArgs
{
	const NcPgInput *in;
	NcStage		upto;
	NcAnalysis *a;
} AnalyzeArgs;

static NcStatus
analyze_step(const NcEnv *env, void *arg)
{
	AnalyzeArgs *args = arg;

	return nc_analyze(env, args->in->utf8, args->in->len, args->upto, args->a);
}

void
nc_pg_analyze(const NcEnv *env, const NcPgInput *in, NcStage upto, NcAnalysis *a)
{
	AnalyzeArgs args = {in, upto, a};

	nc_pg_run(env, analyze_step, &args);
}
