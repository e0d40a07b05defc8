/*
 * claims_range.c
 *		Approximators and bounds written around a quantity ("at least 450",
 *		"nearly £2bn", "50 or more", "40-odd"), from claim_approx and
 *		claim_approx_post.  Ranges themselves ("between 10 and 15", "5% to
 *		10%", "1000-5000") are assembled by the driver from two numbers.
 */
#include <string.h>

#include "claims_internal.h"
#include "lexicon_data.h"

/*
 * The names below are FORMAT.md's approx vocabulary in NcApprox order, what
 * the lexicons' values are written in: the output format, not words of the
 * text, so they stay in code.
 */
static const char *const approx_names[] = {
	"exact", "about", "at_least", "more_than", "at_most", "less_than", "up_to", "nearly"
};

#define NAPPROX ((int) (sizeof(approx_names) / sizeof(approx_names[0])))

/* The NcApprox of a lexicon value ("about", "about!", "="), or -1 */
static int
approx_code(const char *value)
{
	size_t		n = 0;

	if (value[0] == '=')
		return NC_APPROX_EXACT;
	while (value[n] != '\0' && value[n] != '!')
		n++;
	for (int k = 0; k < NAPPROX; k++)
		if (strncmp(approx_names[k], value, n) == 0 && approx_names[k][n] == '\0')
			return k;
	return -1;
}

const char *
nc_approx_name(uint8_t approx)
{
	return approx < NAPPROX ? approx_names[approx] : "exact";
}

/*
 * The tokens an approximator may end with (the last of claim_approx's
 * windows) and a bound start with (the first of claim_approx_post's):
 * built once per process by cl_range_build, never changed after.
 */
static ClEdge approx_last;
static ClEdge post_first;

void
cl_range_build(void)
{
	cl_edge_add(&approx_last, &nc_lex_claim_approx, true);
	cl_edge_add(&post_first, &nc_lex_claim_approx_post, false);
}

/*
 * The approximator that ends right before token `first` (and starts at or
 * after `lo`): returns its NcApprox and sets *approx_first, or -1.
 * words_only: the number is a bare number word, which "some" does not bound.
 */
int
cl_approx_before(const ClCtx *c, uint32_t first, uint32_t lo, bool words_only,
				 uint32_t *approx_first)
{
	char		buf[96];
	size_t		starts[6];
	uint32_t	hs[6];
	uint32_t	maxw = first - lo < 6 ? first - lo : 6;
	size_t		maxlen;
	uint32_t	mask;

	if (maxw == 0)
		return -1;
	/* the last word must be short and no number */
	if (nc_tok_len(c->doc, first - 1) > 14 || c->doc->toks[first - 1].kind == NC_TK_NUMBER ||
		c->doc->toks[first - 1].kind == NC_TK_PUNCT ||
		!cl_edge_may(&approx_last, c->doc, first - 1))
		return -1;
	/* every window that fits and that some approximator is as long as */
	maxlen = nc_lex_maxlen(&nc_lex_claim_approx);
	if (maxlen > sizeof(buf) - 1)
		maxlen = sizeof(buf) - 1;
	/* joined only as wide as a window the pre-filter lets through */
	mask = cl_suffixes_may_hold(c->doc, first, maxw, maxlen, &nc_lex_claim_approx, NULL);
	if (mask == 0)
		return -1;
	maxw = cl_join_suffixes(c->doc, first, cl_mask_width(mask), maxlen, buf, starts, hs);
	/* the widest first */
	for (uint32_t w = maxw; w >= 1; w--)
	{
		const NcLexEntry *e;
		size_t		s = starts[w - 1];

		if (!((mask >> (w - 1)) & 1))
			continue;
		e = nc_lex_find_hashed(&nc_lex_claim_approx, buf + s, maxlen - s, hs[w - 1]);
		if (e == NULL || e->value == NULL)
			continue;
		if (words_only && strchr(e->value, '!') != NULL)
			continue;
		*approx_first = first - w;
		return approx_code(e->value);
	}
	return -1;
}

/* A bound written after the quantity ending before `end`. */
int
cl_approx_after(const ClCtx *c, uint32_t end, uint32_t *approx_end, const char **key)
{
	char		buf[64];
	size_t		ends[3];
	uint32_t	hs[3];
	uint32_t	maxw = c->send - end < 3 ? c->send - end : 3;
	size_t		maxlen = nc_lex_maxlen(&nc_lex_claim_approx_post);
	uint32_t	mask;

	if (end >= c->send || !cl_edge_may(&post_first, c->doc, end))
		return -1;
	/* every window that fits and that some bound is as long as */
	if (maxlen > sizeof(buf) - 1)
		maxlen = sizeof(buf) - 1;
	mask = cl_prefixes_may_hold(c->doc, end, maxw, maxlen, &nc_lex_claim_approx_post, NULL);
	if (mask == 0)
		return -1;
	maxw = cl_join_prefixes(c->doc, end, cl_mask_width(mask), maxlen, buf, ends, hs);
	for (uint32_t w = maxw; w >= 1; w--)
	{
		const NcLexEntry *e;

		if (!((mask >> (w - 1)) & 1))
			continue;
		buf[ends[w - 1]] = '\0';
		e = nc_lex_find_hashed(&nc_lex_claim_approx_post, buf, ends[w - 1], hs[w - 1]);
		if (e == NULL || e->value == NULL)
			continue;
		/* "plus" and "odd" only glued by a hyphen or right after */
		if ((strcmp(buf, "plus") == 0 || strcmp(buf, "odd") == 0) &&
			end + 1 < c->send && (c->doc->toks[end + 1].kind == NC_TK_NUMBER ||
								  c->doc->toks[end + 1].kind == NC_TK_WORD))
			continue;
		*approx_end = end + w;
		*key = e->key;
		return approx_code(e->value);
	}
	return -1;
}
