/*
 * paragraphs.c
 *		Split a text into paragraphs, deciding per document what a line break
 *		means.
 *
 * News text arrives in two shapes: paragraphs separated by blank lines (and
 * then a lone newline is only a soft wrap), or one paragraph per line with no
 * blank lines at all.  A text that has any blank line between two non-blank
 * ones is read the first way, any other text the second way.  In both, a
 * title line (the headline above the body, or a title-case line with no
 * final punctuation) is a paragraph of its own.
 */
#include <string.h>

#include "doc_internal.h"
#include "nc_chars.h"
#include "nc_swar.h"

typedef struct Line
{
	uint32_t	start;			/* first byte of the line's content */
	uint32_t	end;			/* byte after the content (before the break) */
	uint32_t	next;			/* first byte of the following line */
	bool		hard_break;		/* ended by \f or U+2029: a paragraph break */
} Line;

/*
 * May one of the 8 bytes at p end a line?  Only bytes below 0x0E (\n \v
 * \f \r) and the lead bytes 0xC2 (NEL) and 0xE2 (LS, PS) can; the usual
 * zero-byte tests answer for all eight at once (exact as yes/no).  Plain
 * ASCII is answered first, in three operations: a byte below 0x0E or one
 * from 0x80 up (the marks of nc_swar_below, or the byte's own high bit;
 * exact when no high bit is set, as then no borrow crosses a byte).
 */
static inline bool
may_end_line(const unsigned char *p)
{
	uint64_t	w = nc_swar_load(p);

	if ((((w - NC_SWAR_ONES * 0x0E) | w) & NC_SWAR_HIGHS) == 0)
		return false;
	return (nc_swar_below(w, 0x0E) | nc_swar_eq(w, 0xC2) | nc_swar_eq(w, 0xE2)) != 0;
}

#ifdef __SSE2__
/*
 * The bytes of the 16 in v that may end a line, all bits set: one below
 * 0x0E, or 0xC2 or 0xE2
 */
static inline __m128i
line_end16(__m128i v)
{
	__m128i		low = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x0D)), v);
	__m128i		lead = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char) 0xC2)),
									_mm_cmpeq_epi8(v, _mm_set1_epi8((char) 0xE2)));

	return _mm_or_si128(low, lead);
}
#endif

/*
 * From i, the first byte that may end a line, or one of the last 8 bytes of
 * the text (from where the caller goes byte by byte)
 */
static inline uint32_t
skip_in_line(const unsigned char *s, uint32_t i, uint32_t len)
{
#ifdef __SSE2__
	if (nc_sse_skip(s, &i, len, line_end16))
		return i;
#endif
	while (i + 8 <= len && !may_end_line(s + i))
		i += 8;
	return i;
}

/* Read the line starting at pos. */
static Line
read_line(const unsigned char *s, uint32_t len, uint32_t pos)
{
	Line		l = {pos, len, len, false};
	uint32_t	i = pos;

	while ((i = skip_in_line(s, i, len)) < len)
	{
		unsigned char c = s[i];

		if (c == '\n' || c == '\v')
		{
			l.end = i;
			l.next = i + 1;
			return l;
		}
		if (c == '\r')
		{
			l.end = i;
			l.next = (i + 1 < len && s[i + 1] == '\n') ? i + 2 : i + 1;
			return l;
		}
		if (c == '\f')
		{
			l.end = i;
			l.next = i + 1;
			l.hard_break = true;
			return l;
		}
		/* U+0085 NEL, U+2028 LS, U+2029 PS */
		if (c == 0xC2 && i + 1 < len && s[i + 1] == 0x85)
		{
			l.end = i;
			l.next = i + 2;
			return l;
		}
		if (c == 0xE2 && i + 2 < len && s[i + 1] == 0x80 &&
			(s[i + 2] == 0xA8 || s[i + 2] == 0xA9))
		{
			l.end = i;
			l.next = i + 3;
			l.hard_break = (s[i + 2] == 0xA9);
			return l;
		}
		i++;
	}
	return l;
}

/* Does [start, end) hold anything but white space? Sets *first to it. */
static bool
line_has_text(const unsigned char *s, uint32_t start, uint32_t end, uint32_t *first)
{
	uint32_t	i = start;

	while (i < end)
	{
		uint32_t	cp;
		uint32_t	n = nc_u8_decode(s, end, i, &cp);
		NcCharClass cc = nc_char_class(cp);

		if (cc != NC_CC_SPACE && cc != NC_CC_NEWLINE)
		{
			*first = i;
			return true;
		}
		i += n;
	}
	return false;
}

/*
 * Facts about a line that decide whether it is a title, besides its end
 * (line_terminal): how many words, and is it in title case.  Past max_words
 * words only `words` (then max_words + 1) and `starts_upper` are set: no
 * title is that long, and the rest of a long line need not be read.
 */
typedef struct LineShape
{
	uint32_t	words;
	bool		titlecase;		/* most longer words capitalised */
	bool		starts_upper;	/* first letter, digit or quote opens it */
} LineShape;

static LineShape
line_shape(const unsigned char *s, uint32_t start, uint32_t end,
		   uint32_t max_words)
{
	LineShape	sh = {0, false, false};
	uint32_t	i = start;
	uint32_t	long_words = 0,
				long_caps = 0;
	uint32_t	word_cp = 0,	/* the current word's first code point */
				letters = 0;	/* and the letters it starts with so far */
	bool		in_word = false,
				in_letters = false;

	while (i < end)
	{
		uint32_t	cp;
		uint32_t	n = nc_u8_decode(s, end, i, &cp);
		NcCharClass cc = nc_char_class(cp);

		if (cc == NC_CC_SPACE || cc == NC_CC_NEWLINE)
		{
			in_word = false;
			i += n;
			continue;
		}
		if (!in_word)
		{
			/* the line's first non-space code point */
			if (sh.words == 0)
				sh.starts_upper = nc_char_is_upper(cp) || cc == NC_CC_DIGIT ||
					cc == NC_CC_QUOTE;
			if (++sh.words > max_words)
				return sh;
			in_word = true;
			word_cp = cp;
			letters = 0;
			in_letters = true;
		}
		/* the letters a word starts with judge title case */
		if (in_letters)
		{
			if (cc != NC_CC_LETTER)
				in_letters = false;
			else if (++letters == 4)
			{
				long_words++;
				if (nc_char_is_upper(word_cp))
					long_caps++;
			}
		}
		i += n;
	}
	sh.titlecase = long_words >= 2 && long_caps * 10 >= long_words * 6;
	return sh;
}

/*
 * Does the line end like a sentence, with . ! ? : ; , or … (maybe then a
 * quotation mark or a ")")?  Read without reading the whole line: its
 * last two non-space code points, decoded from a point near the end where
 * decoding is in step with decoding from the start (an ASCII byte is never
 * inside a sequence, so decoding from start reaches it as a code point of
 * its own).
 */
static bool
line_terminal(const unsigned char *s, uint32_t start, uint32_t end)
{
	uint32_t	last = 0,
				before_last = 0,
				nonspace = 0;
	uint32_t	p = end;

	/*
	 * Chunks [p, q) going backwards, each starting at an ASCII byte (or at
	 * the start), decoded on their own: the non-space code points found in
	 * a chunk precede those found so far.  Every byte is decoded once.
	 */
	while (nonspace < 2 && p > start)
	{
		uint32_t	q = p;

		while (p > start && s[--p] >= 0x80)
			;
		for (uint32_t i = p; i < q;)
		{
			uint32_t	cp;
			uint32_t	n = nc_u8_decode(s, q, i, &cp);
			NcCharClass cc = nc_char_class(cp);

			if (cc != NC_CC_SPACE && cc != NC_CC_NEWLINE)
			{
				/* the chunk's last two non-space code points, in order */
				if (nonspace == 0)
				{
					before_last = last;
					last = cp;
				}
				else
					before_last = cp;
			}
			i += n;
		}
		/* count what the chunk added (at most two matter) */
		if (nonspace == 0)
			nonspace = (last != 0) + (before_last != 0);
		else if (before_last != 0)
			nonspace = 2;
	}
	if (nc_char_class(last) == NC_CC_QUOTE || last == ')')
		last = before_last;
	return (last == '.' || last == '!' || last == '?' || last == ':' ||
			last == ';' || last == ',' || last == 0x2026);
}

/* the most words a title line holds */
#define TITLE_MAX_WORDS 20

static bool
is_title_line(const unsigned char *s, const Line *l, uint32_t first,
			  bool first_paragraph)
{
	LineShape	sh;

	/* most lines end like sentences: no need to measure them */
	if (line_terminal(s, first, l->end))
		return false;
	sh = line_shape(s, first, l->end, TITLE_MAX_WORDS);

	if (sh.words == 0 || sh.words > TITLE_MAX_WORDS)
		return false;
	return first_paragraph || sh.titlecase;
}

/*
 * A line with what line_has_text() found in it.  uses_blank_lines() reads
 * the lines that nc_find_paragraphs() reads again, from the same start:
 * it keeps the first LINE_CACHE of them (all of them in most documents,
 * which are short) so that the second pass need not scan them twice.
 */
typedef struct LineInfo
{
	Line		l;
	uint32_t	first;			/* first non-space byte, when text */
	bool		text;
} LineInfo;

#define LINE_CACHE 32

/*
 * Does the text separate paragraphs with blank lines?  Stores the first
 * lines it reads (at most LINE_CACHE) in cache[0 .. *ncached).
 */
static bool
uses_blank_lines(const unsigned char *s, uint32_t len, LineInfo *cache,
				 uint32_t *ncached)
{
	uint32_t	pos = 0,
				first = 0;
	bool		seen_text = false,
				gap = false;

	*ncached = 0;
	while (pos < len)
	{
		Line		l = read_line(s, len, pos);
		bool		text = line_has_text(s, l.start, l.end, &first);

		if (*ncached < LINE_CACHE)
			cache[(*ncached)++] = (LineInfo) {l, first, text};
		if (text)
		{
			if (seen_text && gap)
				return true;
			seen_text = true;
			gap = false;
		}
		else if (seen_text)
			gap = true;
		if (l.hard_break && seen_text)
			gap = true;
		if (l.next <= pos)
			break;
		pos = l.next;
	}
	return false;
}

NcStatus
nc_find_paragraphs(NcBuilder *b)
{
	const unsigned char *s = b->s;
	uint32_t	len = b->len;
	LineInfo	cache[LINE_CACHE];
	uint32_t	ncached,
				nread = 0;
	bool		blank_mode = uses_blank_lines(s, len, cache, &ncached);
	uint32_t	pos = 0;
	NcStatus	st;
	/* the paragraph being gathered (blank-line mode) */
	bool		open = false;
	uint32_t	pstart = 0,
				pend = 0,
				plines = 0;

	b->doc->blank_line_paragraphs = blank_mode;
	while (pos < len)
	{
		Line		l;
		uint32_t	first = 0;
		bool		text;

		/* the same lines as uses_blank_lines() read, in the same order */
		if (nread < ncached)
		{
			l = cache[nread].l;
			first = cache[nread].first;
			text = cache[nread].text;
			nread++;
		}
		else
		{
			l = read_line(s, len, pos);
			text = line_has_text(s, l.start, l.end, &first);
		}

		if (text && !blank_mode)
		{
			/* one paragraph per line */
			st = nc_add_paragraph(b, first, l.end,
								  is_title_line(s, &l, first, b->doc->npara == 0));
			if (st != NC_OK)
				return st;
		}
		else if (text)
		{
			if (open && plines == 1 && is_title_line(s, &(Line) {pstart, pend, 0, false}, pstart, b->doc->npara == 0) &&
				line_shape(s, first, l.end, 0).starts_upper)
			{
				/* the gathered line was a headline over its body */
				st = nc_add_paragraph(b, pstart, pend, true);
				if (st != NC_OK)
					return st;
				open = false;
			}
			if (!open)
			{
				open = true;
				pstart = first;
				plines = 0;
			}
			pend = l.end;
			plines++;
		}
		if ((!text || l.hard_break || l.next >= len) && open)
		{
			bool		headline = plines == 1 &&
				is_title_line(s, &(Line) {pstart, pend, 0, false}, pstart,
							  b->doc->npara == 0);

			st = nc_add_paragraph(b, pstart, pend, headline);
			if (st != NC_OK)
				return st;
			open = false;
		}
		if (l.next <= pos)
			break;
		pos = l.next;
		if (nc_should_stop(b->env))
			return NC_ECANCEL;
	}
	return NC_OK;
}
