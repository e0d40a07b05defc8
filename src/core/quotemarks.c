/*
 * quotemarks.c
 *		Decide, for every quotation mark of a paragraph, whether it opens,
 *		closes or cannot be placed, and tell trailing possessive apostrophes
 *		("the parents' homes") apart from closing single quotes.
 *
 * Context decides first, the glyph second: a mark with white space (or an
 * opening bracket, a dash, an opening mark) on its left and text on its
 * right opens, the mirror image closes.  Only when context is symmetric does
 * the glyph speak: “ ‘ „ ‚ « ‹ open, ” ’ » › close, straight marks stay
 * ambiguous for the quote extractor to pair.  Context wins because news
 * copy routinely uses ” as an opener and German-style „…“ closes with “.
 */
#include "doc_internal.h"

static bool
is_opening_punct(const NcDoc *doc, uint32_t i)
{
	const char *p = nc_tok_ptr(doc, i);
	uint32_t	len = nc_tok_len(doc, i);

	if (doc->toks[i].kind != NC_TK_PUNCT)
		return false;
	if (len == 1)
		return *p == '(' || *p == '[' || *p == '{' || *p == '-' || *p == '/';
	/* dashes: --, – (E2 80 93), — (E2 80 94) */
	return *p == '-' || ((unsigned char) p[0] == 0xE2 && (unsigned char) p[1] == 0x80);
}

static bool
is_closing_punct(const NcDoc *doc, uint32_t i)
{
	const unsigned char *p = (const unsigned char *) nc_tok_ptr(doc, i);

	if (doc->toks[i].kind != NC_TK_PUNCT)
		return false;
	switch (p[0])
	{
		case '.':
		case ',':
		case ';':
		case ':':
		case '!':
		case '?':
		case ')':
		case ']':
		case '}':
		case '-':
			return true;
		case 0xE2:				/* … – — */
			return p[1] == 0x80;
	}
	return false;
}

/* What the glyph says when context cannot decide. */
static NcTokenKind
glyph_kind(const NcDoc *doc, uint32_t i)
{
	const unsigned char *p = (const unsigned char *) nc_tok_ptr(doc, i);

	if (p[0] == '`')
		return NC_TK_QUOTE_OPEN;
	if (p[0] == 0xC2)			/* « U+00AB, » U+00BB */
		return p[1] == 0xAB ? NC_TK_QUOTE_OPEN : NC_TK_QUOTE_CLOSE;
	if (p[0] == 0xE2 && p[1] == 0x80)
	{
		switch (p[2])
		{
			case 0x9C:			/* “ */
			case 0x9E:			/* „ */
			case 0x9F:			/* ‟ */
			case 0x98:			/* ‘ */
			case 0x9A:			/* ‚ */
			case 0x9B:			/* ‛ */
			case 0xB9:			/* ‹ */
				return NC_TK_QUOTE_OPEN;
			case 0x9D:			/* ” */
			case 0x99:			/* ’ */
			case 0xBA:			/* › */
				return NC_TK_QUOTE_CLOSE;
		}
	}
	if (p[0] == 0xE3 && p[1] == 0x80)	/* 〝 〞 */
		return p[2] == 0x9D ? NC_TK_QUOTE_OPEN : NC_TK_QUOTE_CLOSE;
	return NC_TK_QUOTE_AMBIG;
}

static bool
ends_in_s(const NcDoc *doc, uint32_t i)
{
	const NcToken *t = &doc->toks[i];
	char		last;

	if (t->kind != NC_TK_WORD || t->end == t->start)
		return false;
	last = doc->text[t->end - 1];
	return last == 's' || last == 'S' || last == 'z';
}

void
nc_classify_quotes(NcDoc *doc, uint32_t first, uint32_t from, uint32_t end)
{
	int			open_singles = 0;
	/* in a local: a store into a token could alias doc otherwise */
	NcToken    *toks = doc->toks;

	for (uint32_t i = from;; i++)
	{
		NcToken    *t;
		bool		left_open,
					right_open;
		NcTokenKind kind;

		/* most tokens are none: a loop of its own over them */
		for (t = &toks[i]; t < &toks[end] && !NC_TK_IS_QUOTE(t->kind); t++)
			;
		if (t == &toks[end])
			break;
		i = (uint32_t) (t - toks);

		if (i == first || (t->flags & NC_TF_SPACE_BEFORE))
			left_open = true;
		else if (NC_TK_IS_QUOTE(doc->toks[i - 1].kind))
			left_open = doc->toks[i - 1].kind == NC_TK_QUOTE_OPEN;
		else
			left_open = is_opening_punct(doc, i - 1);

		if (i + 1 == end || (t->flags & NC_TF_SPACE_AFTER))
			right_open = true;
		else
			right_open = NC_TK_IS_QUOTE(doc->toks[i + 1].kind) ||
				is_closing_punct(doc, i + 1);

		if (left_open && !right_open)
			kind = NC_TK_QUOTE_OPEN;
		else if (!left_open && right_open)
			kind = NC_TK_QUOTE_CLOSE;
		else
			kind = glyph_kind(doc, i);

		if (t->mark == NC_MARK_SINGLE)
		{
			/* s' with no single quote open: the plural possessive */
			if (kind != NC_TK_QUOTE_OPEN && open_singles == 0 && !left_open &&
				i > first && ends_in_s(doc, i - 1) && nc_tok_len(doc, i) <= 3)
			{
				t->kind = NC_TK_WORD;
				t->mark = NC_MARK_NONE;
				t->flags |= NC_TF_POSSESSIVE;
				continue;
			}
			if (kind == NC_TK_QUOTE_OPEN)
				open_singles++;
			else if (kind == NC_TK_QUOTE_CLOSE && open_singles > 0)
				open_singles--;
		}
		t->kind = (uint8_t) kind;
	}
}
