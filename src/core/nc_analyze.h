/*
 * nc_analyze.h
 *		The whole pipeline over one text, and its JSON form.
 *
 * Every extractor reads the same document model; later stages read the
 * earlier ones' results (quotes need entities for speakers, claims need
 * quotes for sources), so a caller asks for the last stage it needs and
 * gets everything before it too.
 */
#ifndef NC_ANALYZE_H
#define NC_ANALYZE_H

#include "nc_claims.h"
#include "nc_doc.h"
#include "nc_entities.h"
#include "nc_json.h"
#include "nc_quotes.h"

typedef enum NcStage
{
	NC_STAGE_DOC = 0,
	NC_STAGE_ENTITIES,
	NC_STAGE_QUOTES,
	NC_STAGE_CLAIMS
} NcStage;

typedef struct NcAnalysis
{
	NcStage		stage;			/* the last stage run */
	NcDoc		doc;
	NcEntities	ents;
	NcQuotes	quotes;
	NcClaims	claims;
} NcAnalysis;

/* Run the stages up to and including `upto` over text[0..len). */
extern NcStatus nc_analyze(const NcEnv *env, const char *text, size_t len,
						   NcStage upto, NcAnalysis *out);

/*
 * How the caller counts positions: SQL positions are 1-based characters of
 * the original text, which the backend maps from bytes and code points.
 */
typedef int64_t (*NcPositionFn) (void *ctx, uint32_t byte_off, uint32_t cp_off);

/* 1-based code point positions (UTF-8 callers, the CLI) */
extern int64_t nc_position_codepoint(void *ctx, uint32_t byte_off, uint32_t cp_off);

/*
 * Write {"entities": [...], "quotes": [...], "claims": [...]} for the stages
 * run, each element with the keys of the matching SQL function's columns.
 */
extern void nc_analysis_json(NcBuf *buf, const NcAnalysis *a,
							 NcPositionFn pos, void *posctx);

#endif							/* NC_ANALYZE_H */
