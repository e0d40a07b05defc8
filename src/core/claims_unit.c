/*
 * claims_unit.c
 *		Units of a quantity: currencies written before the number ($, US$,
 *		C$, EUR, Y=) and every unit written after it (percent, per cent,
 *		currency names, durations and ages, measures), from the claim_*
 *		lexicons.
 */
#include <string.h>

#include "claims_internal.h"
#include "lexicon_data.h"

/* Strip dots: "U.S." -> "us" (lower-cased) into buf. */
static size_t
lower_nodots(const NcDoc *doc, uint32_t i, char *buf, size_t size)
{
	const char *p = nc_tok_ptr(doc, i);
	uint32_t	n = nc_tok_len(doc, i);
	size_t		k = 0;

	for (uint32_t j = 0; j < n && k + 1 < size; j++)
	{
		unsigned char ch = (unsigned char) p[j];

		if (ch == '.')
			continue;
		buf[k++] = (char) nc_ascii_lower(ch);
	}
	buf[k] = '\0';
	return k;
}

/*
 * The unit FORMAT.md writes for the ISO code a currency lexicon gives
 * ("currency:" and the code), as a static string.  Output names, not words
 * of the text: they stay in code; every code claim_currencies.txt and
 * claim_dollar_prefix.txt use must be here, or the currency is dropped.
 */
static const char *
currency_unit(const char *iso)
{
	static const char *const codes[] = {
		"currency:USD", "currency:GBP", "currency:EUR", "currency:JPY", "currency:INR",
		"currency:KRW", "currency:RUB", "currency:TRY", "currency:ILS", "currency:NGN",
		"currency:THB", "currency:UAH", "currency:PHP", "currency:VND", "currency:CRC",
		"currency:GEL", "currency:LAK", "currency:CNY", "currency:AUD", "currency:CAD",
		"currency:HKD", "currency:NZD", "currency:SGD", "currency:TWD", "currency:PKR",
		"currency:CHF", "currency:FIM", "currency:ESP", "currency:DEM", "currency:FRF",
		"currency:DKK", "currency:NOK", "currency:SEK", "currency:CZK", "currency:MXN",
		"currency:ARS", "currency:BRL", "currency:ZAR", "currency:MYR", "currency:IDR",
		"currency:AED", "currency:SAR", "currency:PLN", "currency:HUF", "currency:XBT",
		"currency:EGP", "currency:KES", "currency:LKR", NULL
	};

	for (int q = 0; codes[q]; q++)
		if (strcmp(codes[q] + 9, iso) == 0)
			return codes[q];
	return NULL;
}

bool
cl_currency_before(const ClCtx *c, uint32_t num_first, uint32_t lo,
				   const char **unit, uint32_t *first)
{
	const NcDoc *doc = c->doc;
	uint32_t	k;
	const NcLexEntry *e;

	if (num_first <= lo)
		return false;
	k = num_first - 1;
	if (doc->toks[k].kind == NC_TK_SYMBOL)
	{
		/* Y=28,030: the wire services' yen */
		if (cl_is_punct(doc, k, '=') && cl_glued(doc, num_first) && k > lo && cl_glued(doc, k) &&
			nc_tok_len(doc, k - 1) == 1 && nc_tok_ptr(doc, k - 1)[0] == 'Y')
		{
			*unit = "currency:JPY";
			*first = k - 1;
			return true;
		}
		e = cl_lex_tok(&nc_lex_claim_currencies, doc, k);
		if (e == NULL)
			return false;
		*unit = NULL;
		*first = k;
		if (cl_is_punct(doc, k, '$') && k > lo && doc->toks[k - 1].kind == NC_TK_WORD)
		{
			char		buf[16];
			size_t		n = lower_nodots(doc, k - 1, buf, sizeof(buf));
			const NcLexEntry *p = nc_lex_find(&nc_lex_claim_dollar_prefix, buf, n);
			bool		glued = cl_glued(doc, k);

			if (p != NULL &&
				(glued ? !(n == 1 && buf[0] == 'a' && !(doc->toks[k - 1].flags & NC_TF_CAP))
				 : (n >= 2 || buf[0] == 'c') && strcmp(buf, "a") != 0 && strcmp(buf, "can") != 0))
			{
				e = p;
				*first = k - 1;
			}
		}
		goto found;
	}
	if (doc->toks[k].kind == NC_TK_WORD && (doc->toks[k].flags & NC_TF_ALLCAPS) &&
		nc_tok_len(doc, k) == 3)
	{
		e = cl_lex_tok(&nc_lex_claim_currencies, doc, k);
		if (e == NULL)
			return false;
		*first = k;
		goto found;
	}
	if (doc->toks[k].kind == NC_TK_WORD && (cl_tok_is(doc, k, "Rs") || cl_tok_is(doc, k, "Rs.")) &&
		(doc->toks[k].flags & NC_TF_CAP))
	{
		*unit = "currency:INR";
		*first = k;
		return true;
	}
	return false;

found:
	*unit = currency_unit(e->value);
	return *unit != NULL;
}

static bool
weight_context(const ClCtx *c, uint32_t first, uint32_t end)
{
	const NcDoc *doc = c->doc;
	uint32_t	lo = first > c->sfirst + 6 ? first - 6 : c->sfirst;

	if (end < c->send && cl_tok_is(doc, end, "of"))
		return true;
	for (uint32_t k = lo; k < first; k++)
	{
		const char *p = nc_tok_ptr(doc, k);
		uint32_t	n = nc_tok_len(doc, k);

		if (n >= 5 && (memcmp(p, "weigh", 5) == 0 || memcmp(p, "Weigh", 5) == 0))
			return true;
		if (cl_tok_is(doc, k, "heavy") || cl_tok_is(doc, k, "lost") || cl_tok_is(doc, k, "gained") ||
			cl_tok_is(doc, k, "baby"))
			return true;
	}
	return false;
}

/*
 * The tokens a unit or a currency written after the number may start with
 * (cl_edge_may), built once per process by cl_unit_build.
 */
static ClEdge unit_first;

void
cl_unit_build(void)
{
	cl_edge_add(&unit_first, &nc_lex_claim_units, false);
	cl_edge_add(&unit_first, &nc_lex_claim_currencies, false);
}

static bool
match_unit_at(const ClCtx *c, const ClNum *n, uint32_t j, bool glued_to_number,
			  bool has_currency, ClUnit *out)
{
	const NcDoc *doc = c->doc;
	char		buf[96];
	size_t		len;
	size_t		ends[4];
	uint32_t	hs[4];
	uint32_t	maxw = c->send - j < 4 ? c->send - j : 4;
	size_t		maxlen;
	uint32_t	mask;

	if (maxw == 0 || doc->toks[j].kind == NC_TK_NUMBER || doc->toks[j].kind == NC_TK_PUNCT ||
		nc_tok_len(doc, j) > 24 || !cl_edge_may(&unit_first, doc, j))
		return false;
	/* every window that fits and that some unit or currency is as long as */
	maxlen = nc_lex_maxlen(&nc_lex_claim_units);
	if (maxlen < nc_lex_maxlen(&nc_lex_claim_currencies))
		maxlen = nc_lex_maxlen(&nc_lex_claim_currencies);
	if (maxlen > sizeof(buf) - 1)
		maxlen = sizeof(buf) - 1;
	/* a currency is looked up only where none was written before */
	mask = cl_prefixes_may_hold(doc, j, maxw, maxlen, &nc_lex_claim_units,
								has_currency ? NULL : &nc_lex_claim_currencies);
	if (mask == 0)
		return false;
	maxw = cl_join_prefixes(doc, j, cl_mask_width(mask), maxlen, buf, ends, hs);
	for (uint32_t w = maxw; w >= 1; w--)
	{
		const NcLexEntry *e;

		if (!((mask >> (w - 1)) & 1))
			continue;
		len = ends[w - 1];
		buf[len] = '\0';
		e = nc_lex_find_hashed(&nc_lex_claim_units, buf, len, hs[w - 1]);
		if (e != NULL && e->value != NULL)
		{
			const char *u = e->value;
			uint32_t	mult = 1;

			if (u[0] == '!')
			{
				if (!glued_to_number)
					continue;
				u++;
			}
			out->unit = u;
			{
				const char *star = strchr(u, '*');

				if (star != NULL)
				{
					/* static variants of the multiplied units */
					mult = 0;
					for (const char *q = star + 1; *q >= '0' && *q <= '9'; q++)
						mult = mult * 10 + (uint32_t) (*q - '0');
					if (strncmp(u, "duration:year", 13) == 0)
						out->unit = "duration:year";
					else if (strncmp(u, "duration:week", 13) == 0)
						out->unit = "duration:week";
				}
			}
			out->first = j;
			out->end = j + w;
			out->mult = mult;
			return true;
		}
		if (has_currency)
			continue;
		e = nc_lex_find_hashed(&nc_lex_claim_currencies, buf, len, hs[w - 1]);
		if (e != NULL && e->value != NULL)
		{
			/* single letters never; ISO codes only in capitals or as
			 * symbols; "real" and "rand" only after a scale */
			if (w == 1 && doc->toks[j].kind == NC_TK_WORD && len == 3 &&
				strcmp(buf, "yen") != 0 && strcmp(buf, "rmb") != 0 &&
				!(doc->toks[j].flags & NC_TF_ALLCAPS) && strcmp(buf, "usd") != 0)
				continue;
			if ((strcmp(buf, "real") == 0 || strcmp(buf, "rand") == 0 || strcmp(buf, "dong") == 0 ||
				 strcmp(buf, "sterling") == 0) && !(n->flags & CL_NF_SCALED))
				continue;
			if ((strcmp(buf, "pounds") == 0 || strcmp(buf, "pound") == 0) &&
				!(n->flags & CL_NF_SCALED) && weight_context(c, n->first, j + w))
			{
				out->unit = "lb";
				out->first = j;
				out->end = j + w;
				out->mult = 1;
				return true;
			}
			out->unit = currency_unit(e->value);
			if (out->unit == NULL)
				continue;
			out->first = j;
			out->end = j + w;
			out->mult = 1;
			return true;
		}
	}
	return false;
}

static bool
is_single(const NcDoc *doc, uint32_t i, char ch)
{
	return nc_tok_len(doc, i) == 1 && nc_tok_ptr(doc, i)[0] == ch;
}

/*
 * The unit written after number n, if any.  Ages extend the unit over
 * "old", "-old", "olds", "of age".
 */
bool
cl_unit_after(const ClCtx *c, const ClNum *n, bool has_currency, ClUnit *out)
{
	const NcDoc *doc = c->doc;
	uint32_t	j = n->end;
	bool		glued;
	bool		found = false;

	memset(out, 0, sizeof(*out));
	out->mult = 1;
	if (j >= c->send)
		return false;
	glued = cl_glued(doc, j);
	/* compound adjectives: 28-year-old, six-mile, 10-gallon */
	if (cl_is_dash(doc, j) && glued && j + 1 < c->send && cl_glued(doc, j + 1) &&
		doc->toks[j + 1].kind == NC_TK_WORD)
	{
		if (cl_tok_is(doc, j + 1, "fold"))
		{
			out->unit = "times";
			out->first = j;
			out->end = j + 2;
			return true;
		}
		found = match_unit_at(c, n, j + 1, false, has_currency, out);
		if (found)
			out->first = j;
	}
	else if (cl_tok_is(doc, j, "fold") && glued)
	{
		out->unit = "times";
		out->first = j;
		out->end = j + 1;
		return true;
	}
	else if (doc->toks[j].kind == NC_TK_WORD && nc_tok_len(doc, j) == 1 &&
			 (is_single(doc, j, 'C') || is_single(doc, j, 'F')) && !glued)
	{
		/* "12 C": a temperature only in capitals, standing alone */
		if (j + 1 >= c->send || !cl_glued(doc, j + 1))
		{
			out->unit = is_single(doc, j, 'C') ? "celsius" : "fahrenheit";
			out->first = j;
			out->end = j + 1;
			return true;
		}
		return false;
	}
	else if (doc->toks[j].kind == NC_TK_WORD && (is_single(doc, j, 'm') || is_single(doc, j, 'M')))
	{
		/* the scale took glued m/M already; a spaced m is metres */
		if (!glued && is_single(doc, j, 'm'))
		{
			out->unit = "m";
			out->first = j;
			out->end = j + 1;
			return true;
		}
		return false;
	}
	else if (cl_tok_is(doc, j, "in") || cl_tok_is(doc, j, "yo"))
	{
		if (cl_tok_is(doc, j, "yo") && !glued)
		{
			out->unit = "duration:year";
			out->age = true;
			out->first = j;
			out->end = j + 1;
			return true;
		}
		return false;
	}
	else
		found = match_unit_at(c, n, j, glued, has_currency, out);
	if (!found)
		return false;
	/* ages: years old, year-old, years of age, year olds */
	if (strncmp(out->unit, "duration:", 9) == 0)
	{
		uint32_t	k = out->end;

		if (k + 1 < c->send && cl_is_dash(doc, k) && cl_tok_is(doc, k + 1, "old"))
		{
			out->end = k + 2;
			out->age = true;
		}
		else if (k < c->send && (cl_tok_is(doc, k, "old") || cl_tok_is(doc, k, "olds")))
		{
			out->end = k + 1;
			out->age = true;
		}
		else if (k + 1 < c->send && cl_tok_is(doc, k, "of") && cl_tok_is(doc, k + 1, "age"))
		{
			out->end = k + 2;
			out->age = true;
		}
		if (out->age && strcmp(out->unit, "duration:year") != 0 &&
			strcmp(out->unit, "duration:month") != 0 && strcmp(out->unit, "duration:week") != 0 &&
			strcmp(out->unit, "duration:day") != 0)
			out->age = false;
	}
	return true;
}
