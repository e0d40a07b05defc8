/*
 * claims_number.c
 *		Exact decimal arithmetic and the number grammar of the claims
 *		extractor: digits with separators, scale words and suffixes
 *		(1.13bn, 2 million, 10k), number words ("twenty-one", "a dozen",
 *		"half a million", "one hundred and six"), fractions ("a third",
 *		"two thirds", "3/4") and multiplier words ("twice", "sixfold").
 *
 * Everything here reads tokens of one sentence and allocates nothing
 * except the final decimal string (cl_dec_to_str).
 */
#include <string.h>

#include "claims_internal.h"
#include "lexicon_data.h"

#define CL_MAX_EXP 64

static const ClU128 U128_MAX = ~(ClU128) 0;

static ClDec
dec_bad(void)
{
	ClDec		d = {0, 0, false, false};

	return d;
}

/*
 * The normal form of m * 10^exp, m not 0, once m fits 64 bits: its
 * trailing zeros moved into the exponent with 64-bit divisions, which are
 * much cheaper than 128-bit ones.
 */
static inline ClDec
dec_strip64(uint64_t m, int32_t exp, bool neg)
{
	ClDec		d = {0, 0, neg, true};

	while (m % 10 == 0)
	{
		m /= 10;
		exp++;
	}
	d.mant = m;
	d.exp = exp;
	return d;
}

static ClDec
dec_norm(ClDec a)
{
	if (!a.ok)
		return a;
	if (a.mant == 0)
	{
		a.exp = 0;
		a.neg = false;
		return a;
	}
	while (a.mant > UINT64_MAX && a.mant % 10 == 0)
	{
		a.mant /= 10;
		a.exp++;
	}
	if (a.mant <= UINT64_MAX)
		a = dec_strip64((uint64_t) a.mant, a.exp, a.neg);
	if (a.exp > CL_MAX_EXP || a.exp < -CL_MAX_EXP)
		return dec_bad();
	return a;
}

/* v as dec_norm would give it, without its 128-bit tests */
ClDec
cl_dec_int(uint64_t v)
{
	ClDec		d = {0, 0, false, true};

	return v == 0 ? d : dec_strip64(v, 0, false);
}

/* mant * 10^k, or false on overflow */
static bool
mul_pow10(ClU128 *m, int32_t k)
{
	for (int32_t i = 0; i < k; i++)
	{
		if (*m > U128_MAX / 10)
			return false;
		*m *= 10;
	}
	return true;
}

ClDec
cl_dec_add(ClDec a, ClDec b)
{
	int32_t		e;
	ClU128		ma = a.mant,
				mb = b.mant;
	ClDec		r;

	if (!a.ok || !b.ok || a.neg || b.neg)
		return dec_bad();
	if (a.mant == 0)
		return b;
	if (b.mant == 0)
		return a;
	e = a.exp < b.exp ? a.exp : b.exp;
	if (!mul_pow10(&ma, a.exp - e) || !mul_pow10(&mb, b.exp - e))
		return dec_bad();
	if (ma > U128_MAX - mb)
		return dec_bad();
	r.mant = ma + mb;
	r.exp = e;
	r.neg = false;
	r.ok = true;
	return dec_norm(r);
}

ClDec
cl_dec_mul(ClDec a, uint64_t k)
{
	if (!a.ok)
		return a;
	if (k != 0 && a.mant > U128_MAX / k)
		return dec_bad();
	a.mant *= k;
	return dec_norm(a);
}

ClDec
cl_dec_shift(ClDec a, int32_t k)
{
	if (!a.ok)
		return a;
	a.exp += k;
	return dec_norm(a);
}

/*
 * a / k, rounded to four decimals, or further until four significant digits
 * show ("a third" = 0.3333, "a twenty-first" = 0.04762).
 */
ClDec
cl_dec_div(ClDec a, uint64_t k)
{
	int32_t		s;
	ClU128		m,
				q = 0;

	if (!a.ok || k == 0)
		return dec_bad();
	if (a.mant == 0)
		return a;
	s = 4 + a.exp;
	if (s < 0)
		s = 0;
	for (; s <= 40; s++)
	{
		m = a.mant;
		if (!mul_pow10(&m, s))
			return dec_bad();
		q = (m + k / 2) / k;
		if (q >= 1000)
			break;
	}
	a.mant = q;
	a.exp -= s;
	return dec_norm(a);
}

bool
cl_dec_is_int(ClDec a, uint64_t *out)
{
	ClU128		m = a.mant;

	if (!a.ok || a.neg || a.exp < 0 || !mul_pow10(&m, a.exp) || m > UINT64_MAX)
		return false;
	*out = (uint64_t) m;
	return true;
}

int
cl_dec_cmp(ClDec a, ClDec b)
{
	int32_t		e;
	ClU128		ma = a.mant,
				mb = b.mant;

	/* non-negative values only; overflow compares by exponent */
	e = a.exp < b.exp ? a.exp : b.exp;
	if (!mul_pow10(&ma, a.exp - e))
		return 1;
	if (!mul_pow10(&mb, b.exp - e))
		return -1;
	return (ma > mb) - (ma < mb);
}

char *
cl_dec_to_str(const NcEnv *env, ClDec a)
{
	char		digits[48];
	int			nd = 0;
	ClU128		m = a.mant;
	char	   *out,
			   *p;
	size_t		size;

	/* the 128-bit division only for the digits above 64 bits, most have none */
	while (m > UINT64_MAX && nd < (int) sizeof(digits))
	{
		digits[nd++] = (char) ('0' + (int) (m % 10));
		m /= 10;
	}
	if (m <= UINT64_MAX)
	{
		uint64_t	m64 = (uint64_t) m;

		do
		{
			digits[nd++] = (char) ('0' + (int) (m64 % 10));
			m64 /= 10;
		} while (m64 != 0);
	}
	/* digits[] holds the mantissa reversed */
	size = (size_t) nd + (size_t) (a.exp < 0 ? -a.exp : a.exp) + 4;
	out = nc_alloc(env, size);
	if (out == NULL)
		return NULL;
	p = out;
	if (a.neg && a.mant != 0)
		*p++ = '-';
	if (a.exp >= 0)
	{
		for (int i = nd - 1; i >= 0; i--)
			*p++ = digits[i];
		if (a.mant != 0)
			for (int32_t i = 0; i < a.exp; i++)
				*p++ = '0';
	}
	else
	{
		int			frac = -a.exp;

		if (nd <= frac)
		{
			*p++ = '0';
			*p++ = '.';
			for (int i = 0; i < frac - nd; i++)
				*p++ = '0';
			for (int i = nd - 1; i >= 0; i--)
				*p++ = digits[i];
		}
		else
		{
			for (int i = nd - 1; i >= 0; i--)
			{
				*p++ = digits[i];
				if (i == frac)
					*p++ = '.';
			}
		}
	}
	*p = '\0';
	return out;
}

/* ---------------------------------------------------------------- digits */

/* Digits of s[from..to) appended to *m (separators skipped by caller). */
static bool
append_digits(ClU128 *m, const char *s, uint32_t from, uint32_t to, int *ndig)
{
	for (uint32_t i = from; i < to; i++)
	{
		if (s[i] < '0' || s[i] > '9')
			return false;
		if (*m == 0 && s[i] == '0')
			continue;			/* leading zeros do not count */
		if (++*ndig > 38)
			return false;
		*m = *m * 10 + (ClU128) (s[i] - '0');
	}
	return true;
}

/*
 * "1,234,567.89", "12,34,567" (Indian grouping), "1.234.567" and "5,00"
 * (decimal comma) into an exact decimal.  IP addresses, lists like
 * "22,24,26" and anything else irregular come back not ok.
 */
ClDec
cl_dec_from_digits(const char *s, uint32_t len, uint32_t *flags)
{
	uint32_t	ncomma = 0,
				ndot = 0,
				last_sep = 0;
	char		dec_sep = 0,
				grp_sep = 0;
	uint32_t	seps[64];
	uint32_t	nseps = 0;
	ClDec		d = {0, 0, false, true};
	int			ndig = 0;
	uint32_t	start = 0;
	uint64_t	v = 0;			/* the digits, while there are at most 19 */

	if (len == 0)
		return dec_bad();
	for (uint32_t i = 0; i < len; i++)
	{
		char		ch = s[i];

		if (ch >= '0' && ch <= '9')
			v = v * 10 + (uint64_t) (ch - '0');
		else if (ch == ',' || ch == '.')
		{
			if (ch == ',')
				ncomma++;
			else
				ndot++;
			if (nseps < 64)
				seps[nseps] = i;
			nseps++;
			last_sep = i;
		}
		else
			return dec_bad();
	}
	if (nseps > 64 || s[0] == ',' || s[0] == '.' || s[len - 1] == ',' || s[len - 1] == '.')
		return dec_bad();
	if (nseps == 0 && len <= 19)
	{
		/* plain digits that fit 64 bits: no 128-bit arithmetic */
		if (len == 4 && s[0] != '0' && v >= 1000 && v <= 2099)
			*flags |= CL_NF_YEARLIKE;
		return cl_dec_int(v);
	}
	if (nseps == 0)
	{
		if (!append_digits(&d.mant, s, 0, len, &ndig))
			return dec_bad();
		if (len == 4 && s[0] != '0')
		{
			int			v = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');

			if (v >= 1000 && v <= 2099)
				*flags |= CL_NF_YEARLIKE;
		}
		return dec_norm(d);
	}
	if (ncomma && ndot)
	{
		dec_sep = s[last_sep];
		grp_sep = dec_sep == '.' ? ',' : '.';
		/* the decimal separator occurs once, last */
		for (uint32_t k = 0; k + 1 < nseps; k++)
			if (s[seps[k]] == dec_sep)
				return dec_bad();
	}
	else
	{
		char		ch = ncomma ? ',' : '.';
		bool		groups3 = true;

		/* every group after the first three digits: thousands */
		for (uint32_t k = 0; k < nseps; k++)
		{
			uint32_t	next = k + 1 < nseps ? seps[k + 1] : len;

			if (next - seps[k] - 1 != 3)
				groups3 = false;
		}
		if (groups3 && seps[0] <= 3 && seps[0] >= 1 && !(nseps == 1 && ch == '.'))
			grp_sep = ch;
		else if (nseps == 1)
			dec_sep = ch;
		else if (ch == ',')
		{
			/* Indian grouping: 12,34,567 */
			bool		indian = seps[0] <= 2 && len - seps[nseps - 1] - 1 == 3;

			for (uint32_t k = 0; indian && k + 1 < nseps; k++)
				if (seps[k + 1] - seps[k] - 1 != 2)
					indian = false;
			if (!indian)
				return dec_bad();
			grp_sep = ',';
		}
		else
			return dec_bad();
	}
	/* validate thousands groups when mixed ("1,234.5", "1.234,5") */
	if (grp_sep && dec_sep)
	{
		uint32_t	k;

		for (k = 0; k + 1 < nseps; k++)
		{
			uint32_t	next = seps[k + 1];

			if (next - seps[k] - 1 != 3 && !(grp_sep == ',' && next - seps[k] - 1 == 2))
				return dec_bad();
		}
		if (seps[0] > 3)
			return dec_bad();
	}
	if (grp_sep)
		*flags |= CL_NF_GROUPED;
	for (uint32_t i = 0; i <= len; i++)
	{
		if (i == len || s[i] == ',' || s[i] == '.')
		{
			if (i < len && s[i] == dec_sep)
			{
				if (!append_digits(&d.mant, s, start, i, &ndig))
					return dec_bad();
				start = i + 1;
				/* the rest are decimals */
				if (!append_digits(&d.mant, s, start, len, &ndig))
					return dec_bad();
				d.exp = -(int32_t) (len - start);
				*flags |= CL_NF_DECIMAL;
				return dec_norm(d);
			}
			if (!append_digits(&d.mant, s, start, i, &ndig))
				return dec_bad();
			start = i + 1;
		}
	}
	return dec_norm(d);
}

/* ------------------------------------------------------------ helpers */


uint32_t
cl_join_prefixes(const NcDoc *doc, uint32_t first, uint32_t maxw, size_t maxlen,
				 char *buf, size_t *ends, uint32_t *h)
{
	size_t		n = 0;
	uint32_t	acc = 0;
	uint32_t	w;

	for (w = 0; w < maxw; w++)
	{
		uint32_t	i = first + w;
		uint32_t	tl = nc_tok_len(doc, i);
		const unsigned char *tp = (const unsigned char *) nc_tok_ptr(doc, i);
		bool		space = w > 0 && !cl_glued(doc, i);

		if (n + space + tl > maxlen)
			break;
		if (space)
		{
			buf[n++] = ' ';
			acc = nc_lex_hash_step(acc, ' ');
		}
		for (uint32_t k = 0; k < tl; k++)
		{
			unsigned char ch = nc_ascii_lower(tp[k]);

			buf[n++] = (char) ch;
			acc = nc_lex_hash_step(acc, ch);
		}
		ends[w] = n;
		h[w] = acc;
	}
	buf[n] = '\0';
	return w;
}

/* h = h * 31 + byte from the left is, from the right, byte * 31^k summed */
uint32_t
cl_join_suffixes(const NcDoc *doc, uint32_t end, uint32_t maxw, size_t maxlen,
				 char *buf, size_t *starts, uint32_t *h)
{
	size_t		p = maxlen;
	uint32_t	acc = 0,
				pw = 1;
	uint32_t	w;

	for (w = 0; w < maxw; w++)
	{
		uint32_t	i = end - 1 - w;
		uint32_t	tl = nc_tok_len(doc, i);
		const unsigned char *tp = (const unsigned char *) nc_tok_ptr(doc, i);
		bool		space = w > 0 && !cl_glued(doc, i + 1);

		if (space + tl > p)
			break;
		if (space)
		{
			buf[--p] = ' ';
			acc += (uint32_t) ' ' * pw;
			pw *= 31;
		}
		for (uint32_t k = tl; k-- > 0;)
		{
			unsigned char ch = nc_ascii_lower(tp[k]);

			buf[--p] = (char) ch;
			acc += (uint32_t) ch * pw;
			pw *= 31;
		}
		starts[w] = p;
		h[w] = acc;
	}
	buf[maxlen] = '\0';
	return w;
}

/*
 * May some key of lex (or NULL) start with the four bytes key4
 * (NC_LEX_KEY4)?  With nc_lex_has_len, a few instructions each, and few
 * windows that are no key pass both.
 */
static inline bool
lex_starts(const NcLexicon *lex, uint32_t key4)
{
	return lex != NULL && nc_lex_prefix_maybe(&lex->prefix, key4);
}

uint32_t
cl_prefixes_may_hold(const NcDoc *doc, uint32_t first, uint32_t maxw, size_t maxlen,
					 const NcLexicon *lex1, const NcLexicon *lex2)
{
	const unsigned char *text = (const unsigned char *) doc->text;
	uint32_t	head = 0;		/* the window's first four bytes */
	bool		p1 = false,
				p2 = false;
	size_t		n = 0;
	uint32_t	mask = 0;

	for (uint32_t w = 0; w < maxw; w++)
	{
		const NcToken *t = &doc->toks[first + w];
		uint32_t	tl = t->end - t->start;
		uint32_t	space = w > 0 && !cl_glued(doc, first + w);

		if (n + space + tl > maxlen)
			break;
		if (n < 4)
		{
			/* the first four bytes go on into this token */
			if (space)
				head |= UINT32_C(0x20) << (8 * n);
			if (n + space < 4)
				head |= cl_tok_key4(text, doc->len, t) << (8 * (n + space));
			p1 = lex_starts(lex1, head);
			p2 = lex_starts(lex2, head);
		}
		else if (!p1 && !p2)
			break;				/* every wider window starts the same */
		n += space + tl;
		if ((p1 && nc_lex_has_len(lex1, n)) || (p2 && nc_lex_has_len(lex2, n)))
			mask |= UINT32_C(1) << w;
	}
	return mask;
}

uint32_t
cl_suffixes_may_hold(const NcDoc *doc, uint32_t end, uint32_t maxw, size_t maxlen,
					 const NcLexicon *lex1, const NcLexicon *lex2)
{
	const unsigned char *text = (const unsigned char *) doc->text;
	uint32_t	head = 0;		/* the window's first four bytes */
	size_t		n = 0;
	uint32_t	mask = 0;

	for (uint32_t w = 0; w < maxw; w++)
	{
		const NcToken *t = &doc->toks[end - 1 - w];
		uint32_t	tl = t->end - t->start;
		uint32_t	space = w > 0 && !cl_glued(doc, end - w);
		uint32_t	k;

		if (n + space + tl > maxlen)
			break;
		k = cl_tok_key4(text, doc->len, t);
		/* a short token: the space and the narrower window follow */
		if (tl < 4)
		{
			if (space)
				k |= UINT32_C(0x20) << (8 * tl);
			if (tl + space < 4)
				k |= head << (8 * (tl + space));
		}
		head = k;
		n += space + tl;
		if ((lex_starts(lex1, head) && nc_lex_has_len(lex1, n)) ||
			(lex_starts(lex2, head) && nc_lex_has_len(lex2, n)))
			mask |= UINT32_C(1) << w;
	}
	return mask;
}

void
cl_edge_add(ClEdge *e, const NcLexicon *lex, bool last)
{
	for (size_t i = 0; i < lex->count; i++)
	{
		const char *key = lex->entries[i].key;
		uint32_t	end = (uint32_t) lex->entries[i].keylen;
		uint32_t	word = last ? end : 0;	/* the word: key[word..wend) */
		uint32_t	wend = last ? end : 0;

		if (last)
			while (word > 0 && key[word - 1] != ' ')
				word--;
		else
			while (wend < end && key[wend] != ' ')
				wend++;
		for (uint32_t k = word; k < wend; k++)
		{
			/* the suffix key[k..wend), or the prefix key[word..k + 1) */
			uint32_t	a = last ? k : word;
			uint32_t	n = last ? wend - k : k + 1 - word;
			uint32_t	slot = cl_edge_slot(cl_key4_of(key + a, n), n);

			e->bits[slot / 64] |= UINT64_C(1) << (slot % 64);
		}
	}
}

const NcLexEntry *
cl_lex_tok(const NcLexicon *lex, const NcDoc *doc, uint32_t i)
{
	return nc_lex_find_lower(lex, nc_tok_ptr(doc, i), nc_tok_len(doc, i));
}

bool
cl_is_dash(const NcDoc *doc, uint32_t i)
{
	const char *p = nc_tok_ptr(doc, i);
	uint32_t	n = nc_tok_len(doc, i);

	if (doc->toks[i].kind != NC_TK_PUNCT)
		return false;
	if (n == 1 && p[0] == '-')
		return true;
	/* U+2010 hyphen .. U+2014 em dash */
	return n == 3 && (unsigned char) p[0] == 0xE2 && (unsigned char) p[1] == 0x80 &&
		(unsigned char) p[2] >= 0x90 && (unsigned char) p[2] <= 0x94;
}

static uint64_t
parse_u64(const char *s)
{
	uint64_t	v = 0;

	while (*s >= '0' && *s <= '9' && v < UINT64_MAX / 10)
		v = v * 10 + (uint64_t) (*s++ - '0');
	return v;
}

/* Scale word or suffix at token i: sets *exp (power of ten) or *mult. */
static bool
scale_at(const ClCtx *c, uint32_t i, bool glued_ok, int *exp, uint64_t *mult, bool *suffix_m)
{
	const NcDoc *doc = c->doc;
	const NcToken *t = &doc->toks[i];
	uint32_t	n = nc_tok_len(doc, i);
	const char *p = nc_tok_ptr(doc, i);
	const NcLexEntry *e;

	*suffix_m = false;
	*mult = 1;
	*exp = 0;
	if (t->kind != NC_TK_WORD)
		return false;
	if (n == 2 && p[1] == '.')
		n = 1;					/* "10M." at a sentence end */
	if (n == 1)
	{
		bool		glued = cl_glued(doc, i);

		switch (p[0])
		{
			case 'k':
			case 'K':
				*exp = 3;
				return true;
			case 'M':
				*exp = 6;
				return true;
			case 'm':
				if (!glued || !glued_ok)
					return false;
				*exp = 6;
				*suffix_m = true;
				return true;
			case 'b':
			case 'B':
				if (!glued || !glued_ok)
					return false;
				*exp = 9;
				return true;
			case 'G':
				if (glued)
					return false;
				*exp = 9;
				return true;
			default:
				return false;
		}
	}
	e = nc_lex_find_lower(&nc_lex_claim_scales, p, n > 1 && p[n - 1] == '.' ? n - 1 : n);
	if (e == NULL || e->value == NULL)
		return false;
	if (e->value[0] == 'x')
	{
		*mult = parse_u64(e->value + 1);
		return true;
	}
	*exp = e->value[0] - '0';
	if (e->value[1] >= '0' && e->value[1] <= '9')
		*exp = *exp * 10 + (e->value[1] - '0');
	return true;
}

/* ---------------------------------------------------------- the grammar */

enum
{
	WC_NONE = 0,
	WC_UNIT,					/* 0..9 */
	WC_TEEN,					/* 10..19 */
	WC_TENS,					/* 20..90 */
	WC_HUNDRED,
	WC_SCALE,					/* thousand and up */
	WC_DOZEN
};

/* the class of a cardinal word (a valued claim_numwords entry) of value v */
static inline int
cardinal_class(uint64_t v)
{
	return v < 10 ? WC_UNIT : v < 20 ? WC_TEEN : WC_TENS;
}

static int
word_class(const NcDoc *doc, uint32_t i, uint64_t *v, int *exp)
{
	const NcLexEntry *e;
	const char *key = nc_tok_ptr(doc, i);
	uint32_t	n = nc_tok_len(doc, i);
	uint32_t	h;

	if (doc->toks[i].kind != NC_TK_WORD ||
		(nc_lex_maxlen(&nc_lex_claim_numwords) < n && nc_lex_maxlen(&nc_lex_claim_scales) < n))
		return WC_NONE;
	/* lowered and hashed once for both lexicons */
	h = nc_lex_hash_lower(key, n);
	e = nc_lex_find_lower_hashed(&nc_lex_claim_numwords, key, n, h);
	if (e != NULL && e->value != NULL)
	{
		*v = parse_u64(e->value);
		return cardinal_class(*v);
	}
	e = nc_lex_find_lower_hashed(&nc_lex_claim_scales, key, n, h);
	if (e != NULL && e->value != NULL)
	{
		if (e->value[0] == 'x')
		{
			*v = parse_u64(e->value + 1);
			return WC_DOZEN;
		}
		*exp = (int) parse_u64(e->value);
		return *exp == 2 ? WC_HUNDRED : WC_SCALE;
	}
	return WC_NONE;
}

bool
cl_word_is_numeric(const NcDoc *doc, uint32_t i)
{
	uint64_t	v;
	int			exp;

	return word_class(doc, i, &v, &exp) != WC_NONE;
}

static bool
denominator_at(const NcDoc *doc, uint32_t i, uint64_t *den)
{
	const NcLexEntry *e;

	if (doc->toks[i].kind != NC_TK_WORD)
		return false;
	e = cl_lex_tok(&nc_lex_claim_denominators, doc, i);
	if (e == NULL || e->value == NULL)
		return false;
	*den = parse_u64(e->value);
	return true;
}

static inline bool
is_article(const NcDoc *doc, uint32_t i)
{
	return doc->toks[i].kind == NC_TK_WORD && (cl_tok_is(doc, i, "a") || cl_tok_is(doc, i, "an"));
}

/* "a third" followed by a noun is an ordinal ("a third term"). */
static bool
fraction_context_ok(const NcDoc *doc, uint32_t j, uint32_t send)
{
	if (j >= send || doc->toks[j].kind != NC_TK_WORD)
		return true;
	if (doc->toks[j].flags & NC_TF_CAP)
		return true;
	return cl_cue(doc, j, 'q');
}

/*
 * A fraction written in words at j: [a|an|one|two..] denominator, with an
 * optional hyphen ("one-third").  *num_end: where the numerator stopped.
 * fraction_after: the same, numerator num at j already read.
 */
static bool
fraction_after(const ClCtx *c, uint32_t j, uint64_t num, ClDec *val, uint32_t *end,
			   bool *proper, bool tail)
{
	const NcDoc *doc = c->doc;
	uint64_t	den;
	uint32_t	k = j + 1;

	if (k < c->send && cl_is_dash(doc, k) && cl_glued(doc, k))
		k++;
	if (k >= c->send || !denominator_at(doc, k, &den))
		return false;
	if (den == 2 && num != 1)
		return false;			/* "two halves" */
	if ((num == 1 || den == 4) && !tail && !fraction_context_ok(doc, k + 1, c->send))
		return false;
	*val = cl_dec_div(cl_dec_int(num), den);
	*proper = num < den;
	*end = k + 1;
	return true;
}

static bool
fraction_words(const ClCtx *c, uint32_t j, ClDec *val, uint32_t *end, bool *proper,
			   bool tail)
{
	const NcDoc *doc = c->doc;
	uint64_t	num;
	int			exp;
	int			wc;

	if (j >= c->send)
		return false;
	if (is_article(doc, j))
		num = 1;
	else
	{
		wc = word_class(doc, j, &num, &exp);
		if (wc != WC_UNIT && wc != WC_TEEN && wc != WC_TENS)
			return false;
	}
	return fraction_after(c, j, num, val, end, proper, tail);
}

/* "point five", "point zero three", "point seventy-one" */
static bool
point_decimals(const ClCtx *c, uint32_t j, ClDec *frac, uint32_t *end)
{
	const NcDoc *doc = c->doc;
	ClU128		m = 0;
	int32_t		nd = 0;
	uint64_t	v;
	int			exp;

	if (j + 1 >= c->send || !cl_tok_is(doc, j, "point"))
		return false;
	j++;
	while (j < c->send && nd < 30)
	{
		int			wc = word_class(doc, j, &v, &exp);

		if (wc == WC_UNIT)
		{
			m = m * 10 + v;
			nd++;
		}
		else if (wc == WC_TEEN || wc == WC_TENS)
		{
			uint64_t	u = 0;

			if (wc == WC_TENS && j + 2 < c->send && cl_is_dash(doc, j + 1) &&
				word_class(doc, j + 2, &u, &exp) == WC_UNIT)
				j += 2;
			else if (wc == WC_TENS && j + 1 < c->send &&
					 word_class(doc, j + 1, &u, &exp) == WC_UNIT)
				j++;
			m = m * 100 + v + u;
			nd += 2;
		}
		else
			break;
		j++;
	}
	if (nd == 0)
		return false;
	frac->mant = m;
	frac->exp = -nd;
	frac->neg = false;
	frac->ok = true;
	*frac = dec_norm(*frac);
	*end = j;
	return true;
}

/* Is token i a singular duration unit ("year", "decade") after "a"? */
static bool
article_duration(const NcDoc *doc, uint32_t i)
{
	return cl_cue(doc, i, 'u');
}

/*
 * A prefix filter (nc_lex_prefix_maybe) of the words that may follow
 * "a"/"an" in a number: the denominators ("a third"), the scales ("a
 * dozen") and the duration units (cue u of claim_context_words: "a
 * year").  One filter for the three, as the lexicons' own are of whole
 * lexicons; built once per process by cl_number_build, never changed
 * after.
 */
#define ARTICLE_BITS 12

static uint64_t after_article_bits[(1 << ARTICLE_BITS) / 64];
static const NcLexPrefix after_article = {after_article_bits, 32 - ARTICLE_BITS};

static void
article_add(const NcLexEntry *e)
{
	uint32_t	b = nc_lex_prefix_bit(cl_key4_of(e->key, (uint32_t) e->keylen),
									  after_article.shift);

	after_article_bits[b / 64] |= UINT64_C(1) << (b % 64);
}

void
cl_number_build(void)
{
	for (size_t i = 0; i < nc_lex_claim_denominators.count; i++)
		article_add(&nc_lex_claim_denominators.entries[i]);
	for (size_t i = 0; i < nc_lex_claim_scales.count; i++)
		article_add(&nc_lex_claim_scales.entries[i]);
	for (size_t i = 0; i < nc_lex_claim_context_words.count; i++)
		if (nc_lex_claim_context_words.entries[i].value != NULL &&
			strchr(nc_lex_claim_context_words.entries[i].value, 'u') != NULL)
			article_add(&nc_lex_claim_context_words.entries[i]);
}

/*
 * Can token i follow "a"/"an" in a number: does it start like a
 * denominator, a scale or a duration unit (after_article)?  "a" is the
 * commonest word may_start lets through; one load turns away "a new",
 * "a lot" before any lexicon is looked up.
 */
bool
cl_maybe_after_article(const NcDoc *doc, uint32_t i)
{
	uint32_t	k = cl_tok_key4((const unsigned char *) doc->text, doc->len, &doc->toks[i]);

	/* "a-third": fraction_words reads past the dash */
	return nc_lex_prefix_maybe(&after_article, k) || cl_is_dash(doc, i);
}

static bool
parse_words(const ClCtx *c, uint32_t i, ClNum *out)
{
	const NcDoc *doc = c->doc;
	/* zero, as cl_dec_int(0) makes it: spelt out, most calls never use it */
	ClDec		total = {0, 0, false, true},
				group = {0, 0, false, true};
	enum
	{
		L_NONE, L_UNIT, L_TEEN, L_TENS, L_HUNDRED, L_SCALE
	}			last = L_NONE;
	int			last_exp = 0;
	uint32_t	j = i,
				end = i,
				nwords = 0;
	uint64_t	v;
	int			exp;
	bool		proper;
	ClDec		frac;
	uint32_t	fend;
	int			wc0 = WC_NONE;	/* word_class of token i, when known */
	uint64_t	v0 = 0;

	out->flags = CL_NF_WORDS;
	/* multiplier and frequency words */
	{
		uint32_t	n = nc_tok_len(doc, i);
		const char *p = nc_tok_ptr(doc, i);

		if (cl_tok_is(doc, i, "once") || cl_tok_is(doc, i, "twice") || cl_tok_is(doc, i, "thrice"))
		{
			out->v = cl_dec_int(cl_tok_is(doc, i, "once") ? 1 : cl_tok_is(doc, i, "twice") ? 2 : 3);
			out->flags |= CL_NF_ONCE;
			out->end = i + 1;
			return true;
		}
		if (n > 4 && n < 24 && memcmp(p + n - 4, "fold", 4) == 0)
		{
			const NcLexEntry *e = nc_lex_find_lower(&nc_lex_claim_numwords, p, n - 4);
			const NcLexEntry *s = nc_lex_find_lower(&nc_lex_claim_scales, p, n - 4);

			if (e != NULL || (s != NULL && s->value[0] != 'x'))
			{
				out->v = e ? cl_dec_int(parse_u64(e->value)) : cl_dec_shift(cl_dec_int(1), (int32_t) parse_u64(s->value));
				out->flags |= CL_NF_MULT;
				out->end = i + 1;
				return out->v.ok;
			}
		}
	}
	/*
	 * Any other start is a cardinal word ("two thirds" too): one lookup
	 * turns away the words may_start let through ("several", "third", "fourth")
	 * before the fraction and the loop below look them up again.
	 */
	if (!is_article(doc, i) && !cl_tok_is(doc, i, "half") && !cl_tok_is(doc, i, "quarter"))
	{
		/* word_class's UNIT, TEEN and TENS: a valued claim_numwords entry */
		const NcLexEntry *e = cl_lex_tok(&nc_lex_claim_numwords, doc, i);

		if (e == NULL || e->value == NULL)
			return false;
		/* what word_class(i) says, kept: the fraction and the loop ask */
		v0 = parse_u64(e->value);
		wc0 = cardinal_class(v0);
	}
	/* article starts: a hundred, a dozen, a third, a year */
	if (is_article(doc, i))
	{
		int			wc;

		if (i + 1 >= c->send || !cl_maybe_after_article(doc, i + 1))
			return false;
		if (fraction_words(c, i, &frac, &fend, &proper, false))
		{
			out->v = frac;
			out->end = fend;
			if (proper)
				out->flags |= CL_NF_FRACTION;
			if (fend < c->send && cl_lex_tok(&nc_lex_claim_units, doc, fend) != NULL)
				out->flags &= ~CL_NF_FRACTION;
			return true;
		}
		wc = word_class(doc, i + 1, &v, &exp);
		if (wc == WC_HUNDRED || wc == WC_SCALE || wc == WC_DOZEN)
		{
			if (nc_tok_len(doc, i + 1) > 0 && nc_tok_ptr(doc, i + 1)[nc_tok_len(doc, i + 1) - 1] == 's')
				return false;	/* "a thousands" is not English */
			group = cl_dec_int(1);
			last = L_UNIT;
			j = i + 1;
			nwords = 1;
		}
		else if (article_duration(doc, i + 1))
		{
			out->v = cl_dec_int(1);
			out->flags |= CL_NF_DUR_A | CL_NF_ONE;
			out->end = i + 1;
			return true;
		}
		else
			return false;
	}
	/* half a million, quarter of a century, half of the votes */
	if (last == L_NONE && (cl_tok_is(doc, i, "half") || cl_tok_is(doc, i, "quarter")))
	{
		uint64_t	den = cl_tok_is(doc, i, "half") ? 2 : 4;
		uint32_t	k = i + 1;
		ClDec		part = cl_dec_div(cl_dec_int(1), den);

		if (k < c->send && cl_tok_is(doc, k, "of") && k + 1 < c->send && is_article(doc, k + 1))
			k += 2;
		else if (k < c->send && is_article(doc, k))
			k++;
		if (k < c->send)
		{
			int			wc = word_class(doc, k, &v, &exp);

			if (wc == WC_SCALE || wc == WC_HUNDRED)
			{
				out->v = cl_dec_shift(part, exp);
				out->flags |= CL_NF_SCALED;
				out->end = k + 1;
				return out->v.ok;
			}
			if (wc == WC_DOZEN)
			{
				out->v = cl_dec_mul(part, v);
				out->end = k + 1;
				return out->v.ok;
			}
			if (k > i + 1 && article_duration(doc, k))
			{
				/* "half a century": the unit multiplies */
				out->v = part;
				out->end = k;
				return true;
			}
		}
		if (den == 2 && ((i + 1 < c->send && (cl_tok_is(doc, i + 1, "of") || cl_tok_is(doc, i + 1, "the"))) ||
						 (i > c->sfirst && (cl_tok_is(doc, i - 1, "than") || cl_tok_is(doc, i - 1, "nearly") ||
											cl_tok_is(doc, i - 1, "almost") || cl_tok_is(doc, i - 1, "about") ||
											cl_tok_is(doc, i - 1, "around") || cl_tok_is(doc, i - 1, "roughly")))))
		{
			out->v = part;
			out->flags |= CL_NF_FRACTION;
			out->end = i + 1;
			return true;
		}
		return false;
	}
	/* a fraction: two thirds, one-eighth */
	if (wc0 != WC_NONE ? fraction_after(c, i, v0, &frac, &fend, &proper, false) :
		fraction_words(c, i, &frac, &fend, &proper, false))
	{
		out->v = frac;
		out->end = fend;
		if (proper)
			out->flags |= CL_NF_FRACTION;
		if (fend < c->send && cl_lex_tok(&nc_lex_claim_units, doc, fend) != NULL)
			out->flags &= ~CL_NF_FRACTION;
		/* "two thirds of a million" */
		if (fend + 2 < c->send && cl_tok_is(doc, fend, "of") && is_article(doc, fend + 1) &&
			word_class(doc, fend + 2, &v, &exp) == WC_SCALE)
		{
			out->v = cl_dec_shift(frac, exp);
			out->flags = CL_NF_WORDS | CL_NF_SCALED;
			out->end = fend + 3;
		}
		return out->v.ok;
	}
	while (j < c->send && nwords < 64)
	{
		int			wc;

		if (j == i && wc0 != WC_NONE)
		{
			wc = wc0;
			v = v0;
		}
		else
			wc = word_class(doc, j, &v, &exp);

		if (wc == WC_UNIT || wc == WC_TEEN || wc == WC_TENS)
		{
			if (last == L_UNIT || last == L_TEEN)
				break;
			if (last == L_TENS && wc != WC_UNIT)
				break;
			/* a digit word right after a tens word must not be a fraction's
			 * numerator of another number ("twenty one fifths" is fine) */
			group = cl_dec_add(group, cl_dec_int(v));
			last = wc == WC_UNIT ? L_UNIT : wc == WC_TEEN ? L_TEEN : L_TENS;
		}
		else if (wc == WC_HUNDRED)
		{
			if (last == L_NONE || last == L_HUNDRED || last == L_SCALE)
				break;
			group = cl_dec_shift(group, 2);
			last = L_HUNDRED;
		}
		else if (wc == WC_SCALE)
		{
			if (last == L_NONE)
				break;
			if (last == L_SCALE)
			{
				if (exp <= last_exp)
					break;
				total = cl_dec_shift(total, exp);	/* lakh crore */
			}
			else
			{
				total = cl_dec_add(total, cl_dec_shift(group, exp));
				group = cl_dec_int(0);
			}
			last = L_SCALE;
			last_exp = exp;
		}
		else if (wc == WC_DOZEN)
		{
			if (last == L_NONE)
				break;
			group = cl_dec_mul(group, v);
			last = L_SCALE;
			last_exp = 0;
		}
		else if (cl_is_dash(doc, j) && last == L_TENS && j + 1 < c->send &&
				 word_class(doc, j + 1, &v, &exp) == WC_UNIT)
		{
			j++;
			continue;
		}
		else if (cl_tok_is(doc, j, "and") && j + 1 < c->send)
		{
			int			wc2 = word_class(doc, j + 1, &v, &exp);

			/* fraction tail: and a half, and three quarters */
			if (last != L_NONE && fraction_words(c, j + 1, &frac, &fend, &proper, true) && proper)
			{
				if (last == L_SCALE && last_exp > 0)
					total = cl_dec_add(total, cl_dec_shift(frac, last_exp));
				else
					group = cl_dec_add(group, frac);
				end = fend;
				j = fend;
				nwords += 2;
				last = L_UNIT;
				continue;
			}
			if ((last == L_HUNDRED || last == L_SCALE) &&
				(wc2 == WC_UNIT || wc2 == WC_TEEN || wc2 == WC_TENS))
			{
				j++;
				continue;
			}
			break;
		}
		else if (cl_tok_is(doc, j, "point") && last != L_NONE && last != L_SCALE &&
				 point_decimals(c, j, &frac, &fend))
		{
			group = cl_dec_add(group, frac);
			j = fend;
			end = fend;
			nwords++;
			out->flags |= CL_NF_DECIMAL;
			break;
		}
		else
			break;
		nwords++;
		j++;
		end = j;
	}
	if (nwords == 0 || end == i)
		return false;
	out->v = cl_dec_add(total, group);
	out->end = end;
	/* "twenty-three fifths", "ninety-five hundred fifths": plural
	 * denominators divide the whole number */
	if (end < c->send && (last == L_UNIT || last == L_TEEN || last == L_TENS || last == L_HUNDRED))
	{
		uint64_t	den;
		uint32_t	pl = nc_tok_len(doc, end);
		uint32_t	k = end;

		if (cl_is_dash(doc, k) && cl_glued(doc, k) && k + 1 < c->send)
			k++;
		pl = nc_tok_len(doc, k);
		if (denominator_at(doc, k, &den) && den > 2 && nc_tok_ptr(doc, k)[pl - 1] == 's')
		{
			out->v = cl_dec_div(out->v, den);
			out->end = k + 1;
			if (cl_dec_cmp(out->v, cl_dec_int(1)) < 0)
				out->flags |= CL_NF_FRACTION;
			return out->v.ok;
		}
	}
	if (last == L_SCALE && last_exp >= 3)
	{
		out->flags |= CL_NF_SCALED;
		out->scale = last_exp;
	}
	/* a fraction after a whole number: "twenty three fifths" handled as
	 * whole + fraction is rare in news; left as the whole number */
	if (nwords == 1 && cl_tok_is(doc, i, "one"))
		out->flags |= CL_NF_ONE;
	return out->v.ok;
}

/* "3/4", "1/2": a proper fraction with a usual denominator */
static bool
slash_fraction(const NcDoc *doc, uint32_t i, ClDec *v)
{
	const char *p = nc_tok_ptr(doc, i);
	uint32_t	n = nc_tok_len(doc, i);
	uint64_t	a = 0,
				b = 0;
	uint32_t	k = 0;

	while (k < n && p[k] >= '0' && p[k] <= '9' && a < 1000000)
		a = a * 10 + (uint64_t) (p[k++] - '0');
	if (k == 0 || k >= n || p[k] != '/')
		return false;
	k++;
	if (k >= n)
		return false;
	while (k < n && p[k] >= '0' && p[k] <= '9' && b < 1000000)
		b = b * 10 + (uint64_t) (p[k++] - '0');
	if (k != n || a == 0 || a >= b)
		return false;
	if (!(b == 2 || b == 3 || b == 4 || b == 5 || b == 8 || b == 10 || b == 16 ||
		  b == 32 || b == 64 || b == 100 || b == 1000))
		return false;
	*v = cl_dec_div(cl_dec_int(a), b);
	return v->ok;
}

/*
 * Which of ':' (bit 0) and '/' (bit 1) p[0..n) holds: one pass over a
 * number token, most of them a few digits.
 */
static unsigned
colon_slash(const char *p, uint32_t n)
{
	unsigned	found = 0;

	for (uint32_t k = 0; k < n; k++)
		found |= (unsigned) (p[k] == ':') | (unsigned) (p[k] == '/') << 1;
	return found;
}

/* Whitespace between tokens i-1 and i is one space (or a no-break space). */
static bool
single_space_before(const NcDoc *doc, uint32_t i)
{
	uint32_t	gap = doc->toks[i].start - doc->toks[i - 1].end;
	const unsigned char *g = (const unsigned char *) doc->text + doc->toks[i - 1].end;

	if (gap == 1)
		return g[0] == ' ';
	if (gap == 2)
		return g[0] == 0xC2 && g[1] == 0xA0;
	if (gap == 3)
		return g[0] == 0xE2 && g[1] == 0x80 && (g[2] == 0xAF || g[2] == 0x89);
	return false;
}

static bool
parse_digits(const ClCtx *c, uint32_t i, ClNum *out)
{
	const NcDoc *doc = c->doc;
	const char *p = nc_tok_ptr(doc, i);
	uint32_t	n = nc_tok_len(doc, i);
	uint32_t	j = i + 1;
	ClDec		fr;
	unsigned	cs = colon_slash(p, n);

	out->flags = 0;
	if ((cs & 1) || p[0] == '\'' || p[n - 1] == 's' || p[n - 1] == 'S')
		return false;
	if (cs & 2)
	{
		if (!slash_fraction(doc, i, &out->v))
			return false;
		out->flags |= CL_NF_FRACTION;
		out->end = i + 1;
		return true;
	}
	out->v = cl_dec_from_digits(p, n, &out->flags);
	if (!out->v.ok)
		return false;
	/* "1 234 567", "40 000": groups of three after a short lead */
	if (out->flags == 0 && n <= 3)
	{
		uint32_t	k = j;
		ClDec		acc = out->v;

		while (k < c->send && doc->toks[k].kind == NC_TK_NUMBER && nc_tok_len(doc, k) >= 3 &&
			   single_space_before(doc, k))
		{
			uint32_t	f = 0;
			uint32_t	gl = nc_tok_len(doc, k);
			ClDec		g = cl_dec_from_digits(nc_tok_ptr(doc, k), gl, &f);

			/* three digits, or three digits and decimals to end the number */
			if (!g.ok || (gl == 3 ? f != 0 : (f != CL_NF_DECIMAL || nc_tok_ptr(doc, k)[3] != '.')))
				break;
			acc = cl_dec_add(cl_dec_shift(acc, 3), g);
			k++;
			if (gl > 3)
			{
				out->flags |= CL_NF_DECIMAL;
				break;
			}
		}
		if (k > j && acc.ok)
		{
			out->v = acc;
			out->flags |= CL_NF_GROUPED;
			j = k;
		}
	}
	/* mixed number: 10 1/2 */
	if (j < c->send && doc->toks[j].kind == NC_TK_NUMBER && !cl_glued(doc, j) &&
		!(out->flags & CL_NF_DECIMAL) && slash_fraction(doc, j, &fr))
	{
		out->v = cl_dec_add(out->v, fr);
		j++;
	}
	/* scales: 1.13bn, 2 million, 10k, three lakh crore */
	for (int k = 0, prev = 0; k < 3 && j < c->send; k++)
	{
		int			exp;
		uint64_t	mult;
		bool		sm;

		if (!scale_at(c, j, true, &exp, &mult, &sm))
			break;
		if (k > 0 && (sm || exp <= prev))
			break;
		/* a spaced single letter other than k/M is a unit, not a scale */
		if (mult != 1)
			out->v = cl_dec_mul(out->v, mult);
		else
		{
			out->v = cl_dec_shift(out->v, exp);
			out->flags |= CL_NF_SCALED;
			out->scale = exp;
		}
		if (sm)
			out->flags |= CL_NF_SUFFIXM;
		prev = exp;
		j++;
	}
	/* "3 million and a half" */
	if (out->scale > 0 && j + 2 < c->send && cl_tok_is(doc, j, "and"))
	{
		ClDec		frac;
		uint32_t	fend;
		bool		proper;

		if (fraction_words(c, j + 1, &frac, &fend, &proper, true) && proper)
		{
			out->v = cl_dec_add(out->v, cl_dec_shift(frac, out->scale));
			j = fend;
		}
	}
	out->end = j;
	return out->v.ok;
}

/*
 * The number written at token i of the current sentence, if any: fills
 * out->v, out->first = i, out->end and out->flags.
 */
bool
cl_parse_number(const ClCtx *c, uint32_t i, ClNum *out)
{
	const NcToken *t = &c->doc->toks[i];

	memset(out, 0, sizeof(*out));
	out->first = i;
	if (t->kind == NC_TK_NUMBER)
		return parse_digits(c, i, out);
	if (t->kind == NC_TK_WORD)
		return parse_words(c, i, out);
	if (t->kind == NC_TK_SYMBOL)
	{
		/* vulgar fractions ½ ¼ ¾ ⅓ ⅔ */
		static const struct
		{
			const char *s;
			uint64_t	a,
						b;
		}			vf[] = {
			{"½", 1, 2}, {"¼", 1, 4}, {"¾", 3, 4}, {"⅓", 1, 3}, {"⅔", 2, 3},
			{"⅕", 1, 5}, {"⅙", 1, 6}, {"⅛", 1, 8}, {"⅜", 3, 8}, {"⅝", 5, 8}, {"⅞", 7, 8}
		};

		for (size_t k = 0; k < sizeof(vf) / sizeof(vf[0]); k++)
			if (nc_tok_len(c->doc, i) == strlen(vf[k].s) &&
				memcmp(nc_tok_ptr(c->doc, i), vf[k].s, strlen(vf[k].s)) == 0)
			{
				out->v = cl_dec_div(cl_dec_int(vf[k].a), vf[k].b);
				out->flags = CL_NF_FRACTION;
				out->end = i + 1;
				return out->v.ok;
			}
	}
	return false;
}
