/*
 * sentences.c
 *		Sentence boundaries: ICU's sentence break iterator proposes, our rules
 *		dispose.
 *
 * ICU implements UAX #29, which knows nothing of news abbreviations: it
 * breaks after "Mr." before a capital, after "U.S." before "President", and
 * after a quoted question before "he asked".  Its candidates are mapped onto
 * token boundaries and vetoed where:
 * - the token before is a title abbreviation (Mr., Gen., Sen.);
 * - the token before is any other abbreviation, an initial or a dotted
 *   acronym, and the word after is not one that starts sentences ("The",
 *   "He", ...);
 * - the word after begins with a lower-case letter (a quote's attribution).
 * A boundary never falls between final punctuation and the closing
 * quotation marks or brackets that follow it.
 *
 * The iterator is opened at most once per document, and only when a
 * paragraph may hold a boundary; it is always closed before the core
 * returns, whatever happens.
 */
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "doc_internal.h"
#include "nc_lexicon.h"
#include "lexicon_data.h"

/*
 * Prepare the splitter.  The ICU iterator itself is opened only when a
 * paragraph needs it (splitter_ensure): opening one costs more than
 * splitting a short document, and many paragraphs cannot hold a boundary.
 */
NcStatus
nc_splitter_open(NcSentenceSplitter *sp)
{
	sp->ut = NULL;
	sp->bi = NULL;
	return NC_OK;
}

static NcStatus
splitter_ensure(NcSentenceSplitter *sp)
{
	UErrorCode	status = U_ZERO_ERROR;

	if (sp->bi != NULL)
		return NC_OK;
	sp->bi = ubrk_open(UBRK_SENTENCE, "en", NULL, 0, &status);
	if (U_FAILURE(status))
	{
		if (sp->bi)
			ubrk_close(sp->bi);
		sp->bi = NULL;
		return NC_EICU;
	}
	return NC_OK;
}

void
nc_splitter_close(NcSentenceSplitter *sp)
{
	if (sp->ut)
		utext_close(sp->ut);
	if (sp->bi)
		ubrk_close(sp->bi);
	sp->ut = NULL;
	sp->bi = NULL;
}

/* Is token i a capitalised word that typically begins a sentence? */
static bool
is_sentence_starter(const NcDoc *doc, uint32_t i)
{
	const NcToken *t = &doc->toks[i];

	if (t->kind == NC_TK_QUOTE_OPEN)
		return true;
	if (t->kind != NC_TK_WORD || !(t->flags & NC_TF_CAP))
		return false;
	return nc_lex_find_lower(&nc_lex_sentence_starters, nc_tok_ptr(doc, i),
							 nc_tok_len(doc, i)) != NULL;
}

static bool
starts_lowercase(const NcDoc *doc, uint32_t i)
{
	const NcToken *t = &doc->toks[i];
	unsigned char c = (unsigned char) doc->text[t->start];

	return t->kind == NC_TK_WORD && !(t->flags & NC_TF_POSSESSIVE) &&
		c >= 'a' && c <= 'z';
}

/* May a sentence end between tokens k-1 and k? */
static bool
break_allowed(const NcDoc *doc, uint32_t k)
{
	const NcToken *prev = &doc->toks[k - 1];

	if (starts_lowercase(doc, k))
		return false;
	if (prev->flags & NC_TF_ABBREV)
	{
		/* the word without its period, looked up for its class */
		const NcLexEntry *e = nc_lex_find_lower(&nc_lex_abbreviations,
												nc_tok_ptr(doc, k - 1),
												nc_tok_len(doc, k - 1) - 1);

		if (e != NULL && strcmp(e->value, "title") == 0)
			return false;
		return is_sentence_starter(doc, k);
	}
	return true;
}

/* Tokens that stay with the sentence before: closers glued to it. */
static bool
glued_closer(const NcDoc *doc, uint32_t k)
{
	const NcToken *t = &doc->toks[k];

	if (t->kind == NC_TK_QUOTE_CLOSE)
		return true;
	if (t->flags & NC_TF_SPACE_BEFORE)
		return false;
	if (t->kind == NC_TK_QUOTE_AMBIG)
		return true;
	if (t->kind == NC_TK_PUNCT)
	{
		char		c = doc->text[t->start];

		return c == ')' || c == ']' || c == '}';
	}
	return false;
}

static NcStatus
add_sentence(NcBuilder *b, uint32_t para, uint32_t first, uint32_t end)
{
	NcDoc	   *doc = b->doc;
	NcSentence *s;
	uint32_t	idx = doc->nsent;

	if (!nc_reserve(b->env, (void **) &doc->sents, &b->sentcap, idx + 1,
					sizeof(NcSentence)))
		return NC_ENOMEM;
	s = &doc->sents[idx];
	s->start = doc->toks[first].start;
	s->end = doc->toks[end - 1].end;
	s->cstart = doc->toks[first].cstart;
	s->cend = doc->toks[end - 1].cend;
	s->tok_first = first;
	s->tok_end = end;
	s->paragraph = para;
	doc->nsent++;

	for (uint32_t i = first; i < end; i++)
		doc->toks[i].sentence = idx;
	for (uint32_t i = first; i < end; i++)
	{
		if (doc->toks[i].kind == NC_TK_WORD || doc->toks[i].kind == NC_TK_NUMBER)
		{
			doc->toks[i].flags |= NC_TF_SENT_START;
			break;
		}
	}
	return NC_OK;
}

/*
 * Can ICU find a boundary inside the paragraph p[0..len)?  UAX #29 breaks
 * only after a terminator (STerm, ATerm) with its closers and spaces, or
 * after a paragraph separator.  In ASCII those are . ! ? (CR, LF and the
 * other line breaks are spaces in the text ICU sees), so an ASCII paragraph
 * whose terminators all sit in its final run of terminators and closers
 * (" ' ( ) [ ] { }) has no boundary but its end: rules SB8a and SB9 keep
 * that run together.  Anything else (non-ASCII included) asks ICU.
 */
static bool
may_break_inside(const char *p, uint32_t len)
{
	uint32_t	i = len;

	while (i > 0)
	{
		char		c = p[i - 1];

		if (c != '.' && c != '!' && c != '?' && c != '"' && c != '\'' &&
			c != '(' && c != ')' && c != '[' && c != ']' && c != '{' && c != '}')
			break;
		i--;
	}
	for (uint32_t k = 0; k < len; k++)
	{
		unsigned char c = (unsigned char) p[k];

		if (c >= 0x80 || (k < i && (c == '.' || c == '!' || c == '?')))
			return true;
	}
	return false;
}

/*
 * The paragraph's bytes for ICU.  Line breaks inside a paragraph are soft
 * wraps, but ICU treats every one as a hard sentence end, so they become
 * spaces in a scratch copy (same length, so offsets still match).
 */
static const char *
paragraph_text(NcBuilder *b, uint32_t start, uint32_t len)
{
	const char *p = b->doc->text + start;
	bool		has_break = false;

	for (uint32_t i = 0; i < len; i++)
	{
		if (p[i] == '\n' || p[i] == '\r' || p[i] == '\v' || p[i] == '\f')
		{
			has_break = true;
			break;
		}
	}
	if (!has_break)
		return p;
	if (!nc_reserve(b->env, (void **) &b->scratch, &b->scratchcap, len, 1))
		return NULL;
	for (uint32_t i = 0; i < len; i++)
	{
		char		c = p[i];

		b->scratch[i] = (c == '\n' || c == '\r' || c == '\v' || c == '\f') ? ' ' : c;
	}
	return b->scratch;
}

NcStatus
nc_split_sentences(NcBuilder *b, NcSentenceSplitter *sp, uint32_t para,
				   uint32_t first, uint32_t end)
{
	NcDoc	   *doc = b->doc;
	uint32_t	pstart = doc->toks[first].start;
	uint32_t	plen = doc->toks[end - 1].end - pstart;
	const char *ptext;
	UErrorCode	status = U_ZERO_ERROR;
	uint32_t	sent_first = first;
	uint32_t	k = first;
	int32_t		bound;
	NcStatus	st;
	uint32_t	nbreaks = 0;

	if (!may_break_inside(doc->text + pstart, plen))
		return add_sentence(b, para, first, end);
	st = splitter_ensure(sp);
	if (st != NC_OK)
		return st;
	ptext = paragraph_text(b, pstart, plen);
	if (ptext == NULL)
		return NC_ENOMEM;
	sp->ut = utext_openUTF8(sp->ut, ptext, (int64_t) plen, &status);
	if (U_FAILURE(status))
		return NC_EICU;
	ubrk_setUText(sp->bi, sp->ut, &status);
	if (U_FAILURE(status))
		return NC_EICU;

	for (bound = ubrk_next(sp->bi); bound != UBRK_DONE && (uint32_t) bound < plen;
		 bound = ubrk_next(sp->bi))
	{
		uint32_t	at = pstart + (uint32_t) bound;

		/* first token at or after the boundary */
		while (k < end && doc->toks[k].start < at)
			k++;
		while (k < end && glued_closer(doc, k))
			k++;
		if (k >= end)
			break;
		if (k <= sent_first || !break_allowed(doc, k))
			continue;
		st = add_sentence(b, para, sent_first, k);
		if (st != NC_OK)
			return st;
		sent_first = k;
		if ((++nbreaks & 1023) == 0 && nc_should_stop(b->env))
			return NC_ECANCEL;
	}
	return add_sentence(b, para, sent_first, end);
}
