/*
 * pg_doc.c
 *		newsclaims.sentences() and newsclaims.tokens(): the document model as
 *		rows.
 */
#include "postgres.h"

#include "utils/builtins.h"

#include "nc_pg.h"

PG_FUNCTION_INFO_V1(newsclaims_sentences);
PG_FUNCTION_INFO_V1(newsclaims_tokens);

Datum
newsclaims_sentences(PG_FUNCTION_ARGS)
{
	NcPgRows	r;

	nc_pg_rows_start(fcinfo, &r, NC_STAGE_DOC);
	for (uint32_t i = 0; i < r.a.doc.nsent; i++)
	{
		const NcSentence *s = &r.a.doc.sents[i];
		Datum		values[4];
		bool		nulls[4];
		MemoryContext old = nc_pg_rows_begin(&r, values, nulls, 4);

		values[0] = Int32GetDatum((int32) i + 1);
		values[1] = Int32GetDatum((int32) s->paragraph + 1);
		values[2] = nc_pg_span(&r.in, s->start, s->end, s->cstart, s->cend);
		values[3] = nc_pg_text(&r.in, s->start, s->end);
		nc_pg_rows_put(&r, old, values, nulls);
	}
	nc_pg_rows_finish(&r);
	return (Datum) 0;
}

Datum
newsclaims_tokens(PG_FUNCTION_ARGS)
{
	NcPgRows	r;

	nc_pg_rows_start(fcinfo, &r, NC_STAGE_DOC);
	for (uint32_t i = 0; i < r.a.doc.ntok; i++)
	{
		const NcToken *t = &r.a.doc.toks[i];
		Datum		values[5];
		bool		nulls[5];
		MemoryContext old = nc_pg_rows_begin(&r, values, nulls, 5);

		values[0] = Int32GetDatum((int32) i + 1);
		values[1] = Int32GetDatum((int32) t->sentence + 1);
		values[2] = nc_pg_span(&r.in, t->start, t->end, t->cstart, t->cend);
		values[3] = nc_pg_text(&r.in, t->start, t->end);
		values[4] = CStringGetTextDatum(nc_token_kind_name(t->kind));
		nc_pg_rows_put(&r, old, values, nulls);
	}
	nc_pg_rows_finish(&r);
	return (Datum) 0;
}
