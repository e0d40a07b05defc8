/*
 * pg_rows.c
 *		Shared machinery of the set-returning functions.
 *
 * All of them are materialize-mode SRFs: the core runs once over the whole
 * text in a private memory context, rows go into the tuplestore (which
 * spills to disk past work_mem), and each row's values are built in a
 * context that is reset before the next, so backend memory does not grow
 * with the number of rows returned.
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"

#include "nc_pg.h"

void
nc_pg_rows_start(FunctionCallInfo fcinfo, NcPgRows *r, NcStage upto)
{
	text	   *body = PG_GETARG_TEXT_PP(0);

	InitMaterializedSRF(fcinfo, 0);
	r->rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	r->work = AllocSetContextCreate(CurrentMemoryContext, "newsclaims analysis",
									ALLOCSET_DEFAULT_SIZES);
	r->row = AllocSetContextCreate(CurrentMemoryContext, "newsclaims row",
								   ALLOCSET_SMALL_SIZES);
	nc_pg_env_init(&r->env, r->work);
	nc_pg_prepare_input(body, &r->in);
	nc_pg_analyze(&r->env, &r->in, upto, &r->a);
	r->rowno = 0;
}

MemoryContext
nc_pg_rows_begin(NcPgRows *r, Datum *values, bool *nulls, int natts)
{
	memset(nulls, 0, sizeof(bool) * natts);
	memset(values, 0, sizeof(Datum) * natts);
	return MemoryContextSwitchTo(r->row);
}

void
nc_pg_rows_put(NcPgRows *r, MemoryContext old, Datum *values, bool *nulls)
{
	MemoryContextSwitchTo(old);
	tuplestore_putvalues(r->rsinfo->setResult, r->rsinfo->setDesc, values, nulls);
	MemoryContextReset(r->row);
	if ((++r->rowno & 1023) == 0)
		CHECK_FOR_INTERRUPTS();
}

void
nc_pg_rows_finish(NcPgRows *r)
{
	MemoryContextDelete(r->row);
	MemoryContextDelete(r->work);
}

/* Values of a token range, or NULLs when first < 0. */
void
nc_pg_tokens_text(const NcPgRows *r, int64 first, int64 end, Datum *value, bool *isnull)
{
	const NcDoc *d = &r->a.doc;

	if (first < 0 || end <= first)
	{
		*isnull = true;
		return;
	}
	*value = nc_pg_text(&r->in, d->toks[first].start, d->toks[end - 1].end);
}

void
nc_pg_tokens_span(const NcPgRows *r, int64 first, int64 end, Datum *value, bool *isnull)
{
	const NcDoc *d = &r->a.doc;

	if (first < 0 || end <= first)
	{
		*isnull = true;
		return;
	}
	*value = nc_pg_span(&r->in, d->toks[first].start, d->toks[end - 1].end,
						d->toks[first].cstart, d->toks[end - 1].cend);
}

Datum
nc_pg_cstring_text(const char *s, size_t len, const NcPgInput *in)
{
	/* strings the core made from the text are UTF-8, like the text */
	if (in->convert_out && len > 0)
	{
		char	   *c = pg_any_to_server(s, (int) len, PG_UTF8);

		if (c != s)
			return PointerGetDatum(cstring_to_text(c));
	}
	return PointerGetDatum(cstring_to_text_with_len(s, (int) len));
}
