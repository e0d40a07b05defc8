/*
 * analyze.c
 *		Run the pipeline: document model, entities, quotes, claims.
 */
#include <string.h>

#include "nc_analyze.h"

NcStatus
nc_analyze(const NcEnv *env, const char *text, size_t len, NcStage upto,
		   NcAnalysis *out)
{
	NcStatus	st;

	memset(out, 0, sizeof(NcAnalysis));
	out->stage = NC_STAGE_DOC;
	st = nc_doc_build(env, text, len, &out->doc);
	if (st != NC_OK || upto == NC_STAGE_DOC)
		return st;

	st = nc_entities_extract(env, &out->doc, &out->ents);
	if (st != NC_OK)
		return st;
	out->stage = NC_STAGE_ENTITIES;
	if (upto == NC_STAGE_ENTITIES)
		return NC_OK;

	st = nc_quotes_extract(env, &out->doc, &out->ents, &out->quotes);
	if (st != NC_OK)
		return st;
	out->stage = NC_STAGE_QUOTES;
	if (upto == NC_STAGE_QUOTES)
		return NC_OK;

	st = nc_claims_extract(env, &out->doc, &out->ents, &out->quotes, &out->claims);
	if (st != NC_OK)
		return st;
	out->stage = NC_STAGE_CLAIMS;
	return NC_OK;
}
