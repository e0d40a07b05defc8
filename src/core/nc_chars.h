/*
 * nc_chars.h
 *		UTF-8 decoding and the character classes the tokenizer works with.
 *
 * ASCII goes through a table (inline, below); everything else asks ICU
 * once per code point (u_charType), so scripts, marks and spaces follow the
 * Unicode database the server itself uses.
 */
#ifndef NC_CHARS_H
#define NC_CHARS_H

#include <stdbool.h>
#include <stdint.h>

/*
 * The initialiser of a 256-entry byte table: F(0), F(1), ... F(255), for F
 * a macro of one byte value.
 */
#define NC_BYTES4(F, c) F(c), F((c) + 1), F((c) + 2), F((c) + 3)
#define NC_BYTES16(F, c) NC_BYTES4(F, c), NC_BYTES4(F, (c) + 4), NC_BYTES4(F, (c) + 8), NC_BYTES4(F, (c) + 12)
#define NC_BYTES64(F, c) NC_BYTES16(F, c), NC_BYTES16(F, (c) + 16), NC_BYTES16(F, (c) + 32), NC_BYTES16(F, (c) + 48)
#define NC_BYTE_TABLE(F) NC_BYTES64(F, 0), NC_BYTES64(F, 64), NC_BYTES64(F, 128), NC_BYTES64(F, 192)

typedef enum NcCharClass
{
	NC_CC_SPACE = 0,			/* blanks, NBSP and other Zs, ZWSP, BOM, controls */
	NC_CC_NEWLINE,				/* \n \r \f \v NEL LS PS */
	NC_CC_LETTER,
	NC_CC_DIGIT,
	NC_CC_EXTEND,				/* marks, ZWJ, variation selectors: glue to the
								 * preceding character */
	NC_CC_QUOTE,				/* quotation marks and apostrophes */
	NC_CC_HYPHEN,				/* '-' and the Unicode dashes (Pd) */
	NC_CC_PUNCT,
	NC_CC_SYMBOL
} NcCharClass;

/*
 * Decode one code point at s[i] (i < len).  Returns its length in bytes
 * (1..4); an invalid or truncated sequence yields U+FFFD and length 1, so a
 * bad byte counts as one character and is never skipped silently.
 */
static inline uint32_t
nc_u8_decode(const unsigned char *s, uint32_t len, uint32_t i, uint32_t *cp)
{
	unsigned char c = s[i];
	uint32_t	need,
				v,
				min;

	if (c < 0x80)
	{
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF)
	{
		need = 1;
		v = c & 0x1F;
		min = 0x80;
	}
	else if (c >= 0xE0 && c <= 0xEF)
	{
		need = 2;
		v = c & 0x0F;
		min = 0x800;
	}
	else if (c >= 0xF0 && c <= 0xF4)
	{
		need = 3;
		v = c & 0x07;
		min = 0x10000;
	}
	else
		goto bad;
	if (len - i <= need)
		goto bad;
	for (uint32_t k = 1; k <= need; k++)
	{
		unsigned char cc = s[i + k];

		if ((cc & 0xC0) != 0x80)
			goto bad;
		v = (v << 6) | (cc & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		goto bad;
	*cp = v;
	return need + 1;
bad:
	*cp = 0xFFFD;
	return 1;
}

/* ASCII classes, indexed by byte; beyond ASCII, the _nonascii functions. */
extern const unsigned char nc_ascii_class[128];
extern NcCharClass nc_char_class_nonascii(uint32_t cp);
extern bool nc_char_is_upper_nonascii(uint32_t cp);
extern bool nc_char_is_lower_nonascii(uint32_t cp);

static inline NcCharClass
nc_char_class(uint32_t cp)
{
	if (cp < 128)
		return (NcCharClass) nc_ascii_class[cp];
	return nc_char_class_nonascii(cp);
}

/* upper- or titlecase letter */
static inline bool
nc_char_is_upper(uint32_t cp)
{
	if (cp < 128)
		return cp >= 'A' && cp <= 'Z';
	return nc_char_is_upper_nonascii(cp);
}

static inline bool
nc_char_is_lower(uint32_t cp)
{
	if (cp < 128)
		return cp >= 'a' && cp <= 'z';
	return nc_char_is_lower_nonascii(cp);
}

/* Quotation mark family of cp, or NC_MARK_NONE (see nc_doc.h). */
extern int	nc_quote_family(uint32_t cp);

#endif							/* NC_CHARS_H */
