/*
 * doc_internal.h
 *		Pieces of the document builder shared between its files; not part of
 *		the core's interface.
 */
#ifndef NC_DOC_INTERNAL_H
#define NC_DOC_INTERNAL_H

#include "nc_doc.h"

/* NcBuilder.para_quote of a paragraph without quotation marks */
#define NC_NO_QUOTE UINT32_MAX

/* State carried through the one pass over the text. */
typedef struct NcBuilder
{
	const NcEnv *env;
	NcDoc	   *doc;
	const unsigned char *s;
	uint32_t	len;
	/* cursor: byte position and the code point count up to it */
	uint32_t	pos;
	uint32_t	cpos;
	uint32_t	tokcap;
	uint32_t	sentcap;
	uint32_t	paracap;
	uint32_t	since_check;	/* bytes since the last interrupt check */
	uint32_t	para_quote;		/* the last paragraph tokenized: its first
								 * quotation mark token, or NC_NO_QUOTE */
} NcBuilder;

/*
 * paragraphs.c: find the paragraphs of the text, handing each to
 * nc_add_paragraph() as it is found
 */
extern NcStatus nc_find_paragraphs(NcBuilder *b);

/*
 * doc.c: the paragraph of bytes [start, end) as the line scanner found it,
 * tokenized and split into sentences
 */
extern NcStatus nc_add_paragraph(NcBuilder *b, uint32_t start, uint32_t end,
								 bool headline);

/* tokenize.c: tokens of [start, end), appended to doc->toks */
extern NcStatus nc_tokenize_range(NcBuilder *b, uint32_t start, uint32_t end);

/*
 * quotemarks.c: classify the quotation marks of the paragraph of tokens
 * [first, end), the first of them token `from`
 */
extern void nc_classify_quotes(NcDoc *doc, uint32_t first, uint32_t from,
							   uint32_t end);

/* sentences.c */
/* Split the tokens [first, end) of paragraph `para` into sentences. */
extern NcStatus nc_split_sentences(NcBuilder *b, uint32_t para, uint32_t first,
								   uint32_t end);
/*
 * The next UAX #29 sentence boundary after `from` in UTF-8 text (the one
 * ICU's iterator finds), or -1; exported for the tests.
 */
extern int32_t nc_sentence_next(const char *s, uint32_t len, uint32_t from);

#endif							/* NC_DOC_INTERNAL_H */
