/*
 * pg_doc.c
 *		newsclaims.sentences() and newsclaims.tokens(): the document model as
 *		rows.
 *
 * Both are materialize-mode SRFs: the core runs once over the whole text in
 * a private memory context, rows go into the tuplestore (which spills to
 * disk past work_mem), and each row's values are built in a context that is
 * reset before the next, so backend memory does not grow with the number of
 * rows returned.
 */
#include "postgres.h"

#include "miscadmin.h"
#include "utils/memutils.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

#include "nc_pg.h"

PG_FUNCTION_INFO_V1(newsclaims_sentences);
PG_FUNCTION_INFO_V1(newsclaims_tokens);

/* State for emitting the rows of one call. */
typedef struct RowEmitter
{
	ReturnSetInfo *rsinfo;
	MemoryContext work;			/* the core's arena */
	MemoryContext row;			/* reset after each row */
	NcEnv		env;
	NcPgInput	in;
	NcDoc		doc;
} RowEmitter;

static void
start_rows(FunctionCallInfo fcinfo, RowEmitter *e)
{
	text	   *body = PG_GETARG_TEXT_PP(0);

	InitMaterializedSRF(fcinfo, 0);
	e->rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	e->work = AllocSetContextCreate(CurrentMemoryContext, "newsclaims analysis",
									ALLOCSET_DEFAULT_SIZES);
	e->row = AllocSetContextCreate(CurrentMemoryContext, "newsclaims row",
								   ALLOCSET_SMALL_SIZES);
	nc_pg_env_init(&e->env, e->work);
	nc_pg_prepare_input(body, &e->in);
	nc_pg_build_doc(&e->env, &e->in, &e->doc);
}

static void
put_row(RowEmitter *e, Datum *values, bool *nulls, uint32_t rowno)
{
	tuplestore_putvalues(e->rsinfo->setResult, e->rsinfo->setDesc, values, nulls);
	MemoryContextReset(e->row);
	if ((rowno & 1023) == 0)
		CHECK_FOR_INTERRUPTS();
}

static void
finish_rows(RowEmitter *e)
{
	MemoryContextDelete(e->row);
	MemoryContextDelete(e->work);
}

Datum
newsclaims_sentences(PG_FUNCTION_ARGS)
{
	RowEmitter	e;

	start_rows(fcinfo, &e);
	for (uint32_t i = 0; i < e.doc.nsent; i++)
	{
		const NcSentence *s = &e.doc.sents[i];
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};
		MemoryContext old = MemoryContextSwitchTo(e.row);

		values[0] = Int32GetDatum((int32) i + 1);
		values[1] = Int32GetDatum((int32) s->paragraph + 1);
		values[2] = nc_pg_span(&e.in, s->start, s->end, s->cstart, s->cend);
		values[3] = nc_pg_text(&e.in, s->start, s->end);
		MemoryContextSwitchTo(old);
		put_row(&e, values, nulls, i);
	}
	finish_rows(&e);
	return (Datum) 0;
}

Datum
newsclaims_tokens(PG_FUNCTION_ARGS)
{
	RowEmitter	e;

	start_rows(fcinfo, &e);
	for (uint32_t i = 0; i < e.doc.ntok; i++)
	{
		const NcToken *t = &e.doc.toks[i];
		Datum		values[5];
		bool		nulls[5] = {false, false, false, false, false};
		MemoryContext old = MemoryContextSwitchTo(e.row);

		values[0] = Int32GetDatum((int32) i + 1);
		values[1] = Int32GetDatum((int32) t->sentence + 1);
		values[2] = nc_pg_span(&e.in, t->start, t->end, t->cstart, t->cend);
		values[3] = nc_pg_text(&e.in, t->start, t->end);
		values[4] = CStringGetTextDatum(nc_token_kind_name(t->kind));
		MemoryContextSwitchTo(old);
		put_row(&e, values, nulls, i);
	}
	finish_rows(&e);
	return (Datum) 0;
}
