/*
 * pg_analyze.c
 *		newsclaims.analyze(): every extractor in one pass, as jsonb.
 *
 * The core writes the JSON text (the CLI prints the very same text), which
 * is converted to the server encoding and parsed into jsonb.
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"

#include "nc_pg.h"

PG_FUNCTION_INFO_V1(newsclaims_analyze);

static int64_t
sql_position(void *ctx, uint32_t byte_off, uint32_t cp_off)
{
	return nc_pg_position((const NcPgInput *) ctx, byte_off, cp_off);
}

Datum
newsclaims_analyze(PG_FUNCTION_ARGS)
{
	text	   *body = PG_GETARG_TEXT_PP(0);
	MemoryContext work = AllocSetContextCreate(CurrentMemoryContext,
											   "newsclaims analysis",
											   ALLOCSET_DEFAULT_SIZES);
	NcEnv		env;
	NcPgInput	in;
	NcAnalysis	a;
	NcBuf		buf;
	char	   *json;
	Datum		result;

	nc_pg_env_init(&env, work);
	nc_pg_prepare_input(body, &in);
	nc_pg_analyze(&env, &in, NC_STAGE_CLAIMS, &a);

	nc_buf_init(&buf, &env);
	nc_analysis_json(&buf, &a, sql_position, &in);
	if (buf.failed || buf.len >= MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("analysis of the text is too large to return as jsonb")));
	json = buf.data;
	if (in.convert_out)
		json = pg_any_to_server(json, (int) buf.len, PG_UTF8);

	result = DirectFunctionCall1(jsonb_in, CStringGetDatum(json));
	MemoryContextDelete(work);
	PG_RETURN_DATUM(result);
}
