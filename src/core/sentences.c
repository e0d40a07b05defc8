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
 * ASCII paragraphs, most of them, get ICU's boundaries from a few lines of
 * the same rules (nc_ascii_sentence_next); ICU's iterator is opened at most
 * once per document, for its first paragraph with other characters, and is
 * always closed before the core returns, whatever happens.
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
 * splitting a short document, and ASCII paragraphs do without.
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
 * Sentence boundaries of ASCII text without ICU.
 *
 * Opening and running ICU's iterator costs more than the rest of the
 * document model for a short text, and most paragraphs are ASCII, where the
 * UAX #29 rules are a few lines: a boundary can only follow a terminator
 * (. ! ?) with its closers and spaces, SB4's paragraph separators being
 * spaces in the text ICU sees (line breaks are soft wraps, see
 * paragraph_text) and there being no Extend or Format characters.  The
 * classes below are ICU's Sentence_Break values of the ASCII characters;
 * test_doc.c checks the result against ICU's iterator.
 */
typedef enum SbClass
{
	SB_OTHER,
	SB_SP,
	SB_LOWER,
	SB_UPPER,
	SB_NUMERIC,
	SB_ATERM,
	SB_STERM,
	SB_CLOSE,
	SB_SCONTINUE
} SbClass;

static inline SbClass
sb_class(unsigned char c)
{
	if (c >= 'a' && c <= 'z')
		return SB_LOWER;
	if (c >= 'A' && c <= 'Z')
		return SB_UPPER;
	if (c >= '0' && c <= '9')
		return SB_NUMERIC;
	switch (c)
	{
		case ' ':
		case '\t':
		case '\n':				/* line breaks: spaces for ICU too */
		case '\v':
		case '\f':
		case '\r':
			return SB_SP;
		case '.':
			return SB_ATERM;
		case '!':
		case '?':
			return SB_STERM;
		case '"':
		case '\'':
		case '(':
		case ')':
		case '[':
		case ']':
		case '{':
		case '}':
			return SB_CLOSE;
		case ',':
		case '-':
		case ':':
			return SB_SCONTINUE;
	}
	return SB_OTHER;
}

/*
 * Is there no boundary at p, after the terminator at t and its closers and
 * spaces?  Rules SB6, SB7, SB8 and SB8a; SB9 and SB10 (nothing breaks inside
 * the closers and spaces) are the caller's scan.
 */
static bool
sb_no_break(const char *s, uint32_t len, uint32_t t, uint32_t p)
{
	SbClass		term = sb_class((unsigned char) s[t]);
	SbClass		next = sb_class((unsigned char) s[p]);

	/* SB6: 3.5;  SB7: U.S. */
	if (term == SB_ATERM && p == t + 1)
	{
		if (next == SB_NUMERIC)
			return true;
		if (next == SB_UPPER && t > 0 &&
			(sb_class((unsigned char) s[t - 1]) == SB_UPPER ||
			 sb_class((unsigned char) s[t - 1]) == SB_LOWER))
			return true;
	}
	/* SB8: after a period, no boundary before a lower-case word */
	if (term == SB_ATERM)
	{
		for (uint32_t i = p; i < len; i++)
		{
			SbClass		c = sb_class((unsigned char) s[i]);

			if (c == SB_LOWER)
				return true;
			if (c == SB_UPPER || c == SB_ATERM || c == SB_STERM)
				break;
		}
	}
	/* SB8a */
	return next == SB_SCONTINUE || next == SB_ATERM || next == SB_STERM;
}

/*
 * Does any of the 8 bytes at p hold . ! or ?  (A byte equal to x is a zero
 * byte of w ^ x, found the usual way; exact as a yes/no answer.)
 */
static inline bool
has_terminator(const char *p)
{
	const uint64_t ones = UINT64_C(0x0101010101010101);
	const uint64_t highs = UINT64_C(0x8080808080808080);
	uint64_t	w,
				a,
				b,
				c;

	memcpy(&w, p, sizeof(w));
	a = w ^ (ones * '.');
	b = w ^ (ones * '!');
	c = w ^ (ones * '?');
	return (((a - ones) & ~a) | ((b - ones) & ~b) | ((c - ones) & ~c)) & highs;
}

/*
 * The first boundary of the ASCII text s[0..len) after position `from`
 * (itself 0 or a boundary), strictly inside the text; -1 when none is left.
 * Linear: SB8's look-ahead stops at the next terminator, where the scan
 * resumes.
 */
int32_t
nc_ascii_sentence_next(const char *s, uint32_t len, uint32_t from)
{
	uint32_t	i = from;

	while (i < len)
	{
		uint32_t	t,
					p;

		/* the terminators, . ! ? (this loop sees every byte) */
		if (i + 8 <= len && !has_terminator(s + i))
		{
			i += 8;
			continue;
		}
		if (s[i] != '.' && s[i] != '!' && s[i] != '?')
		{
			i++;
			continue;
		}
		/* SB9, SB10: terminator, closers, spaces hold together */
		t = i;
		p = t + 1;
		while (p < len && sb_class((unsigned char) s[p]) == SB_CLOSE)
			p++;
		while (p < len && sb_class((unsigned char) s[p]) == SB_SP)
			p++;
		if (p >= len)
			return -1;
		if (!sb_no_break(s, len, t, p))
			return (int32_t) p;		/* SB11 */
		i = p;
	}
	return -1;
}

static bool
is_ascii(const char *p, uint32_t len)
{
	unsigned char any = 0;

	for (uint32_t i = 0; i < len; i++)
		any |= (unsigned char) p[i];
	return any < 0x80;
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

/*
 * The next boundary strictly inside the paragraph p[0..len): from the ASCII
 * rules above or from ICU (set up on the paragraph); -1 when none is left.
 */
static int32_t
next_boundary(NcSentenceSplitter *sp, const char *p, uint32_t len, bool ascii,
			  uint32_t *pos)
{
	int32_t		bound;

	if (ascii)
	{
		bound = nc_ascii_sentence_next(p, len, *pos);
		if (bound >= 0)
			*pos = (uint32_t) bound;
		return bound;
	}
	bound = ubrk_next(sp->bi);
	if (bound == UBRK_DONE || (uint32_t) bound >= len)
		return -1;
	return bound;
}

/* Put ICU's iterator on the paragraph [pstart, pstart + plen). */
static NcStatus
icu_set_paragraph(NcBuilder *b, NcSentenceSplitter *sp, uint32_t pstart,
				  uint32_t plen)
{
	const char *ptext;
	UErrorCode	status = U_ZERO_ERROR;
	NcStatus	st;

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
	return NC_OK;
}

NcStatus
nc_split_sentences(NcBuilder *b, NcSentenceSplitter *sp, uint32_t para,
				   uint32_t first, uint32_t end)
{
	NcDoc	   *doc = b->doc;
	uint32_t	pstart = doc->toks[first].start;
	uint32_t	plen = doc->toks[end - 1].end - pstart;
	const char *p = doc->text + pstart;
	bool		ascii = is_ascii(p, plen);
	uint32_t	sent_first = first;
	uint32_t	k = first;
	uint32_t	pos = 0;
	int32_t		bound;
	NcStatus	st;
	uint32_t	nbreaks = 0;

	if (!ascii)
	{
		st = icu_set_paragraph(b, sp, pstart, plen);
		if (st != NC_OK)
			return st;
	}
	while ((bound = next_boundary(sp, p, plen, ascii, &pos)) >= 0)
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
