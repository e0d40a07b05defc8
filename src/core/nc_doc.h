/*
 * nc_doc.h
 *		The document model: paragraphs, sentences and tokens of one UTF-8
 *		text, built in one pass and shared by every extractor.
 *
 * Offsets: every unit carries byte offsets into the UTF-8 text and 0-based
 * code point offsets, both half-open [start, end).  The SQL layer adds 1 to
 * the code point offsets; FORMAT.md's eval output uses them as they are.
 *
 * Invalid UTF-8 never crashes the core: each bad byte is one code point
 * (as U+FFFD would be) and becomes a SYMBOL token.
 */
#ifndef NC_DOC_H
#define NC_DOC_H

#include <string.h>

#include "nc_env.h"

typedef enum NcTokenKind
{
	NC_TK_WORD = 0,				/* letters, with inner apostrophes and dots */
	NC_TK_NUMBER,				/* 12, 1,200, 3.5, 9/11-style digit runs, '90s */
	NC_TK_PUNCT,				/* . , ; : ! ? ... ( ) - -- and other P* */
	NC_TK_SYMBOL,				/* $ £ % & + and other S*, invalid bytes */
	NC_TK_QUOTE_OPEN,			/* a quotation mark that opens */
	NC_TK_QUOTE_CLOSE,			/* a quotation mark that closes */
	NC_TK_QUOTE_AMBIG			/* a quotation mark its context cannot place */
} NcTokenKind;

#define NC_TK_IS_QUOTE(k) ((k) >= NC_TK_QUOTE_OPEN)

/* Token flags */
#define NC_TF_SPACE_BEFORE	0x0001	/* whitespace or paragraph start precedes */
#define NC_TF_SPACE_AFTER	0x0002	/* whitespace or paragraph end follows */
#define NC_TF_CAP			0x0004	/* first letter is upper- or titlecase */
#define NC_TF_ALLCAPS		0x0008	/* has letters, none lowercase */
#define NC_TF_DIGIT			0x0010	/* contains a digit */
#define NC_TF_SENT_START	0x0020	/* first word/number token of its sentence */
#define NC_TF_ABBREV		0x0040	/* word ending in '.' that the period belongs
									 * to (Mr., U.S., J., Inc.) */
#define NC_TF_POSSESSIVE	0x0080	/* the split-off 's / ’s / ' of a possessive */
#define NC_TF_NEWLINE_BEFORE 0x0100 /* a line break precedes (soft wrap too) */

/* Quotation mark families (NcToken.mark), for pairing */
typedef enum NcMark
{
	NC_MARK_NONE = 0,
	NC_MARK_DOUBLE,				/* " “ ” „ ‟ and the '' / `` digraphs */
	NC_MARK_SINGLE,				/* ' ‘ ’ ‚ ‛ */
	NC_MARK_GUILLEMET,			/* « » */
	NC_MARK_SGUILLEMET			/* ‹ › */
} NcMark;

typedef struct NcToken
{
	uint32_t	start;			/* byte offsets in the text */
	uint32_t	end;
	uint32_t	cstart;			/* 0-based code point offsets */
	uint32_t	cend;
	uint32_t	sentence;		/* 0-based index into NcDoc.sents */
	uint16_t	flags;			/* NC_TF_* */
	uint8_t		kind;			/* NcTokenKind */
	uint8_t		mark;			/* NcMark, for quotation marks */
} NcToken;

typedef struct NcSentence
{
	uint32_t	start;			/* bytes, whitespace trimmed */
	uint32_t	end;
	uint32_t	cstart;
	uint32_t	cend;
	uint32_t	tok_first;		/* tokens [tok_first, tok_end) */
	uint32_t	tok_end;
	uint32_t	paragraph;		/* 0-based index into NcDoc.paras */
} NcSentence;

typedef struct NcParagraph
{
	uint32_t	start;			/* bytes, whitespace trimmed */
	uint32_t	end;
	uint32_t	cstart;
	uint32_t	cend;
	uint32_t	sent_first;		/* sentences [sent_first, sent_end) */
	uint32_t	sent_end;
	bool		headline;		/* a title line standing on its own */
} NcParagraph;

typedef struct NcDoc
{
	const char *text;			/* not owned, not NUL-terminated necessarily */
	uint32_t	len;			/* bytes */
	uint32_t	nchars;			/* code points */
	NcParagraph *paras;
	uint32_t	npara;
	NcSentence *sents;
	uint32_t	nsent;
	NcToken    *toks;
	uint32_t	ntok;
	bool		blank_line_paragraphs;	/* true: lone newlines were soft wraps */
} NcDoc;

/*
 * Build the model of text[0..len).  The text must stay alive as long as the
 * document; everything else is allocated through env.  On failure *doc is
 * left empty and everything the core opened has been closed.
 */
extern NcStatus nc_doc_build(const NcEnv *env, const char *text, size_t len,
							 NcDoc *doc);

/* Name of a token kind as the SQL surface spells it ("word", "quote_open"). */
extern const char *nc_token_kind_name(NcTokenKind kind);

/* Token text helpers (no allocation). */
static inline const char *
nc_tok_ptr(const NcDoc *doc, uint32_t i)
{
	return doc->text + doc->toks[i].start;
}

static inline uint32_t
nc_tok_len(const NcDoc *doc, uint32_t i)
{
	return doc->toks[i].end - doc->toks[i].start;
}

/* Case-insensitive (ASCII folding) equality of token i with a C string. */
extern bool nc_tok_eq_str(const NcDoc *doc, uint32_t i, const char *word);
extern bool nc_tok_eq_n(const NcDoc *doc, uint32_t i, const char *word, size_t n);
/* a byte with ASCII letters lower-cased */
static inline unsigned char
nc_ascii_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char) (c + 32) : c;
}

/* two bytes equal with ASCII letters case-folded */
static inline bool
nc_fold_eq(unsigned char a, unsigned char b)
{
	return nc_ascii_lower(a) == nc_ascii_lower(b);
}

static inline bool
nc_tok_eq(const NcDoc *doc, uint32_t i, const char *word)
{
#if defined(__GNUC__)
	/* a literal: compare lengths first, without a call */
	if (__builtin_constant_p(strlen(word)))
		return nc_tok_len(doc, i) == strlen(word) &&
			nc_tok_eq_n(doc, i, word, strlen(word));
#endif
	/* most words compared differ in the first byte: no call for those */
	if (!nc_fold_eq((unsigned char) nc_tok_ptr(doc, i)[0], (unsigned char) word[0]))
		return false;
	return nc_tok_eq_str(doc, i, word);
}

/*
 * Copy token i lower-cased (ASCII folding; other bytes copied) into buf of
 * size bufsize, NUL-terminated.  Returns false when it did not fit.
 */
extern bool nc_tok_lower(const NcDoc *doc, uint32_t i, char *buf, size_t bufsize);

#endif							/* NC_DOC_H */
