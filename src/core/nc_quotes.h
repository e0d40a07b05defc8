/*
 * nc_quotes.h
 *		Direct quotes of a document and who said them.
 */
#ifndef NC_QUOTES_H
#define NC_QUOTES_H

#include "nc_doc.h"
#include "nc_entities.h"

typedef struct NcQuote
{
	uint32_t	tok_first;		/* tokens [tok_first, tok_end) inside the
								 * marks, marks excluded */
	uint32_t	tok_end;
	uint32_t	sentence;		/* sentence of the first quoted token */
	int32_t		continues;		/* index of the quote this one carries on
								 * from the previous paragraph, or -1 */
	int32_t		speaker_entity; /* index into NcEntities.ents, or -1 */
	const char *speaker;		/* canonical name, or the source as written
								 * ("a government spokesman"); NULL: none */
	uint32_t	speaker_len;	/* bytes */
	int32_t		speaker_first;	/* tokens of the attributing words ("he",
								 * "Biegun", "the U.N."), or -1 */
	int32_t		speaker_end;
	int32_t		verb_first;		/* tokens of the reporting cue ("said",
								 * "according to", the colon), or -1 */
	int32_t		verb_end;
} NcQuote;

typedef struct NcQuotes
{
	NcQuote    *quotes;			/* in text order */
	uint32_t	nquote;
} NcQuotes;

/* Find the quotes of doc, attributing them through ents. */
extern NcStatus nc_quotes_extract(const NcEnv *env, const NcDoc *doc,
								  const NcEntities *ents, NcQuotes *out);

/* Index of the quote whose marks enclose token tok, or -1. */
extern int32_t nc_quotes_at(const NcQuotes *quotes, uint32_t tok);

#endif							/* NC_QUOTES_H */
