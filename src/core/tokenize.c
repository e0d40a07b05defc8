/*
 * tokenize.c
 *		Cut a paragraph into word, number, punctuation, symbol and quotation
 *		mark tokens, with byte and code point offsets.
 *
 * Decisions that matter downstream:
 * - an abbreviation's period belongs to it ("Mr.", "U.S.", "J.", "Inc."),
 *   and the token is flagged NC_TF_ABBREV, so the sentence splitter and the
 *   entity tagger see one unit;
 * - inner apostrophes stay in the word ("don't", "O'Brien"), a possessive
 *   's is split off and flagged, and "'90s" is one number token;
 * - hyphens are tokens of their own ("Al" "-" "Zaman"), as in the training
 *   data of the entity tagger; the space flags say that they were joined;
 * - digits followed by letters split ("1.13" "bn"), letters followed by
 *   digits do not ("G7"), since the first is a quantity and the second a
 *   name.
 */
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "doc_internal.h"
#include "nc_chars.h"
#include "nc_lexicon.h"
#include "lexicon_data.h"

/* The paragraph as the scanners see it (read only). */
typedef struct Cursor
{
	const unsigned char *s;
	uint32_t	end;			/* paragraph end (bytes) */
	uint32_t	len;			/* text end: bytes before it may be loaded */
} Cursor;

/*
 * Where tokens go, and the position up to which they have been cut: a
 * local of nc_tokenize_range, handed only to inline functions so that it
 * lives in registers (the tree is built with -fno-strict-aliasing: a
 * counter in memory would be reloaded after every store into a token).
 */
typedef struct Out
{
	NcToken    *toks;
	uint32_t	ntok;
	uint32_t	pos;			/* bytes */
	uint32_t	cpos;			/* code points */
} Out;

/* Peek the code point at byte i (i < end), its length in *n. */
static inline uint32_t
peek(const Cursor *c, uint32_t i, uint32_t *n)
{
	uint32_t	cp;

	*n = nc_u8_decode(c->s, c->end, i, &cp);
	return cp;
}

static inline NcCharClass
class_at(const Cursor *c, uint32_t i)
{
	uint32_t	n;

	if (i >= c->end)
		return NC_CC_SPACE;
	return nc_char_class(peek(c, i, &n));
}

/* Code points in s[from, to), decoding only what is not ASCII. */
static inline uint32_t
count_cp(const Cursor *c, uint32_t from, uint32_t to)
{
	uint32_t	ncp = 0;

	while (from < to)
	{
		uint32_t	cp;

		if (c->s[from] < 0x80)
			from++;
		else
			from += nc_u8_decode(c->s, c->end, from, &cp);
		ncp++;
	}
	return ncp;
}

/*
 * What a byte contributes to a word: whether it continues one and its
 * case, so that one lookup per byte finds a word's end, its case flags and
 * (bytes being code points) its length together.  A byte with one of
 * AW_WORD continues a word: upper, lower, digit.  The byte that ends an
 * ASCII run tells the rest at once: AW_EXT, a period or (the start of) an
 * apostrophe may extend the word (' or the E2 of ’); AW_HIGH, a byte from
 * 0x80 up, where the general path decides whether the word goes on in
 * another script.
 */
#define AW_LOWER	0x01
#define AW_DIGIT	0x02
#define AW_UPPER	NC_TF_CAP	/* 0x04: the flag it gives a word it starts */
#define AW_WORD		(AW_UPPER | AW_LOWER | AW_DIGIT)
#define AW_EXT		0x08
#define AW_HIGH		0x10
#define AW_SPACE	0x20		/* a plain space, which a word takes along */

#define AW_OF(c) \
	((c) >= 'A' && (c) <= 'Z' ? AW_UPPER : \
	 (c) >= 'a' && (c) <= 'z' ? AW_LOWER : \
	 (c) >= '0' && (c) <= '9' ? AW_DIGIT : \
	 (c) == '\'' || (c) == '.' ? AW_EXT : \
	 (c) == ' ' ? AW_SPACE : \
	 (c) == 0xE2 ? AW_HIGH | AW_EXT :	/* leads ’ */ \
	 (c) >= 0x80 ? AW_HIGH : 0)

static const unsigned char ascii_word[256] = {NC_BYTE_TABLE(AW_OF)};

/* Is byte i the start of an apostrophe-like character (' or ’)? */
static inline uint32_t
apostrophe_len(const Cursor *c, uint32_t i)
{
	if (i >= c->end)
		return 0;
	if (c->s[i] == '\'')
		return 1;
	if (i + 2 < c->end && c->s[i] == 0xE2 && c->s[i + 1] == 0x80 && c->s[i + 2] == 0x99)
		return 3;
	return 0;
}

static inline bool
is_letter_at(const Cursor *c, uint32_t i)
{
	return class_at(c, i) == NC_CC_LETTER;
}

static inline bool
is_digit_at(const Cursor *c, uint32_t i)
{
	return i < c->end && c->s[i] >= '0' && c->s[i] <= '9';
}

/*
 * Scan a run of letters, marks and digits from i; returns the end and
 * counts its code points in *ncp.
 */
static uint32_t
scan_alnum(const Cursor *c, uint32_t i, uint32_t *ncp)
{
	*ncp = 0;
	while (i < c->end)
	{
		uint32_t	n;
		NcCharClass cc = nc_char_class(peek(c, i, &n));

		if (cc != NC_CC_LETTER && cc != NC_CC_DIGIT && cc != NC_CC_EXTEND)
			break;
		i += n;
		(*ncp)++;
	}
	return i;
}

/* Is the word starting at `start` preceded by a comma (and white space)? */
static bool
after_comma(const Cursor *c, uint32_t start)
{
	while (start > 0 && (c->s[start - 1] == ' ' || c->s[start - 1] == '\t'))
		start--;
	return start > 0 && c->s[start - 1] == ',';
}

/*
 * Can the ASCII letters and digits word[0..len) (len > 1) be an
 * abbreviation?  The lexicon's pre-filter of nc_lex_find_lower: no for
 * most words, and then abbrev_class() would find nothing.  Not inline: in
 * plain_words() the lexicon's fields would be loaded before its loop and
 * take registers that the loop needs more.
 */
static __attribute__((noinline)) bool
may_be_abbrev(const unsigned char *word, uint32_t len)
{
	/* letters and digits are lower-cased by setting 0x20 */
	return nc_lex_may_hold(&nc_lex_abbreviations, word[0] | 0x20,
						   word[1] | 0x20, word[len - 1] | 0x20, len);
}

/*
 * Bytes an abbreviation that takes its period is shorter than: scan_word()
 * looks no longer word up, and plain_words() relies on that.
 */
#define ABBREV_MAX_LEN 8

/* Class of the abbreviation word[0..len) followed by a period, or NULL. */
static const char *
abbrev_class(const unsigned char *word, uint32_t len)
{
	const NcLexEntry *e = nc_lex_find_lower(&nc_lex_abbreviations,
											(const char *) word, len);

	return e ? e->value : NULL;
}

/* Next non-space byte position after i within the paragraph. */
static uint32_t
skip_spaces(const Cursor *c, uint32_t i)
{
	while (i < c->end)
	{
		uint32_t	n;
		NcCharClass cc = nc_char_class(peek(c, i, &n));

		if (cc != NC_CC_SPACE && cc != NC_CC_NEWLINE)
			break;
		i += n;
	}
	return i;
}

/*
 * End of the word token starting at `start`, whose first run of letters,
 * marks and digits ends at `end` and holds ncp code points; sets *flags for
 * abbreviations and reports in *possessive where a possessive 's begins
 * (or 0).
 */
static uint32_t
scan_word(const Cursor *c, uint32_t start, uint32_t end, uint32_t ncp,
		  uint16_t *flags, uint32_t *possessive)
{
	*possessive = 0;

	/* dotted initials and acronyms: J. / U.S. / a.m. */
	if (ncp == 1 && end < c->end && c->s[end] == '.')
	{
		uint32_t	j = end + 1;
		bool		dotted = false;

		for (;;)
		{
			uint32_t	n2,
						k = scan_alnum(c, j, &n2);

			if (n2 == 1 && is_letter_at(c, j) && k < c->end && c->s[k] == '.')
			{
				j = k + 1;
				dotted = true;
			}
			else
				break;
		}
		if (dotted || nc_char_is_upper(c->s[start]) || c->s[start] >= 0x80)
		{
			*flags |= NC_TF_ABBREV;
			return j;
		}
		return end;
	}

	/* inner apostrophes: don't, O'Brien; a possessive 's is split off */
	for (;;)
	{
		uint32_t	alen = apostrophe_len(c, end);
		uint32_t	n2,
					k;

		if (alen == 0 || !is_letter_at(c, end + alen))
			break;
		k = scan_alnum(c, end + alen, &n2);
		if (n2 == 1 && (c->s[end + alen] == 's' || c->s[end + alen] == 'S') &&
			!(k < c->end && apostrophe_len(c, k)))
		{
			*possessive = end;
			return end;
		}
		end = k;
	}

	/* a known abbreviation takes its period */
	if (end < c->end && c->s[end] == '.' && end - start < ABBREV_MAX_LEN)
	{
		const char *cls = abbrev_class(c->s + start, end - start);

		/* "Salem, Ore.": a state only in the City, St. pattern */
		if (cls != NULL && strcmp(cls, "state") == 0 &&
			!(nc_char_is_upper(c->s[start]) && after_comma(c, start)))
			cls = NULL;
		if (cls != NULL)
		{
			if (cls[0] != 'n')	/* not "number" class */
			{
				*flags |= NC_TF_ABBREV;
				return end + 1;
			}
			/* "No. 10", "Art. 5": only when a number follows */
			if (is_digit_at(c, skip_spaces(c, end + 1)))
			{
				*flags |= NC_TF_ABBREV;
				return end + 1;
			}
		}
	}
	return end;
}

/* End of the number token starting at i (digits, separators, decimals). */
static uint32_t
scan_number(const Cursor *c, uint32_t i)
{
	uint32_t	run = 0;

	while (i < c->end)
	{
		unsigned char ch = c->s[i];
		uint32_t	n;

		if (ch >= '0' && ch <= '9')
		{
			i++;
			run++;
			continue;
		}
		/* digits of other scripts (Nd): no separators among them */
		if (ch >= 0x80 && nc_char_class(peek(c, i, &n)) == NC_CC_DIGIT)
		{
			i += n;
			run++;
			continue;
		}
		/* thousands separator: exactly three digits follow */
		if (ch == ',' && run >= 1 && run <= 3 &&
			is_digit_at(c, i + 1) && is_digit_at(c, i + 2) && is_digit_at(c, i + 3) &&
			!is_digit_at(c, i + 4))
		{
			i += 4;
			run = 3;
			continue;
		}
		/* decimal point, time 10:30, fraction or date 3/4 */
		if ((ch == '.' || ch == ':' || ch == '/') && is_digit_at(c, i + 1))
		{
			i++;
			run = 0;
			continue;
		}
		break;
	}
	/* decades: 1990s, 20s */
	if (i < c->end && c->s[i] == 's' && !is_letter_at(c, i + 1))
		i++;
	return i;
}

/* Fill in the token t (its sentence is set later). */
static inline void
store_token(NcToken *t, uint32_t start, uint32_t end, uint32_t cstart,
			uint32_t cend, NcTokenKind kind, uint16_t flags, uint8_t mark)
{
	t->start = start;
	t->end = end;
	t->cstart = cstart;
	t->cend = cend;
	t->sentence = 0;
	t->flags = flags;
	t->kind = (uint8_t) kind;
	t->mark = mark;
}

/*
 * Append a token for [o->pos, end), which holds ncp code points, and move
 * the position there.  The caller has made room (see nc_tokenize_range).
 */
static inline void
emit_n(Out *o, uint32_t end, uint32_t ncp, NcTokenKind kind, uint16_t flags,
	   uint8_t mark)
{
	store_token(&o->toks[o->ntok++], o->pos, end, o->cpos, o->cpos + ncp,
				kind, flags, mark);
	o->pos = end;
	o->cpos += ncp;
}

/* emit_n() for a token whose code points are still to be counted. */
static inline void
emit(Out *o, const Cursor *c, uint32_t end, NcTokenKind kind, uint16_t flags,
	 uint8_t mark)
{
	emit_n(o, end, count_cp(c, o->pos, end), kind, flags, mark);
}

/* Case flags of a word token's letters. */
static uint16_t
case_flags(const Cursor *c, uint32_t start, uint32_t end)
{
	uint16_t	f = 0;
	bool		first = true,
				any_letter = false,
				any_lower = false;
	uint32_t	i = start;

	while (i < end)
	{
		uint32_t	n,
					cp = peek(c, i, &n);

		if (nc_char_class(cp) == NC_CC_LETTER)
		{
			if (first && nc_char_is_upper(cp))
				f |= NC_TF_CAP;
			first = false;
			any_letter = true;
			if (nc_char_is_lower(cp))
				any_lower = true;
		}
		else if (cp >= '0' && cp <= '9')
			f |= NC_TF_DIGIT;
		i += n;
	}
	if (any_letter && !any_lower)
		f |= NC_TF_ALLCAPS;
	return f;
}

/*
 * case_flags() of a run of ASCII letters and digits, from the ascii_word
 * bits of its first byte and whether it holds a lower-case letter and a
 * digit
 */
static inline uint16_t
ascii_case_flags(unsigned first, bool lower, bool digit)
{
	return (uint16_t) ((first & AW_UPPER) | (digit ? NC_TF_DIGIT : 0) |
					   (lower ? 0 : NC_TF_ALLCAPS));
}

#ifdef __SSE2__
/*
 * The run of ASCII letters and digits that the 16 bytes at p begin with, cut
 * at avail bytes: its length (16 when it may go on), and in *lower and
 * *digit the masks of its lower-case letters and its digits.  A loop per
 * byte would leave the loop at a point no branch predictor can guess (a
 * word's length); sixteen bytes are classified at once instead, so that
 * most words take one step and one predictable branch.
 */
static inline unsigned
run16(const unsigned char *p, uint32_t avail, unsigned *lower, unsigned *digit)
{
	__m128i		v = _mm_loadu_si128((const __m128i *) p);

	/*
	 * A byte is in [lo, lo + n) when, moved by 0x80 - lo (mod 256), it is
	 * below -128 + n as a signed byte: one add and one compare a range.
	 */
	__m128i		lower_v = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char) (0x80 - 'a'))),
										 _mm_set1_epi8(-128 + 26));
	__m128i		letter_v = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)),
													   _mm_set1_epi8((char) (0x80 - 'a'))),
										  _mm_set1_epi8(-128 + 26));
	__m128i		digit_v = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char) (0x80 - '0'))),
										 _mm_set1_epi8(-128 + 10));
	unsigned	word = (unsigned) _mm_movemask_epi8(_mm_or_si128(letter_v, digit_v));
	unsigned	k = (unsigned) __builtin_ctz(~word | 0x10000);
	unsigned	before;

	*lower = (unsigned) _mm_movemask_epi8(lower_v);
	*digit = (unsigned) _mm_movemask_epi8(digit_v);
	if (k > avail)
		k = avail;
	before = (1u << k) - 1;
	*lower &= before;
	*digit &= before;
	return k;
}
#endif

/*
 * End of the run of ASCII letters and digits from i, adding to *seen the
 * AW_LOWER and AW_DIGIT bits of its bytes (the byte loop adds AW_UPPER too,
 * which the caller does not read).
 */
static inline uint32_t
ascii_run_end(const Cursor *c, uint32_t i, unsigned *seen)
{
	const unsigned char *s = c->s;
	unsigned	w;

#ifdef __SSE2__
	while (c->len - i >= 16)
	{
		unsigned	lower,
					digit,
					k = run16(s + i, c->end - i, &lower, &digit);

		*seen |= (lower != 0) * AW_LOWER | (digit != 0) * AW_DIGIT;
		i += k;
		if (k < 16)
			return i;
	}
#endif
	while (i < c->end && ((w = ascii_word[s[i]]) & AW_WORD) != 0)
	{
		*seen |= w;
		i++;
	}
	return i;
}

/*
 * The ASCII letters and digits from `start` (an ASCII letter): their end,
 * in *caseflags the flags case_flags() would give them, and in *extends
 * whether a period or an apostrophe follows.  Returns false
 * when a letter, digit or mark beyond ASCII follows, since the word goes on
 * in another script or with a combining mark; the caller then takes the
 * general path.
 */
static inline bool
ascii_word_run(const Cursor *c, uint32_t start, uint32_t *run_end,
			   uint16_t *caseflags, bool *extends)
{
	const unsigned char *s = c->s;
	uint32_t	i = start + 1;
	unsigned	first = ascii_word[s[start]],
				seen = first;
	unsigned	w;

	i = ascii_run_end(c, i, &seen);
	w = i < c->end ? ascii_word[s[i]] : 0;	/* what the byte after says */
	*extends = (w & AW_EXT) != 0;
	if (w & AW_HIGH)
	{
		uint32_t	n;
		NcCharClass cc = nc_char_class(peek(c, i, &n));

		/* ’ ” — and the like end the word; letters and marks may not */
		if (cc == NC_CC_LETTER || cc == NC_CC_DIGIT || cc == NC_CC_EXTEND)
			return false;
	}
	*run_end = i;
	*caseflags = ascii_case_flags(first, seen & AW_LOWER, seen & AW_DIGIT);
	return true;
}

/*
 * The word token at o->pos, whose first code point is n bytes long, and
 * the possessive 's split off it.  Most words are plain ASCII runs: one pass
 * over their bytes gives their end, case flags and length; the rest are
 * scanned code point by code point.
 */
static inline void
word_tokens(Out *o, const Cursor *c, uint32_t n, uint16_t flags)
{
	uint32_t	start = o->pos,
				run_end,
				ncp,
				tok_end,
				poss;
	uint16_t	caseflags;
	bool		extends;

	if (c->s[start] < 0x80 &&
		ascii_word_run(c, start, &run_end, &caseflags, &extends))
	{
		ncp = run_end - start;
		/* only a period or an apostrophe (' or ’) can extend a word */
		if (extends)
			tok_end = scan_word(c, start, run_end, ncp, &flags, &poss);
		else
		{
			tok_end = run_end;
			poss = 0;
		}
		/* anything glued on beyond the run (U.S., don't) is counted again */
		if (tok_end == run_end)
			emit_n(o, tok_end, ncp, NC_TK_WORD, flags | caseflags,
				   NC_MARK_NONE);
		else if (tok_end == run_end + 1 && c->s[run_end] == '.')
			emit_n(o, tok_end, ncp + 1, NC_TK_WORD, flags | caseflags,
				   NC_MARK_NONE);
		else
			emit(o, c, tok_end, NC_TK_WORD,
				 flags | case_flags(c, start, tok_end), NC_MARK_NONE);
	}
	else
	{
		run_end = scan_alnum(c, start, &ncp);
		tok_end = scan_word(c, start, run_end, ncp, &flags, &poss);
		if (tok_end == start)	/* lone mark */
			tok_end = start + n;
		flags |= case_flags(c, start, tok_end);
		emit(o, c, tok_end, NC_TK_WORD, flags, NC_MARK_NONE);
	}
	if (poss)
	{
		uint32_t	pe = poss + apostrophe_len(c, poss) + 1;

		emit(o, c, pe, NC_TK_WORD, NC_TF_POSSESSIVE, NC_MARK_NONE);
	}
}

/* A quotation mark at o->pos (code point cp, n bytes), or '90s. */
static inline void
quote_token(Out *o, const Cursor *c, uint32_t cp, uint32_t n, uint16_t flags)
{
	uint32_t	pos = o->pos,
				tok_end;
	uint32_t	alen = apostrophe_len(c, pos);

	/* '90s, ’08: an elided century, not a quotation mark */
	if (alen && is_digit_at(c, pos + alen) &&
		is_digit_at(c, pos + alen + 1) &&
		!is_digit_at(c, pos + alen + 2))
	{
		tok_end = scan_number(c, pos + alen);
		emit(o, c, tok_end, NC_TK_NUMBER, flags | NC_TF_DIGIT, NC_MARK_NONE);
		return;
	}
	/* '' and `` are one double quotation mark */
	tok_end = pos + n;
	if ((cp == '\'' || cp == '`') && tok_end < c->end && c->s[tok_end] == cp)
	{
		emit_n(o, tok_end + 1, 2, NC_TK_QUOTE_AMBIG, flags, NC_MARK_DOUBLE);
		return;
	}
	emit_n(o, tok_end, 1, NC_TK_QUOTE_AMBIG, flags,
		   (uint8_t) nc_quote_family(cp));
}

/* A symbol at o->pos with whatever glues to it (emoji sequences). */
static inline void
symbol_token(Out *o, const Cursor *c, uint32_t n, uint16_t flags)
{
	bool		zwj = false;
	uint32_t	tok_end = o->pos + n,
				ncp = 1;

	while (tok_end < c->end)
	{
		uint32_t	m,
					next = peek(c, tok_end, &m);
		NcCharClass nc = nc_char_class(next);

		if (nc == NC_CC_EXTEND || (zwj && nc == NC_CC_SYMBOL))
		{
			zwj = (next == 0x200D);
			tok_end += m;
			ncp++;
		}
		else
			break;
	}
	emit_n(o, tok_end, ncp, NC_TK_SYMBOL, flags, NC_MARK_NONE);
}

/*
 * Any token but a word's at o->pos: code point cp of n bytes and class cc.
 * Returns whether it is a quotation mark.
 */
static inline bool
other_token(Out *o, const Cursor *c, uint32_t cp, uint32_t n, NcCharClass cc,
			uint16_t flags)
{
	uint32_t	tok_end = o->pos + n;

	switch (cc)
	{
		case NC_CC_PUNCT:
		case NC_CC_HYPHEN:

			/*
			 * runs of ASCII hyphens ("--") are one dash, and dots an
			 * ellipsis; the mark repeated comes first in the test, as it
			 * is rarely true while whether cp is a dot or a comma is
			 * anyone's guess
			 */
			if (tok_end < c->end && c->s[tok_end] == cp &&
				(cp == '.' || cp == '-'))
				while (tok_end < c->end && c->s[tok_end] == cp)
					tok_end++;
			emit_n(o, tok_end, 1 + (tok_end - o->pos - n), NC_TK_PUNCT,
				   flags, NC_MARK_NONE);
			return false;
		case NC_CC_DIGIT:
			tok_end = scan_number(c, o->pos);
			emit(o, c, tok_end, NC_TK_NUMBER, flags | NC_TF_DIGIT,
				 NC_MARK_NONE);
			return false;
		case NC_CC_QUOTE:
			quote_token(o, c, cp, n, flags);
			return true;
		default:
			symbol_token(o, c, n, flags);
			return false;
	}
}

/*
 * Make room for the most tokens one step emits (a word and its possessive
 * 's), so that emit_n only stores.
 */
static inline bool
tok_room(NcBuilder *b, Out *o)
{
	if (o->ntok + 2 <= b->tokcap)
		return true;
	if (!nc_reserve(b->env, (void **) &b->doc->toks, &b->tokcap,
					o->ntok + 2, sizeof(NcToken)))
		return false;
	o->toks = b->doc->toks;
	return true;
}

/*
 * Cut the plain tokens from out->pos on: words of an ASCII letter and the
 * ASCII letters and digits after it, neither extended by a period or an
 * apostrophe nor going on beyond ASCII; the ASCII punctuation marks between
 * them; and the plain space after each.  They are most tokens, and this
 * loop keeps its few values in registers, which the general loop (its state
 * shared with the scanners) does not: a pointer to the next token, and the
 * position, with the code point offset a fixed distance behind it (every
 * byte here is a code point).  It stops at anything else, which the general
 * loop then cuts as word_tokens() and other_token() would have cut the same
 * tokens: at a word of 16 bytes or more, at a run of periods or hyphens,
 * when the room for tokens reserved is used up, and at `lim`: the
 * paragraph's end, 16 bytes before the text's (16 are read at once) and
 * where the interrupt flag is due (no token it cuts ends beyond check_at).
 */
static inline void
plain_words(Out *out, const Cursor *c, uint16_t *gap, uint32_t cap,
			uint32_t check_at)
{
#ifdef __SSE2__
	const unsigned char *s = c->s;
	uint32_t	pos = out->pos,
				lim = c->end,
				behind = out->pos - out->cpos;
	NcToken    *t,
			   *last;
	uint16_t	g = *gap;

	/* (no room, also while there is no array yet) */
	if (c->len < 16 || check_at < 15 || out->ntok + 2 > cap)
		return;
	if (lim > c->len - 15)
		lim = c->len - 15;
	if (lim > check_at - 14)
		lim = check_at - 14;
	t = out->toks + out->ntok;
	last = out->toks + (cap - 2);	/* room for two more from there */
	while (pos < lim && t <= last)
	{
		unsigned	first = ascii_word[s[pos]],
					lower,
					digit,
					next,
					k;
		uint32_t	run_end;
		NcTokenKind kind = NC_TK_WORD;

		if (first & (AW_UPPER | AW_LOWER))
		{
			k = run16(s + pos, c->end - pos, &lower, &digit);
			if (k == 16)
				break;
			run_end = pos + k;
			next = run_end < c->end ? ascii_word[s[run_end]] : 0;

			/*
			 * A period takes a word from scan_word() when the word is a
			 * letter (an initial) or an abbreviation, which a word of
			 * ABBREV_MAX_LEN bytes or more never is; an apostrophe or what
			 * goes on beyond ASCII always does.
			 */
			if ((next & (AW_EXT | AW_HIGH)) &&
				(s[run_end] != '.' || k == 1 ||
				 (k < ABBREV_MAX_LEN && may_be_abbrev(s + pos, k))))
				break;
			g |= ascii_case_flags(first, lower, digit);
		}
		else
		{
			/* a punctuation mark, not one of a run (other_token) */
			unsigned char ch = s[pos];

			if (ch >= 0x80 || (nc_ascii_class[ch] != NC_CC_PUNCT &&
							   nc_ascii_class[ch] != NC_CC_HYPHEN))
				break;
			run_end = pos + 1;
			next = run_end < c->end ? s[run_end] : 0;
			if (next == ch && (ch == '.' || ch == '-'))
				break;
			next = ascii_word[next];
			kind = NC_TK_PUNCT;
		}
		/* a plain space: SPACE_AFTER for this token, SPACE_BEFORE the next */
		if (next & AW_SPACE)
		{
			store_token(t++, pos, run_end, pos - behind, run_end - behind,
						kind, g | NC_TF_SPACE_AFTER, NC_MARK_NONE);
			pos = run_end + 1;
			g = NC_TF_SPACE_BEFORE;
		}
		else
		{
			store_token(t++, pos, run_end, pos - behind, run_end - behind,
						kind, g, NC_MARK_NONE);
			pos = run_end;
			g = 0;
		}
	}
	out->ntok = (uint32_t) (t - out->toks);
	out->pos = pos;
	out->cpos = pos - behind;
	*gap = g;
#endif
}

/* Bytes of text between two looks at the interrupt flag. */
#define CHECK_BYTES (1u << 18)

NcStatus
nc_tokenize_range(NcBuilder *b, uint32_t start, uint32_t end)
{
	const unsigned char *s = b->s;
	Cursor		c;
	Out			o;
	uint16_t	gap = NC_TF_SPACE_BEFORE;
	uint32_t	check_at;		/* look at the interrupt flag beyond here */
	uint32_t	first_quote = NC_NO_QUOTE;
	NcStatus	st = NC_OK;

	/* count the code points between the previous paragraph and this one */
	c.s = s;
	c.end = b->len;
	c.len = b->len;
	o.toks = b->doc->toks;
	o.ntok = b->doc->ntok;
	o.pos = start;
	o.cpos = b->cpos + count_cp(&c, b->pos, start);
	c.end = end;
	check_at = start + (CHECK_BYTES - b->since_check);

	for (;;)
	{
		uint32_t	n,
					cp,
					tok_start;
		NcCharClass cc;
		uint16_t	flags;

		plain_words(&o, &c, &gap, b->tokcap, check_at);
		if (o.pos >= end)
			break;
		tok_start = o.pos;
		if (s[o.pos] < 0x80)
		{
			cp = s[o.pos];
			n = 1;
			cc = (NcCharClass) nc_ascii_class[cp];
		}
		else
		{
			n = nc_u8_decode(s, end, o.pos, &cp);
			cc = nc_char_class_nonascii(cp);
		}

		if (cc == NC_CC_SPACE || cc == NC_CC_NEWLINE)
		{
			if (cc == NC_CC_NEWLINE)
				gap |= NC_TF_NEWLINE_BEFORE;
			gap |= NC_TF_SPACE_BEFORE;
			/* the last token ends here: the first white space after it */
			if (o.ntok > 0 && o.toks[o.ntok - 1].end == o.pos)
				o.toks[o.ntok - 1].flags |= NC_TF_SPACE_AFTER;
			o.pos += n;
			o.cpos++;
			continue;
		}
		flags = gap;
		gap = 0;

		if (!tok_room(b, &o))
		{
			st = NC_ENOMEM;
			break;
		}

		/* words are most tokens: the one test that is mostly true first */
		if ((1u << cc) & ((1u << NC_CC_LETTER) | (1u << NC_CC_EXTEND)))
			word_tokens(&o, &c, n, flags);
		else if (other_token(&o, &c, cp, n, cc, flags) &&
				 first_quote == NC_NO_QUOTE)
			first_quote = o.ntok - 1;
		/* every token holds at least one character: progress is certain */
		if (o.pos <= tok_start)
		{
			st = NC_EINTERNAL;
			break;
		}
		if (o.pos > check_at)
		{
			check_at = o.pos + CHECK_BYTES;
			if (nc_should_stop(b->env))
			{
				st = NC_ECANCEL;
				break;
			}
		}
		/* most tokens are followed by one plain space: no turn of the loop */
		if (o.pos < end && s[o.pos] == ' ')
		{
			o.toks[o.ntok - 1].flags |= NC_TF_SPACE_AFTER;
			gap = NC_TF_SPACE_BEFORE;
			o.pos++;
			o.cpos++;
		}
	}
	/* a token that the paragraph's end follows */
	if (st == NC_OK && o.ntok > 0 && o.toks[o.ntok - 1].end == o.pos)
		o.toks[o.ntok - 1].flags |= NC_TF_SPACE_AFTER;
	b->doc->ntok = o.ntok;
	/*
	 * Bytes since the last look: beyond CHECK_BYTES when trailing white
	 * space went past check_at, and then the next paragraph looks at once.
	 */
	b->since_check = CHECK_BYTES - (check_at - o.pos);
	b->pos = o.pos;
	b->cpos = o.cpos;
	b->para_quote = first_quote;
	return st;
}
