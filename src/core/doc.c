/*
 * doc.c
 *		Build the document model in one forward pass: each paragraph as the
 *		line scanner finds it, then its tokens, their quotation marks and its
 *		sentences.
 */
#include <string.h>

#include "doc_internal.h"
#include "nc_chars.h"

static const char *const kind_names[] = {
	[NC_TK_WORD] = "word",
	[NC_TK_NUMBER] = "number",
	[NC_TK_PUNCT] = "punctuation",
	[NC_TK_SYMBOL] = "symbol",
	[NC_TK_QUOTE_OPEN] = "quote_open",
	[NC_TK_QUOTE_CLOSE] = "quote_close",
	[NC_TK_QUOTE_AMBIG] = "quote_ambiguous",
};

const char *
nc_token_kind_name(NcTokenKind kind)
{
	if ((unsigned) kind < sizeof(kind_names) / sizeof(kind_names[0]))
		return kind_names[kind];
	return "unknown";
}

NcStatus
nc_add_paragraph(NcBuilder *b, uint32_t start, uint32_t end, bool headline)
{
	NcDoc	   *doc = b->doc;
	uint32_t	first = doc->ntok;
	uint32_t	idx = doc->npara;
	NcParagraph *p;
	NcStatus	st;

	st = nc_tokenize_range(b, start, end);
	if (st != NC_OK || doc->ntok == first)
		return st;				/* nothing but white space: no paragraph */
	/* most paragraphs have no quotation mark to classify */
	if (b->para_quote != NC_NO_QUOTE)
		nc_classify_quotes(doc, first, b->para_quote, doc->ntok);

	if (!nc_reserve(b->env, (void **) &doc->paras, &b->paracap, idx + 1,
					sizeof(NcParagraph)))
		return NC_ENOMEM;
	p = &doc->paras[idx];
	p->start = doc->toks[first].start;
	p->end = doc->toks[doc->ntok - 1].end;
	p->cstart = doc->toks[first].cstart;
	p->cend = doc->toks[doc->ntok - 1].cend;
	p->headline = headline;
	p->sent_first = doc->nsent;
	doc->npara++;

	st = nc_split_sentences(b, idx, first, doc->ntok);
	p = &doc->paras[idx];
	p->sent_end = doc->nsent;
	return st;
}

NcStatus
nc_doc_build(const NcEnv *env, const char *text, size_t len, NcDoc *doc)
{
	NcBuilder	b;
	NcStatus	st;

	memset(doc, 0, sizeof(NcDoc));
	doc->text = text;
	if (len > NC_MAX_INPUT)
		return NC_ETOOBIG;
	doc->len = (uint32_t) len;

	memset(&b, 0, sizeof(b));
	b.env = env;
	b.doc = doc;
	b.s = (const unsigned char *) text;
	b.len = (uint32_t) len;

	st = nc_find_paragraphs(&b);
	if (st != NC_OK)
		goto fail;

	/* code points after the last paragraph */
	while (b.pos < b.len)
	{
		uint32_t	cp;

		b.pos += nc_u8_decode(b.s, b.len, b.pos, &cp);
		b.cpos++;
	}
	doc->nchars = b.cpos;
	return NC_OK;

fail:
	memset(doc, 0, sizeof(NcDoc));
	doc->text = text;
	return st;
}

bool
nc_tok_eq_str(const NcDoc *doc, uint32_t i, const char *word)
{
	const char *p = nc_tok_ptr(doc, i);
	uint32_t	len = nc_tok_len(doc, i);
	uint32_t	k;

	for (k = 0; k < len; k++)
		if (word[k] == '\0' || !nc_fold_eq((unsigned char) p[k], (unsigned char) word[k]))
			return false;
	return word[k] == '\0';
}

/* token i (of n bytes) equals word[0..n), ASCII case folded */
bool
nc_tok_eq_n(const NcDoc *doc, uint32_t i, const char *word, size_t n)
{
	const char *p = nc_tok_ptr(doc, i);

	for (size_t k = 0; k < n; k++)
		if (!nc_fold_eq((unsigned char) p[k], (unsigned char) word[k]))
			return false;
	return true;
}

bool
nc_tok_lower(const NcDoc *doc, uint32_t i, char *buf, size_t bufsize)
{
	const char *p = nc_tok_ptr(doc, i);
	uint32_t	len = nc_tok_len(doc, i);

	if ((size_t) len + 1 > bufsize)
		return false;
	for (uint32_t k = 0; k < len; k++)
		buf[k] = (char) nc_ascii_lower((unsigned char) p[k]);
	buf[len] = '\0';
	return true;
}
