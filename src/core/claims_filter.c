/*
 * claims_filter.c
 *		What is not a claim: calendar years and dates, times of day,
 *		ordinals, numbers that are part of a name or identifier ("Boeing
 *		737", "Article 5", "COVID-19", "ID.3", "13F"), and "one" used as a
 *		pronoun or article ("one of them", "a crucial one").  Vague amounts
 *		("thousands", "several") never reach here: the number grammar does
 *		not start on them.
 */
#include <string.h>

#include "claims_internal.h"
#include "lexicon_data.h"

/* A month name ("Oct.", "March" but not "march", "May" but not "may"). */
bool
cl_is_month(const NcDoc *doc, uint32_t i)
{
	const char *p = nc_tok_ptr(doc, i);
	uint32_t	n = nc_tok_len(doc, i);
	const NcLexEntry *e;

	if (doc->toks[i].kind != NC_TK_WORD)
		return false;
	if (n > 1 && p[n - 1] == '.')
		n--;
	e = nc_lex_find_lower(&nc_lex_claim_months, p, n);
	if (e == NULL)
		return false;
	if ((n == 3 && (nc_tok_eq(doc, i, "may") || nc_tok_eq(doc, i, "mar") || nc_tok_eq(doc, i, "dec"))) ||
		n == 5)
	{
		if (doc->toks[i].flags & NC_TF_CAP)
			return true;
		/* lower-cased text: "on may 19", "since 1 may" */
		return i > 0 && doc->toks[i - 1].sentence == doc->toks[i].sentence &&
			(cl_cue(doc, i - 1, 'p') ||
			 (doc->toks[i - 1].kind == NC_TK_NUMBER && i > 1 && cl_cue(doc, i - 2, 'p')));
	}
	return (doc->toks[i].flags & NC_TF_CAP) != 0 || n > 3;
}

/*
 * Token i gives the cue cls (cl_cue), its cues looked up into *cues once:
 * the filters ask several of the words before and after a number.
 */
static inline bool
has_cue(const NcDoc *doc, uint32_t i, const char **cues, char cls)
{
	if (*cues == NULL)
		*cues = cl_cues(doc, i);
	/* most words have no cue: "" */
	return (*cues)[0] != '\0' && strchr(*cues, cls) != NULL;
}

/*
 * Is token i an ordinal suffix (st, nd, rd, th; ASCII case folded)?  They
 * are grammar, not vocabulary: they stay here, while the words around a
 * number that tell how to read it are data, in
 * lexicon/claim_context_words.txt (see cl_cue).
 */
static bool
ordinal_suffix(const NcDoc *doc, uint32_t i)
{
	return nc_tok_eq(doc, i, "st") || nc_tok_eq(doc, i, "nd") ||
		nc_tok_eq(doc, i, "rd") || nc_tok_eq(doc, i, "th");
}

/*
 * Token i names a numbered thing before a number ("Article 5", "No. 10"):
 * cue i, or "#", which stays here because a lexicon line that starts with
 * "#" is a comment.
 */
static bool
id_word(const NcDoc *doc, uint32_t i, const char **cues)
{
	return has_cue(doc, i, cues, 'i') || (nc_tok_len(doc, i) == 1 && nc_tok_ptr(doc, i)[0] == '#');
}

/* Token i is covered by an entity mention that starts before it. */
static bool
inside_mention(const ClCtx *c, uint32_t i)
{
	const NcEntities *e = c->ents;
	uint32_t	lo = 0,
				hi;

	if (e == NULL || e->nment == 0 || e->ments == NULL)
		return false;
	hi = e->nment;
	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;

		if (e->ments[mid].tok_end <= i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < e->nment && e->ments[lo].tok_first < i && e->ments[lo].tok_end > i;
}

/*
 * Inside a URL or an e-mail address: the whitespace-free stretch before the
 * number (at most 200 bytes back) holds "://", "www." or "@".
 */
static bool
inside_url(const NcDoc *doc, uint32_t f)
{
	uint32_t	s = doc->toks[f].start;
	uint32_t	lo = s > 200 ? s - 200 : 0;
	const char *t = doc->text;

	for (uint32_t k = s; k > lo; k--)
	{
		char		ch = t[k - 1];

		if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r')
			break;
		if (ch == '@')
			return true;
		if (ch == '/' && k >= 3 && t[k - 2] == '/' && t[k - 3] == ':')
			return true;
		if (ch == '.' && k >= 4 && (t[k - 2] | 0x20) == 'w' && (t[k - 3] | 0x20) == 'w' &&
			(t[k - 4] | 0x20) == 'w')
			return true;
	}
	return false;
}

bool
cl_not_a_claim(const ClCtx *c, const ClNum *n, bool has_currency, bool has_unit,
			   bool has_approx)
{
	const NcDoc *doc = c->doc;
	uint32_t	f = n->first;
	uint32_t	e = n->end;
	bool		digits = doc->toks[f].kind == NC_TK_NUMBER;
	bool		bare = !has_currency && !has_unit && !(n->flags & CL_NF_SCALED);
	uint64_t	iv = 0;
	const char *before = NULL;	/* cues of token f - 1, once looked up */
	const char *after = NULL;	/* and of token e */

	/* URLs and e-mail addresses */
	if (f > c->sfirst && cl_glued(doc, f) && inside_url(doc, f))
		return true;
	/* ordinals: 10th, 2nd */
	if (digits && e < c->send && cl_glued(doc, e) && doc->toks[e].kind == NC_TK_WORD &&
		ordinal_suffix(doc, e))
		return true;
	/* times of day: 6pm, 5 p.m., 10 GMT */
	if (digits && !has_currency && !has_unit && e < c->send && has_cue(doc, e, &after, 'h'))
		return true;
	/* calendar dates: March 29, 11 Feb, Oct. 31 (a small integer) */
	if (digits && !has_currency && !has_unit &&
		!(n->flags & (CL_NF_DECIMAL | CL_NF_GROUPED | CL_NF_SCALED | CL_NF_FRACTION)) &&
		cl_dec_is_int(n->v, &iv) && iv >= 1 && iv <= 31)
	{
		if (f > c->sfirst && cl_is_month(doc, f - 1))
			return true;
		if (e < c->send && cl_is_month(doc, e))
			return true;
		if (f > c->sfirst + 1 && cl_is_punct(doc, f - 1, '.') && cl_is_month(doc, f - 2))
			return true;
	}
	/* calendar years */
	if ((n->flags & CL_NF_YEARLIKE) && bare && !has_approx)
	{
		uint64_t	y = 0;
		bool		prep = f > c->sfirst && (has_cue(doc, f - 1, &before, 'y') || cl_is_month(doc, f - 1) ||
											 cl_is_punct(doc, f - 1, ','));
		bool		counted = e < c->send && doc->toks[e].kind == NC_TK_WORD &&
			!(doc->toks[e].flags & NC_TF_CAP) && nc_tok_len(doc, e) > 3 &&
			nc_tok_ptr(doc, e)[nc_tok_len(doc, e) - 1] == 's' &&
			!cl_tok_is(doc, e, "was") && !cl_tok_is(doc, e, "has") && !cl_tok_is(doc, e, "is");

		(void) cl_dec_is_int(n->v, &y);
		if (y >= 1900 && y <= 2099)
			return true;
		if (prep && (y < 1900 ? !counted : true))
			return true;
	}
	/* identifiers glued to letters or to a word by a hyphen or dot */
	if (!has_currency && f > c->sfirst && cl_glued(doc, f))
	{
		const NcToken *p = &doc->toks[f - 1];

		if (p->kind == NC_TK_WORD || p->kind == NC_TK_NUMBER)
			return true;
		if (p->kind == NC_TK_PUNCT && (cl_is_punct(doc, f - 1, '.') || cl_is_punct(doc, f - 1, '/') ||
									   cl_is_punct(doc, f - 1, '#')) &&
			f - 1 > c->sfirst && cl_glued(doc, f - 1))
			return true;
		if (cl_is_dash(doc, f - 1) && f - 1 > c->sfirst && cl_glued(doc, f - 1) &&
			(doc->toks[f - 2].kind == NC_TK_WORD || doc->toks[f - 2].kind == NC_TK_NUMBER) &&
			!cl_tok_is(doc, f - 2, "sub") && !cl_tok_is(doc, f - 2, "top"))
			return true;
		if (p->kind == NC_TK_SYMBOL && (cl_is_punct(doc, f - 1, '+') || cl_is_punct(doc, f - 1, '#')))
			return true;
	}
	/* digits glued to letters that are no unit: 13F, 5G, 24703L202 */
	if (digits && !has_unit && !(n->flags & CL_NF_SCALED) && e < c->send && cl_glued(doc, e))
	{
		if (doc->toks[e].kind == NC_TK_WORD || doc->toks[e].kind == NC_TK_NUMBER)
			return true;
		if ((cl_is_punct(doc, e, '.') || cl_is_punct(doc, e, '/')) && e + 1 < c->send &&
			cl_glued(doc, e + 1) && (doc->toks[e + 1].kind == NC_TK_NUMBER))
			return true;		/* 192.168.1.2, 5/17/2018 pieces */
	}
	/* chains of numbers: 1111-2222-3333, 555-0134 phone numbers */
	if (digits && e + 3 < c->send && (cl_is_dash(doc, e) || cl_is_punct(doc, e, '/')) && cl_glued(doc, e) &&
		cl_glued(doc, e + 1) && doc->toks[e + 1].kind == NC_TK_NUMBER && e + 2 < c->send &&
		cl_glued(doc, e + 2) && (cl_is_dash(doc, e + 2) || cl_is_punct(doc, e + 2, '/')))
		return true;
	/* hyphenated words: one-time, 9-iron, 3-D (units were matched before) */
	if (!has_unit && e + 1 < c->send && cl_is_dash(doc, e) && cl_glued(doc, e) &&
		cl_glued(doc, e + 1) && doc->toks[e + 1].kind == NC_TK_WORD &&
		!cl_word_is_numeric(doc, e + 1) && !cl_tok_is(doc, e + 1, "plus") &&
		!cl_tok_is(doc, e + 1, "odd"))
		return true;
	/* names and numbered things: Boeing 737, Article 5, No. 10, exit 436 */
	if (bare && !has_approx && f > c->sfirst)
	{
		uint32_t	k = f - 1;
		const NcToken *p = &doc->toks[k];
		const char *cues2 = NULL;	/* of token k - 1 */

		if (id_word(doc, k, &before))
			return true;
		if (k > c->sfirst && cl_is_punct(doc, k, '.') && id_word(doc, k - 1, &cues2))
			return true;
		if (p->kind == NC_TK_WORD && (p->flags & NC_TF_CAP) && !(p->flags & NC_TF_SENT_START) &&
			!has_cue(doc, k, &before, 'w') && !cl_is_month(doc, k) &&
			(digits || (doc->toks[f].flags & NC_TF_CAP)))
			return true;
		if (inside_mention(c, f))
			return true;
		if ((n->flags & CL_NF_WORDS) && (doc->toks[f].flags & NC_TF_CAP) &&
			!(doc->toks[f].flags & NC_TF_SENT_START) && !(doc->toks[f].flags & NC_TF_ALLCAPS) &&
			p->kind == NC_TK_WORD && !(p->flags & NC_TF_ALLCAPS))
			return true;
	}
	/* "one" as a pronoun or article */
	if ((n->flags & CL_NF_ONE) && !has_unit && !has_currency && !has_approx)
	{
		if (f > c->sfirst && has_cue(doc, f - 1, &before, 'd'))
			return true;
		if (e >= c->send || doc->toks[e].kind != NC_TK_WORD)
		{
			/* "two to one" is a ratio, handled before; "by one" stays */
			if (!(f > c->sfirst && (cl_tok_is(doc, f - 1, "than") || cl_tok_is(doc, f - 1, "by") ||
									cl_tok_is(doc, f - 1, "to"))))
				return true;
		}
		else if ((cl_tok_is(doc, e, "in") || cl_tok_is(doc, e, "out")) && e + 1 < c->send &&
				 (doc->toks[e + 1].kind == NC_TK_NUMBER || cl_word_is_numeric(doc, e + 1) ||
				  cl_tok_is(doc, e + 1, "of")))
			;					/* one in five, one out of three */
		else if (has_cue(doc, e, &after, 'n'))
			return true;
		else if (nc_tok_len(doc, e) > 4 && memcmp(nc_tok_ptr(doc, e) + nc_tok_len(doc, e) - 2, "ed", 2) == 0)
			return true;		/* "one equipped with" */
		/* "a crucial one", "the only one" */
		if (f > c->sfirst + 1 && doc->toks[f - 1].kind == NC_TK_WORD && cl_cue(doc, f - 2, 'd') &&
			!cl_word_is_numeric(doc, f - 1))
			return true;
		if (e < c->send && cl_is_dash(doc, e))
			return true;
	}
	return false;
}
