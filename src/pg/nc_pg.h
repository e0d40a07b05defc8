/*
 * nc_pg.h
 *		Glue between the core and the backend: memory contexts, interrupts,
 *		errors, server encodings and result types.
 */
#ifndef NC_PG_H
#define NC_PG_H

#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"

#include "nc_analyze.h"

/*
 * The text handed to the core (always UTF-8) and how to map its offsets
 * back to what SQL sees.
 */
typedef struct NcPgInput
{
	const char *utf8;
	size_t		len;
	bool		byte_positions; /* SQL_ASCII: substr() counts bytes */
	bool		convert_out;	/* server encoding is not UTF-8 */
	int32	   *cp_to_char;		/* conversion not one character per code
								 * point (EUC_JIS_2004...): map, else NULL */
	struct TypeCacheEntry *range_tc;	/* int4range, for spans (set by
										 * nc_pg_prepare_input) */
} NcPgInput;

/* Fill env so the core allocates in cxt and notices pending interrupts. */
extern void nc_pg_env_init(NcEnv *env, MemoryContext cxt);

/* Convert/validate the argument for the core; errors are ereport()ed. */
extern void nc_pg_prepare_input(text *body, NcPgInput *in);

/*
 * Run a core step: an interrupt unwinds the core first, then is serviced
 * here (an ERROR for a cancel or timeout); failures become ereport()s.
 */
typedef NcStatus (*NcPgStep) (const NcEnv *env, void *arg);
extern void nc_pg_run(const NcEnv *env, NcPgStep step, void *arg);

/* Run the pipeline over in up to stage upto. */
extern void nc_pg_analyze(const NcEnv *env, const NcPgInput *in, NcStage upto,
						  NcAnalysis *a);

/* 1-based SQL position of a unit boundary given in bytes and code points. */
extern int32 nc_pg_position(const NcPgInput *in, uint32_t byte_off, uint32_t cp_off);

/* SQL values for a stretch of the input. */
extern Datum nc_pg_text(const NcPgInput *in, uint32_t start, uint32_t end);
extern Datum nc_pg_span(const NcPgInput *in, uint32_t bstart, uint32_t bend,
						uint32_t cstart, uint32_t cend);

/* Text of a string the core made (UTF-8), in the server encoding. */
extern Datum nc_pg_cstring_text(const char *s, size_t len, const NcPgInput *in);

/* The rows of one call of a set-returning function (pg_rows.c). */
typedef struct NcPgRows
{
	ReturnSetInfo *rsinfo;
	MemoryContext work;			/* the core's arena */
	MemoryContext row;			/* reset after each row */
	NcEnv		env;
	NcPgInput	in;
	NcAnalysis	a;
	uint32		rowno;
} NcPgRows;

/* Set up the SRF and run the pipeline over argument 0 up to upto. */
extern void nc_pg_rows_start(FunctionCallInfo fcinfo, NcPgRows *r, NcStage upto);
/* Clear values/nulls and switch to the row context; returns the old one. */
extern MemoryContext nc_pg_rows_begin(NcPgRows *r, Datum *values, bool *nulls, int natts);
/* Store the row, switch back to old and reset the row context. */
extern void nc_pg_rows_put(NcPgRows *r, MemoryContext old, Datum *values, bool *nulls);
extern void nc_pg_rows_finish(NcPgRows *r);
/* Text and span of tokens [first, end); NULL when first < 0. */
extern void nc_pg_tokens_text(const NcPgRows *r, int64 first, int64 end,
							  Datum *value, bool *isnull);
extern void nc_pg_tokens_span(const NcPgRows *r, int64 first, int64 end,
							  Datum *value, bool *isnull);

#endif							/* NC_PG_H */
