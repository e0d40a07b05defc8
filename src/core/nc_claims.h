/*
 * nc_claims.h
 *		Numeric claims: every quantity stated, normalised, with what it counts
 *		and who claims it.
 */
#ifndef NC_CLAIMS_H
#define NC_CLAIMS_H

#include "nc_doc.h"
#include "nc_entities.h"
#include "nc_quotes.h"

typedef enum NcApprox
{
	NC_APPROX_EXACT = 0,
	NC_APPROX_ABOUT,
	NC_APPROX_AT_LEAST,
	NC_APPROX_MORE_THAN,
	NC_APPROX_AT_MOST,
	NC_APPROX_LESS_THAN,
	NC_APPROX_UP_TO,
	NC_APPROX_NEARLY
} NcApprox;

typedef struct NcClaim
{
	uint32_t	tok_first;		/* tokens of the quantity as written,
								 * approximator included ("at least 450") */
	uint32_t	tok_end;
	uint32_t	sentence;
	const char *value;			/* exact decimal, NUL-terminated: "450",
								 * "1130000000", "0.3333", "-2.5" */
	const char *value_max;		/* high end of a range, or NULL */
	const char *unit;			/* FORMAT.md vocabulary: "count", "percent",
								 * "currency:USD", "duration:year", "km" ... */
	uint8_t		approx;			/* NcApprox */
	int32_t		object_first;	/* tokens of what is counted, or -1 */
	int32_t		object_end;
	int32_t		quote;			/* index into NcQuotes.quotes, or -1 */
	const char *source;			/* who claims it, or NULL */
	uint32_t	source_len;		/* bytes */
} NcClaim;

typedef struct NcClaims
{
	NcClaim    *claims;			/* in text order */
	uint32_t	nclaim;
} NcClaims;

extern NcStatus nc_claims_extract(const NcEnv *env, const NcDoc *doc,
								  const NcEntities *ents, const NcQuotes *quotes,
								  NcClaims *out);

/* "exact", "about", "at_least", ... */
extern const char *nc_approx_name(uint8_t approx);

#endif							/* NC_CLAIMS_H */
