/*
 * sentences.c
 *		Sentence boundaries: the Unicode sentence rules (UAX #29, as ICU's
 *		sentence break iterator applies them) propose, our rules dispose.
 *
 * UAX #29 knows nothing of news abbreviations: it
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
 * The candidates come from the UAX #29 rules run here on the UTF-8 text
 * (nc_sentence_next), character classes from ICU's property lookup: the
 * same boundaries as ICU's sentence iterator, which test_doc.c checks, for
 * a fraction of its cost and no per-document iterator to open and close.
 */
#include <string.h>

#include <unicode/uchar.h>

#include "doc_internal.h"
#include "nc_chars.h"
#include "nc_lexicon.h"
#include "nc_swar.h"
#include "lexicon_data.h"

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

/*
 * Add the sentence of tokens [first, end), whose `sentence` fields the
 * caller has set as it went over them.
 */
static NcStatus
add_sentence(NcBuilder *b, uint32_t para, uint32_t first, uint32_t end)
{
	NcDoc	   *doc = b->doc;
	NcSentence *s;
	NcToken    *toks;
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

	/* toks in a local: a store into a token could alias doc otherwise */
	toks = doc->toks;
	for (uint32_t i = first; i < end; i++)
	{
		if (toks[i].kind == NC_TK_WORD || toks[i].kind == NC_TK_NUMBER)
		{
			toks[i].flags |= NC_TF_SENT_START;
			break;
		}
	}
	return NC_OK;
}

/*
 * Sentence boundaries without ICU's iterator.
 *
 * Opening and running ICU's iterator costs more than the rest of the
 * document model for a short text (the UTF-16 copy, the state machine, the
 * rule data), while the UAX #29 rules are a few lines once each character
 * has its Sentence_Break class: a boundary can only follow a terminator
 * (ATerm or STerm) with its closers and spaces, or a paragraph separator.
 * Line breaks inside a paragraph are soft wraps, not the ends that SB4
 * makes of them, so \n \r \v \f count as spaces (as ICU did see them,
 * when it was given the paragraph): CR and LF never occur and SB3 has
 * nothing to do; U+0085, U+2028 and U+2029 are Sep.  The classes are ICU's
 * (u_getIntPropertyValue), so they follow ICU's Unicode version, and ICU
 * 72's sent.txt states the rules as UAX #29 does (its rule 12 only spells
 * out SB998); test_doc.c compares the result with ICU's iterator.
 */
typedef enum SbClass
{
	SB_OTHER,
	SB_SP,
	SB_LOWER,
	SB_UPPER,
	SB_OLETTER,
	SB_NUMERIC,
	SB_ATERM,
	SB_STERM,
	SB_CLOSE,
	SB_SCONTINUE,
	SB_SEP,
	SB_EXTEND					/* Extend and Format: SB5 treats them alike */
} SbClass;

/*
 * The class of an ASCII byte, as a constant expression for the table
 * below: one load where the tests would take a dozen branches.
 */
#define SB_ASCII(c) \
	((c) >= 'a' && (c) <= 'z' ? SB_LOWER : \
	 (c) >= 'A' && (c) <= 'Z' ? SB_UPPER : \
	 (c) >= '0' && (c) <= '9' ? SB_NUMERIC : \
	 /* line breaks: soft wraps (see above) */ \
	 (c) == ' ' || (c) == '\t' || (c) == '\n' || (c) == '\v' || \
	 (c) == '\f' || (c) == '\r' ? SB_SP : \
	 (c) == '.' ? SB_ATERM : \
	 (c) == '!' || (c) == '?' ? SB_STERM : \
	 (c) == '"' || (c) == '\'' || (c) == '(' || (c) == ')' || \
	 (c) == '[' || (c) == ']' || (c) == '{' || (c) == '}' ? SB_CLOSE : \
	 (c) == ',' || (c) == '-' || (c) == ':' ? SB_SCONTINUE : \
	 SB_OTHER)

/* indexed by any byte; only ASCII is asked for */
static const unsigned char sb_ascii_table[256] = {NC_BYTE_TABLE(SB_ASCII)};

static inline SbClass
sb_ascii_class(unsigned char c)
{
	return (SbClass) sb_ascii_table[c];
}

/* Beyond ASCII, ICU's property lookup (a trie, not an iterator). */
static SbClass
sb_nonascii_class(uint32_t cp)
{
	switch (u_getIntPropertyValue((UChar32) cp, UCHAR_SENTENCE_BREAK))
	{
		case U_SB_SP:
			return SB_SP;
		case U_SB_LOWER:
			return SB_LOWER;
		case U_SB_UPPER:
			return SB_UPPER;
		case U_SB_OLETTER:
			return SB_OLETTER;
		case U_SB_NUMERIC:
			return SB_NUMERIC;
		case U_SB_ATERM:
			return SB_ATERM;
		case U_SB_STERM:
			return SB_STERM;
		case U_SB_CLOSE:
			return SB_CLOSE;
		case U_SB_SCONTINUE:
			return SB_SCONTINUE;
		case U_SB_SEP:
			return SB_SEP;
		case U_SB_EXTEND:
		case U_SB_FORMAT:
			return SB_EXTEND;
	}
	return SB_OTHER;			/* and CR, LF: ASCII only */
}

/*
 * Class and length of the character at s[i].  An invalid byte is U+FFFD,
 * class Other, as in ICU's own UTF-8 text: ICU may make one U+FFFD of a
 * truncated sequence where we make one per byte, but a run of Other holds
 * no boundary, so the boundaries are the same.
 */
static inline SbClass
sb_char(const char *s, uint32_t len, uint32_t i, uint32_t *n)
{
	unsigned char c = (unsigned char) s[i];
	uint32_t	cp;

	if (c < 0x80)
	{
		*n = 1;
		return sb_ascii_class(c);
	}
	*n = nc_u8_decode((const unsigned char *) s, len, i, &cp);
	return sb_nonascii_class(cp);
}

/*
 * The class of the character at s[*i] together with the Extend and Format
 * characters after it (SB5); *i moves past them all.  SB4 comes first:
 * nothing attaches to a Sep.  Extend or Format with nothing to attach to
 * (at the start, after a Sep, or where the caller's scan resumes inside
 * such a run) comes back as SB_EXTEND, for the caller to pass over.
 */
static SbClass
sb_unit_wide(const char *s, uint32_t len, uint32_t *i)
{
	uint32_t	n;
	SbClass		c = sb_char(s, len, *i, &n);

	*i += n;
	if (c == SB_SEP)
		return c;
	/* no ASCII character is Extend or Format */
	while (*i < len && (unsigned char) s[*i] >= 0x80 &&
		   sb_char(s, len, *i, &n) == SB_EXTEND)
		*i += n;
	return c;
}

/* sb_unit_wide, short for an ASCII character before another one */
static inline SbClass
sb_unit(const char *s, uint32_t len, uint32_t *i)
{
	unsigned char c = (unsigned char) s[*i];

	if (c < 0x80 && (*i + 1 == len || (unsigned char) s[*i + 1] < 0x80))
	{
		(*i)++;
		return sb_ascii_class(c);
	}
	return sb_unit_wide(s, len, i);
}

/* The end of the run of units of class cls starting at p. */
static uint32_t
sb_skip(const char *s, uint32_t len, uint32_t p, SbClass cls)
{
	while (p < len)
	{
		uint32_t	q = p;

		if (sb_unit(s, len, &q) != cls)
			break;
		p = q;
	}
	return p;
}

/*
 * SB8: after ATerm Close* Sp*, is the next letter, before any terminator or
 * separator, a lower-case one?
 */
static bool
sb_lower_follows(const char *s, uint32_t len, uint32_t p)
{
	while (p < len)
	{
		switch (sb_unit(s, len, &p))
		{
			case SB_LOWER:
				return true;
			case SB_UPPER:
			case SB_OLETTER:
			case SB_ATERM:
			case SB_STERM:
			case SB_SEP:
				return false;
			default:
				break;
		}
	}
	return false;
}

/*
 * Is there no boundary at p, after the terminator unit [t, e) of class term
 * and its closers and spaces?  Rules SB6, SB7, SB8 and SB8a; SB9 and SB10
 * (nothing breaks inside the closers and spaces) are the caller's scan.
 * A Sep at p ends the sentence itself (SB9, SB10, SB11): the boundary is
 * after it, where the caller's scan finds it.
 */
static bool
sb_no_break(const char *s, uint32_t len, SbClass term, bool after_letter,
			uint32_t e, uint32_t p)
{
	uint32_t	q = p;
	SbClass		next = sb_unit(s, len, &q);

	/* SB6: 3.5;  SB7: U.S. */
	if (term == SB_ATERM && p == e)
	{
		if (next == SB_NUMERIC)
			return true;
		if (next == SB_UPPER && after_letter)
			return true;
	}
	if (term == SB_ATERM && sb_lower_follows(s, len, p))
		return true;
	/* SB8a */
	return next == SB_SCONTINUE || next == SB_ATERM || next == SB_STERM ||
		next == SB_SEP;
}

/*
 * Marks (nc_swar.h) of the bytes of the 8 at p that are not ASCII or are
 * . ! or ?
 */
static inline uint64_t
sb_special_w(uint64_t w)
{
	return nc_swar_high(w) | nc_swar_eq(w, '.') | nc_swar_eq(w, '!') | nc_swar_eq(w, '?');
}

static inline uint64_t
sb_special8(const char *p)
{
	return sb_special_w(nc_swar_load(p));
}

#ifdef __SSE2__
/* the 16 bytes of v, the high bit set in those that sb_special_w marks */
static inline __m128i
sb_special16(__m128i v)
{
	__m128i		t = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('.')),
								 _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('!')),
											  _mm_cmpeq_epi8(v, _mm_set1_epi8('?'))));

	return _mm_or_si128(v, t);
}
#endif

/*
 * Index of the first byte at or after i that is not plain ASCII (a
 * terminator or part of a wider character), or len.  Plain ASCII is most of
 * the text and holds no boundary.
 */
static inline uint32_t
sb_skip_plain(const char *s, uint32_t i, uint32_t len)
{
#ifdef __SSE2__
	/* the loop over plain text is most of the cost: 32 bytes a step */
	if (nc_sse_skip((const unsigned char *) s, &i, len, sb_special16))
		return i;
#endif
	while (len - i >= 8)
	{
		uint64_t	m = sb_special8(s + i);

		if (m != 0)
		{
			i = (uint32_t) nc_swar_stop(i, m);
			break;
		}
		i += 8;
	}
	/*
	 * Fewer than 8 bytes left: one look at the last 8 of the text, rather
	 * than a loop over bytes whose end (most often the paragraph's closing
	 * period) varies from one paragraph to the next.  The bytes before i
	 * are replaced by letters first, as a match there could mark a byte
	 * after it (see nc_swar.h).
	 */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (i < len && len - i < 8 && len >= 8)
	{
		uint64_t	keep = ~(uint64_t) 0 << (8 * (8 - (len - i)));
		uint64_t	w = nc_swar_load(s + len - 8);
		uint64_t	m = sb_special_w((w & keep) | (NC_SWAR_ONES * 'a' & ~keep));

		return m != 0 ? (uint32_t) nc_swar_stop(len - 8, m) : len;
	}
#endif
	while (i < len && (unsigned char) s[i] < 0x80 &&
		   s[i] != '.' && s[i] != '!' && s[i] != '?')
		i++;
	return i;
}

/*
 * The first boundary of the UTF-8 text s[0..len) after position `from`
 * (itself 0 or a boundary), strictly inside the text; -1 when none is left.
 * Line breaks count as spaces.  Linear: SB8's look-ahead stops at the next
 * terminator, where the scan resumes.
 */
int32_t
nc_sentence_next(const char *s, uint32_t len, uint32_t from)
{
	uint32_t	i = from;
	bool		after_letter = false;	/* the unit before i: Upper or Lower */

	while (i < len)
	{
		uint32_t	plain = sb_skip_plain(s, i, len);
		SbClass		c;
		uint32_t	e,
					p;

		if (plain > i)
		{
			c = sb_ascii_class((unsigned char) s[plain - 1]);
			after_letter = (c == SB_UPPER || c == SB_LOWER);
			i = plain;
			if (i >= len)
				break;
		}
		c = sb_unit(s, len, &i);
		if (c == SB_SEP)
			return i < len ? (int32_t) i : -1;	/* SB4 */
		if (c == SB_EXTEND)
			continue;			/* glued to the character before (SB5) */
		if (c != SB_ATERM && c != SB_STERM)
		{
			after_letter = (c == SB_UPPER || c == SB_LOWER);
			continue;
		}
		/* SB9, SB10: terminator, closers, spaces hold together */
		e = i;
		p = sb_skip(s, len, e, SB_CLOSE);
		p = sb_skip(s, len, p, SB_SP);
		if (p >= len)
			return -1;
		if (!sb_no_break(s, len, c, after_letter, e, p))
			return (int32_t) p; /* SB11 */
		i = p;
		after_letter = false;
	}
	return -1;
}

NcStatus
nc_split_sentences(NcBuilder *b, uint32_t para, uint32_t first, uint32_t end)
{
	NcDoc	   *doc = b->doc;
	uint32_t	pstart = doc->toks[first].start;
	uint32_t	plen = doc->toks[end - 1].end - pstart;
	const char *p = doc->text + pstart;
	uint32_t	sent_first = first;
	uint32_t	k = first;
	int32_t		bound = 0;
	NcStatus	st;
	uint32_t	nbreaks = 0;
	/* the tokens, not reallocated here, and the open sentence's index */
	NcToken    *toks = doc->toks;
	uint32_t	idx = doc->nsent;

	while ((bound = nc_sentence_next(p, plen, (uint32_t) bound)) >= 0)
	{
		uint32_t	at = pstart + (uint32_t) bound;

		/*
		 * first token at or after the boundary; those passed are the open
		 * sentence's, whether the boundary holds or not
		 */
		while (k < end && toks[k].start < at)
			toks[k++].sentence = idx;
		while (k < end && glued_closer(doc, k))
			toks[k++].sentence = idx;
		if (k >= end)
			break;
		if (k <= sent_first || !break_allowed(doc, k))
			continue;
		st = add_sentence(b, para, sent_first, k);
		if (st != NC_OK)
			return st;
		idx++;
		sent_first = k;
		if ((++nbreaks & 1023) == 0 && nc_should_stop(b->env))
			return NC_ECANCEL;
	}
	while (k < end)
		toks[k++].sentence = idx;
	return add_sentence(b, para, sent_first, end);
}
