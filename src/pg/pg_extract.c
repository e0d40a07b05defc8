/*
 * pg_extract.c
 *		newsclaims.entities(), newsclaims.quotes() and newsclaims.claims().
 */
#include "postgres.h"

#include "utils/builtins.h"
#include "utils/numeric.h"

#include "nc_pg.h"

PG_FUNCTION_INFO_V1(newsclaims_entities);
PG_FUNCTION_INFO_V1(newsclaims_quotes);
PG_FUNCTION_INFO_V1(newsclaims_claims);

static Datum
optional_int(int64 v, bool *isnull)
{
	*isnull = v < 0;
	return Int32GetDatum((int32) (v + 1));
}

Datum
newsclaims_entities(PG_FUNCTION_ARGS)
{
	NcPgRows	r;
	const NcEntities *e;

	nc_pg_rows_start(fcinfo, &r, NC_STAGE_ENTITIES);
	e = &r.a.ents;
	for (uint32_t i = 0; i < e->nment; i++)
	{
		const NcMention *m = &e->ments[i];
		const NcEntity *ent = &e->ents[m->entity];
		Datum		values[7];
		bool		nulls[7];
		MemoryContext old = nc_pg_rows_begin(&r, values, nulls, 7);

		values[0] = Int32GetDatum((int32) m->entity + 1);
		values[1] = nc_pg_cstring_text(ent->name, ent->name_len, &r.in);
		values[2] = CStringGetTextDatum(nc_entity_type_name(ent->type));
		nc_pg_tokens_text(&r, m->tok_first, m->tok_end, &values[3], &nulls[3]);
		nc_pg_tokens_span(&r, m->tok_first, m->tok_end, &values[4], &nulls[4]);
		values[5] = Int32GetDatum((int32) r.a.doc.toks[m->tok_first].sentence + 1);
		nc_pg_tokens_text(&r, m->role_first, m->role_end, &values[6], &nulls[6]);
		nc_pg_rows_put(&r, old, values, nulls);
	}
	nc_pg_rows_finish(&r);
	return (Datum) 0;
}

Datum
newsclaims_quotes(PG_FUNCTION_ARGS)
{
	NcPgRows	r;
	const NcQuotes *qs;

	nc_pg_rows_start(fcinfo, &r, NC_STAGE_QUOTES);
	qs = &r.a.quotes;
	for (uint32_t i = 0; i < qs->nquote; i++)
	{
		const NcQuote *q = &qs->quotes[i];
		Datum		values[10];
		bool		nulls[10];
		MemoryContext old = nc_pg_rows_begin(&r, values, nulls, 10);

		values[0] = Int32GetDatum((int32) i + 1);
		nc_pg_tokens_text(&r, q->tok_first, q->tok_end, &values[1], &nulls[1]);
		nc_pg_tokens_span(&r, q->tok_first, q->tok_end, &values[2], &nulls[2]);
		if (q->speaker)
			values[3] = nc_pg_cstring_text(q->speaker, q->speaker_len, &r.in);
		else
			nulls[3] = true;
		values[4] = optional_int(q->speaker_entity, &nulls[4]);
		nc_pg_tokens_text(&r, q->speaker_first, q->speaker_end, &values[5], &nulls[5]);
		nc_pg_tokens_span(&r, q->speaker_first, q->speaker_end, &values[6], &nulls[6]);
		nc_pg_tokens_text(&r, q->verb_first, q->verb_end, &values[7], &nulls[7]);
		values[8] = Int32GetDatum((int32) q->sentence + 1);
		values[9] = optional_int(q->continues, &nulls[9]);
		nc_pg_rows_put(&r, old, values, nulls);
	}
	nc_pg_rows_finish(&r);
	return (Datum) 0;
}

static Datum
numeric_value(const char *s, bool *isnull)
{
	*isnull = (s == NULL);
	if (s == NULL)
		return (Datum) 0;
	return DirectFunctionCall3(numeric_in, CStringGetDatum(s),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

Datum
newsclaims_claims(PG_FUNCTION_ARGS)
{
	NcPgRows	r;
	const NcClaims *cs;

	nc_pg_rows_start(fcinfo, &r, NC_STAGE_CLAIMS);
	cs = &r.a.claims;
	for (uint32_t i = 0; i < cs->nclaim; i++)
	{
		const NcClaim *c = &cs->claims[i];
		Datum		values[11];
		bool		nulls[11];
		MemoryContext old = nc_pg_rows_begin(&r, values, nulls, 11);

		values[0] = Int32GetDatum((int32) i + 1);
		nc_pg_tokens_text(&r, c->tok_first, c->tok_end, &values[1], &nulls[1]);
		nc_pg_tokens_span(&r, c->tok_first, c->tok_end, &values[2], &nulls[2]);
		values[3] = numeric_value(c->value, &nulls[3]);
		values[4] = numeric_value(c->value_max, &nulls[4]);
		if (c->unit)
			values[5] = CStringGetTextDatum(c->unit);
		else
			nulls[5] = true;
		values[6] = CStringGetTextDatum(nc_approx_name(c->approx));
		nc_pg_tokens_text(&r, c->object_first, c->object_end, &values[7], &nulls[7]);
		values[8] = optional_int(c->quote, &nulls[8]);
		if (c->source)
			values[9] = nc_pg_cstring_text(c->source, c->source_len, &r.in);
		else
			nulls[9] = true;
		values[10] = Int32GetDatum((int32) c->sentence + 1);
		nc_pg_rows_put(&r, old, values, nulls);
	}
	nc_pg_rows_finish(&r);
	return (Datum) 0;
}
