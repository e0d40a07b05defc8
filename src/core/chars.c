/*
 * chars.c
 *		Character classes for the tokenizer.
 */
#include <stdbool.h>

#include <unicode/uchar.h>

#include "nc_chars.h"
#include "nc_doc.h"

/*
 * ASCII classes, indexed by byte (generated once from the rules: controls
 * are spaces except the line breaks; # $ % & + < = > ^ | ~ are symbols).
 */
const unsigned char nc_ascii_class[128] = {
	NC_CC_SPACE, NC_CC_SPACE, NC_CC_SPACE, NC_CC_SPACE, NC_CC_SPACE, NC_CC_SPACE, NC_CC_SPACE, NC_CC_SPACE,
	NC_CC_SPACE, NC_CC_SPACE, NC_CC_NEWLINE, NC_CC_NEWLINE, NC_CC_NEWLINE, NC_CC_NEWLINE, NC_CC_SPACE, NC_CC_SPACE,
	NC_CC_SPACE, NC_CC_SPACE, NC_CC_SPACE, NC_CC_SPACE, NC_CC_SPACE, NC_CC_SPACE, NC_CC_SPACE, NC_CC_SPACE,
	NC_CC_SPACE, NC_CC_SPACE, NC_CC_SPACE, NC_CC_SPACE, NC_CC_SPACE, NC_CC_SPACE, NC_CC_SPACE, NC_CC_SPACE,
	NC_CC_SPACE, NC_CC_PUNCT, NC_CC_QUOTE, NC_CC_SYMBOL, NC_CC_SYMBOL, NC_CC_SYMBOL, NC_CC_SYMBOL, NC_CC_QUOTE,
	NC_CC_PUNCT, NC_CC_PUNCT, NC_CC_PUNCT, NC_CC_SYMBOL, NC_CC_PUNCT, NC_CC_HYPHEN, NC_CC_PUNCT, NC_CC_PUNCT,
	NC_CC_DIGIT, NC_CC_DIGIT, NC_CC_DIGIT, NC_CC_DIGIT, NC_CC_DIGIT, NC_CC_DIGIT, NC_CC_DIGIT, NC_CC_DIGIT,
	NC_CC_DIGIT, NC_CC_DIGIT, NC_CC_PUNCT, NC_CC_PUNCT, NC_CC_SYMBOL, NC_CC_SYMBOL, NC_CC_SYMBOL, NC_CC_PUNCT,
	NC_CC_PUNCT, NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER,
	NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER,
	NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER,
	NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER, NC_CC_PUNCT, NC_CC_PUNCT, NC_CC_PUNCT, NC_CC_SYMBOL, NC_CC_PUNCT,
	NC_CC_QUOTE, NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER,
	NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER,
	NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER,
	NC_CC_LETTER, NC_CC_LETTER, NC_CC_LETTER, NC_CC_PUNCT, NC_CC_SYMBOL, NC_CC_PUNCT, NC_CC_SYMBOL, NC_CC_SPACE,
};

int
nc_quote_family(uint32_t cp)
{
	switch (cp)
	{
		case '"':
		case 0x201C:			/* “ */
		case 0x201D:			/* ” */
		case 0x201E:			/* „ */
		case 0x201F:			/* ‟ */
		case 0x301D:			/* 〝 */
		case 0x301E:			/* 〞 */
		case 0xFF02:			/* ＂ */
			return NC_MARK_DOUBLE;
		case '\'':
		case '`':
		case 0x2018:			/* ‘ */
		case 0x2019:			/* ’ */
		case 0x201A:			/* ‚ */
		case 0x201B:			/* ‛ */
			return NC_MARK_SINGLE;
		case 0x00AB:			/* « */
		case 0x00BB:			/* » */
			return NC_MARK_GUILLEMET;
		case 0x2039:			/* ‹ */
		case 0x203A:			/* › */
			return NC_MARK_SGUILLEMET;
	}
	return NC_MARK_NONE;
}

NcCharClass
nc_char_class_nonascii(uint32_t cp)
{
	if (cp < 128)
		return (NcCharClass) nc_ascii_class[cp];
	if (nc_quote_family(cp) != NC_MARK_NONE)
		return NC_CC_QUOTE;
	switch (cp)
	{
		case 0x0085:			/* NEL */
		case 0x2028:			/* LINE SEPARATOR */
		case 0x2029:			/* PARAGRAPH SEPARATOR */
			return NC_CC_NEWLINE;
		case 0x200B:			/* ZERO WIDTH SPACE */
		case 0xFEFF:			/* BOM / ZWNBSP */
		case 0x2060:			/* WORD JOINER */
			return NC_CC_SPACE;
		case 0x200C:			/* ZWNJ */
		case 0x200D:			/* ZWJ */
		case 0x00AD:			/* SOFT HYPHEN */
			return NC_CC_EXTEND;
		case 0xFFFD:			/* what invalid bytes decode to */
			return NC_CC_SYMBOL;
	}
	/* emoji skin-tone modifiers and tag characters extend an emoji */
	if ((cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0020 && cp <= 0xE007F))
		return NC_CC_EXTEND;

	switch (u_charType((UChar32) cp))
	{
		case U_UPPERCASE_LETTER:
		case U_LOWERCASE_LETTER:
		case U_TITLECASE_LETTER:
		case U_MODIFIER_LETTER:
		case U_OTHER_LETTER:
			return NC_CC_LETTER;
		case U_DECIMAL_DIGIT_NUMBER:
			return NC_CC_DIGIT;
		case U_NON_SPACING_MARK:
		case U_ENCLOSING_MARK:
		case U_COMBINING_SPACING_MARK:
			return NC_CC_EXTEND;
		case U_SPACE_SEPARATOR:
		case U_CONTROL_CHAR:
			return NC_CC_SPACE;
		case U_LINE_SEPARATOR:
		case U_PARAGRAPH_SEPARATOR:
			return NC_CC_NEWLINE;
		case U_DASH_PUNCTUATION:
			return NC_CC_HYPHEN;
		case U_CONNECTOR_PUNCTUATION:
		case U_START_PUNCTUATION:
		case U_END_PUNCTUATION:
		case U_INITIAL_PUNCTUATION:
		case U_FINAL_PUNCTUATION:
		case U_OTHER_PUNCTUATION:
			return NC_CC_PUNCT;
		case U_FORMAT_CHAR:
			return NC_CC_EXTEND;
		default:
			return NC_CC_SYMBOL;
	}
}

bool
nc_char_is_upper_nonascii(uint32_t cp)
{
	if (cp < 128)
		return cp >= 'A' && cp <= 'Z';
	return u_isupper((UChar32) cp) || u_istitle((UChar32) cp);
}

bool
nc_char_is_lower_nonascii(uint32_t cp)
{
	if (cp < 128)
		return cp >= 'a' && cp <= 'z';
	return u_islower((UChar32) cp);
}
