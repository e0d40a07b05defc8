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

#include "nc_doc.h"

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

/* Build the document model of in. */
extern void nc_pg_build_doc(const NcEnv *env, const NcPgInput *in, NcDoc *doc);

/* 1-based SQL position of a unit boundary given in bytes and code points. */
extern int32 nc_pg_position(const NcPgInput *in, uint32_t byte_off, uint32_t cp_off);

/* SQL values for a stretch of the input. */
extern Datum nc_pg_text(const NcPgInput *in, uint32_t start, uint32_t end);
extern Datum nc_pg_span(const NcPgInput *in, uint32_t bstart, uint32_t bend,
						uint32_t cstart, uint32_t cend);

#endif							/* NC_PG_H */
