/*
 * claims.c
 *		Numeric claims: the driver.  One left-to-right pass over the tokens
 *		of each sentence; at each token the number grammar (claims_number.c)
 *		is tried, then the currency before it and the unit after it
 *		(claims_unit.c), the filters (claims_filter.c), a range partner, the
 *		approximators around it (claims_range.c), and finally what it counts
 *		and who claims it (claims_object.c).
 *
 * Linear: every token is looked at a bounded number of times (the grammar
 * looks a few tokens ahead, the approximators at most six back), and a
 * claim's tokens are never parsed again.
 */
#include <pthread.h>
#include <string.h>

#include "claims_internal.h"
#include "lexicon_data.h"

typedef struct ClOut
{
	NcClaim    *claims;
	uint32_t	n;
	uint32_t	cap;
} ClOut;

/*
 * The cues of token i: the letters lexicon/claim_context_words.txt gives the
 * word (its header says what each means), or "" for a word it does not
 * know; looked up with ASCII case folded, whatever the token's kind.
 */
const char *
cl_cues(const NcDoc *doc, uint32_t i)
{
	const NcLexEntry *e = nc_lex_find_lower(&nc_lex_claim_context_words, nc_tok_ptr(doc, i),
											nc_tok_len(doc, i));

	return e != NULL && e->value != NULL ? e->value : "";
}

/* Token i gives the cue cls: one lookup, whatever the list. */
bool
cl_cue(const NcDoc *doc, uint32_t i, char cls)
{
	return strchr(cl_cues(doc, i), cls) != NULL;
}

/* "6.5 times earnings", "twice as loud": "times" at en makes a multiplier */
static bool
times_mult(const ClCtx *c, uint32_t en)
{
	const NcDoc *doc = c->doc;
	const char *cues;

	if (en + 1 >= c->send || !cl_tok_is(doc, en, "times"))
		return false;
	if (NC_TK_IS_QUOTE(doc->toks[en + 1].kind) && en + 2 < c->send)
		en++;					/* between "two and three times" the ... */
	cues = cl_cues(doc, en + 1);
	if (strchr(cues, 't'))
		return true;			/* a comparison: "three times higher" */
	return doc->toks[en + 1].kind == NC_TK_WORD && !strchr(cues, 'f') &&
		!(doc->toks[en + 1].flags & NC_TF_CAP);
}

static bool
is_currency_unit(const char *u)
{
	return u != NULL && strncmp(u, "currency:", 9) == 0;
}

/* A fully read quantity: number, currency, unit, sign. */
typedef struct ClQty
{
	ClNum		n;
	uint32_t	first;			/* span incl. currency and sign */
	uint32_t	end;			/* span incl. unit */
	const char *unit;			/* explicit unit, or NULL */
	bool		currency;
	bool		age;
} ClQty;

static bool
metres_context(const ClCtx *c, uint32_t j)
{
	if (j >= c->send || c->doc->toks[j].kind != NC_TK_WORD)
		return true;
	return cl_cue(c->doc, j, 'm');
}

/* Read the quantity whose number starts at i; lo: earliest token usable. */
static bool
read_qty(const ClCtx *c, uint32_t i, uint32_t lo, ClQty *q)
{
	const NcDoc *doc = c->doc;
	const char *cur = NULL;
	uint32_t	cur_first = i;
	ClUnit		u;

	memset(q, 0, sizeof(*q));
	if (!cl_parse_number(c, i, &q->n))
		return false;
	q->first = i;
	q->end = q->n.end;
	if (doc->toks[i].kind == NC_TK_NUMBER || doc->toks[i].kind == NC_TK_SYMBOL)
		q->currency = cl_currency_before(c, i, lo, &cur, &cur_first);
	if (q->currency)
	{
		q->unit = cur;
		q->first = cur_first;
	}
	if (cl_unit_after(c, &q->n, q->currency, &u))
	{
		if (!q->currency || is_currency_unit(u.unit))
		{
			if (!q->currency)
				q->unit = u.unit;
			q->end = u.end;
			q->age = u.age;
			if (u.mult > 1)
				q->n.v = cl_dec_mul(q->n.v, u.mult);
		}
	}
	/* a glued "m" is metres where no money is in sight */
	if ((q->n.flags & CL_NF_SUFFIXM) && !q->currency && q->unit == NULL &&
		metres_context(c, q->n.end))
	{
		q->n.v = cl_dec_shift(q->n.v, -6);
		q->n.flags &= ~CL_NF_SCALED;
		q->unit = "m";
	}
	/* ".25", ".08": a decimal without its zero */
	if (q->first == i && i > lo && doc->toks[i].kind == NC_TK_NUMBER && cl_glued(doc, i) &&
		cl_is_punct(doc, i - 1, '.') && (i - 1 == c->sfirst || !cl_glued(doc, i - 1)) &&
		q->n.flags == 0 && q->n.scale == 0)
	{
		uint32_t	nd = nc_tok_len(doc, i);

		if (q->n.end == i + 1 || doc->toks[q->n.end - 1].kind != NC_TK_NUMBER)
		{
			/* digits after the point, trailing zeros included */
			q->n.v = cl_dec_shift(cl_dec_from_digits(nc_tok_ptr(doc, i), nd, &q->n.flags), -(int32_t) nd);
			q->n.flags |= CL_NF_DECIMAL;
			q->n.flags &= ~CL_NF_YEARLIKE;
			q->first = i - 1;
			q->n.first = i - 1;
		}
	}
	/* negative: -5, minus five */
	if (q->first > lo && doc->toks[i].kind == NC_TK_NUMBER)
	{
		uint32_t	k = q->first - 1;

		if (cl_is_dash(doc, k) && nc_tok_len(doc, k) == 1 && cl_glued(doc, q->first) &&
			(k == c->sfirst || !cl_glued(doc, k) ||
			 (doc->toks[k - 1].kind == NC_TK_SYMBOL && !cl_is_punct(doc, k - 1, '^'))) &&
			(k == c->sfirst || doc->toks[k - 1].kind != NC_TK_NUMBER))
		{
			q->n.v.neg = true;
			q->first = k;
		}
	}
	if (q->first > lo && (cl_tok_is(doc, q->first - 1, "minus") || cl_tok_is(doc, q->first - 1, "negative")))
	{
		q->n.v.neg = true;
		q->first--;
	}
	return q->n.v.ok;
}

static bool
push_claim(const NcEnv *env, ClOut *o, const NcClaim *cl)
{
	if (!nc_reserve(env, (void **) &o->claims, &o->cap, o->n + 1, sizeof(NcClaim)))
		return false;
	o->claims[o->n++] = *cl;
	return true;
}

/* Is this a yearlike plain number (for ranges like 2014-15)? */
static bool
plain_year(const ClQty *q)
{
	uint64_t	y;

	return (q->n.flags & CL_NF_YEARLIKE) && q->unit == NULL && !(q->n.flags & CL_NF_SCALED) &&
		cl_dec_is_int(q->n.v, &y) && y >= 1900 && y <= 2099;
}

typedef struct ClBuilt
{
	NcClaim		cl;
	ClDec		v;
	ClDec		vmax;
	bool		has_max;
	uint32_t	skip_to;		/* where scanning resumes */
	bool		emit;
} ClBuilt;

static void
build(const ClCtx *c, uint32_t i, uint32_t lo, ClBuilt *b)
{
	const NcDoc *doc = c->doc;
	ClQty		q,
				r;
	const char *unit;
	int			approx = -1;
	uint32_t	st,
				en,
				afirst = 0;
	bool		is_range = false,
				ratio = false;
	ClDec		vmax = {0, 0, false, false};
	bool		between = false;
	bool		words_only;

	memset(b, 0, sizeof(*b));
	b->skip_to = i + 1;
	if (!read_qty(c, i, lo, &q))
	{
		/* what the grammar read (an overflowing run) is not read again */
		if (q.n.end > i + 1)
			b->skip_to = q.n.end;
		return;
	}
	b->skip_to = q.end > i ? q.end : i + 1;
	st = q.first;
	en = q.end;
	afirst = st;
	unit = q.unit;
	words_only = (q.n.flags & CL_NF_WORDS) && !(q.n.flags & CL_NF_SCALED) && unit == NULL;

	/* approximators before */
	approx = cl_approx_before(c, st, lo, words_only, &afirst);
	if (approx < 0 && st > lo + 1 && doc->toks[i].kind == NC_TK_NUMBER &&
		(cl_tok_is(doc, st - 1, "a") || cl_tok_is(doc, st - 1, "an")))
	{
		approx = cl_approx_before(c, st - 1, lo, words_only, &afirst);
	}
	/* sub-300 sq m */
	if (approx < 0 && st > lo + 1 && cl_is_dash(doc, st - 1) && cl_glued(doc, st) &&
		cl_tok_is(doc, st - 2, "sub") && cl_glued(doc, st - 1))
	{
		approx = NC_APPROX_LESS_THAN;
		afirst = st - 2;
	}
	/* "over two years" is a period, not a bound (but "over 30 years old") */
	if (approx == NC_APPROX_MORE_THAN || approx == NC_APPROX_LESS_THAN)
	{
		if (unit != NULL && strncmp(unit, "duration:", 9) == 0 && !q.age &&
			(cl_tok_is(doc, afirst, "over") || cl_tok_is(doc, afirst, "under")))
			approx = -1;
	}

	if (cl_not_a_claim(c, &q.n, q.currency, q.unit != NULL, approx >= 0))
		return;

	/* "a year": not a rate ("£35,000 a year", "barrels a day") */
	if (q.n.flags & CL_NF_DUR_A)
	{
		uint32_t	p = q.first;

		if (unit == NULL)
			return;
		if (p > c->sfirst)
		{
			const NcToken *pt = &doc->toks[p - 1];
			uint32_t	pl = nc_tok_len(doc, p - 1);

			if (p == lo || pt->kind == NC_TK_NUMBER || pt->kind == NC_TK_SYMBOL ||
				cl_tok_is(doc, p - 1, "per") || cl_tok_is(doc, p - 1, "every") ||
				cl_tok_is(doc, p - 1, "once") || cl_tok_is(doc, p - 1, "twice") ||
				cl_tok_is(doc, p - 1, "times") || cl_tok_is(doc, p - 1, "than") ||
				(pt->kind == NC_TK_WORD && !(pt->flags & NC_TF_CAP) && pl > 3 &&
				 nc_tok_ptr(doc, p - 1)[pl - 1] == 's' && !cl_tok_is(doc, p - 1, "was") &&
				 !cl_tok_is(doc, p - 1, "has") && !cl_tok_is(doc, p - 1, "takes")))
				return;
		}
		if (en < c->send && (cl_tok_is(doc, en, "earlier") || cl_tok_is(doc, en, "later") ||
							 cl_tok_is(doc, en, "before") || cl_tok_is(doc, en, "on")))
			return;
		/* "in a year with no new consoles": a description, not a span */
		if (en < c->send && p > c->sfirst && cl_tok_is(doc, p - 1, "in") &&
			(cl_tok_is(doc, en, "with") || cl_tok_is(doc, en, "when") || cl_tok_is(doc, en, "where") ||
			 cl_tok_is(doc, en, "of") || cl_tok_is(doc, en, "that")))
			return;
		/* a rate after a quantity: "2.4 billion gallons of fuel a year" */
		if (lo > c->sfirst && p >= lo && p - lo <= 5)
		{
			bool		prep = false;

			for (uint32_t k = lo; k < p; k++)
				if (cl_tok_is(doc, k, "in") || cl_tok_is(doc, k, "for") || cl_tok_is(doc, k, "over") ||
					cl_tok_is(doc, k, "within") || cl_tok_is(doc, k, "after") ||
					cl_tok_is(doc, k, "than") || cl_tok_is(doc, k, "during") ||
					doc->toks[k].kind == NC_TK_PUNCT)
					prep = true;
			if (!prep)
				return;
		}
	}

	/* once / twice: frequencies, or multipliers before a comparison */
	if (q.n.flags & CL_NF_ONCE)
	{
		if (en < c->send && cl_cue(doc, en, 't') && !cl_tok_is(doc, en, "over"))
			unit = "times";
		else
		{
			unit = "count";
			if (en + 1 < c->send && (cl_tok_is(doc, en, "a") || cl_tok_is(doc, en, "an") ||
									 cl_tok_is(doc, en, "per") || cl_tok_is(doc, en, "every")))
			{
				const NcLexEntry *e = cl_lex_tok(&nc_lex_claim_units, doc, en + 1);

				if (e != NULL && strncmp(e->value, "duration:", 9) == 0)
					en += 2;
			}
			if (cl_tok_is(doc, i, "once") && en == q.end && approx < 0)
				return;			/* "once" alone: formerly */
		}
	}
	else if (q.n.flags & CL_NF_MULT)
		unit = "times";

	/* N times: a multiplier before a comparison, else a count */
	if (unit == NULL && times_mult(c, en))
	{
		unit = "times";
		en++;
	}

	/* ages written as apposition: "Jane Doe, 44," and "aged 44" */
	if (unit == NULL && doc->toks[i].kind == NC_TK_NUMBER && !(q.n.flags & (CL_NF_DECIMAL | CL_NF_SCALED)))
	{
		uint64_t	age;

		if (cl_dec_is_int(q.n.v, &age) && age > 0 && age < 120)
		{
			if (st > c->sfirst && cl_tok_is(doc, st - 1, "aged"))
				unit = "duration:year";
			else if (st > c->sfirst + 1 && cl_is_punct(doc, st - 1, ',') &&
					 cl_mention_ending_at(c, st - 1) != NULL &&
					 cl_mention_ending_at(c, st - 1)->type == NC_ET_PERSON &&
					 (en >= c->send || cl_is_punct(doc, en, ',') || cl_is_punct(doc, en, ')')))
				unit = "duration:year";
		}
	}

	/* ranges: between X and Y, X to Y, X-Y, from X to Y */
	{
		uint32_t	k = en;
		bool		from = false;
		bool		change_from = false;
		uint32_t	pre = approx >= 0 ? afirst : st;

		if (pre > lo && cl_tok_is(doc, pre - 1, "between"))
			between = true;
		else if (pre > lo + 1 && NC_TK_IS_QUOTE(doc->toks[pre - 1].kind) &&
				 cl_tok_is(doc, pre - 2, "between"))
		{
			between = true;
			pre--;
		}
		if (pre > lo && cl_tok_is(doc, pre - 1, "from"))
		{
			if (pre - 1 > c->sfirst && cl_cue(doc, pre - 2, 'c'))
				change_from = true;
			else
				from = true;
		}
		if (k + 1 < c->send &&
			((between && cl_tok_is(doc, k, "and")) ||
			 (!between && (cl_tok_is(doc, k, "to") || cl_tok_is(doc, k, "through") ||
						   cl_is_punct(doc, k, '~') ||
						   (cl_is_dash(doc, k) && (cl_glued(doc, k) == cl_glued(doc, k + 1)))))))
		{
			uint32_t	j = k + 1;
			bool		by = change_from || (pre > c->sfirst && (cl_tok_is(doc, pre - 1, "by") ||
																   cl_cue(doc, pre - 1, 'c')));

			if (doc->toks[j].kind == NC_TK_SYMBOL && j + 1 < c->send &&
				doc->toks[j + 1].kind == NC_TK_NUMBER)
				j++;
			else if (doc->toks[j].kind == NC_TK_WORD && j + 1 < c->send &&
					 doc->toks[j + 1].kind == NC_TK_SYMBOL && cl_glued(doc, j + 1))
				j += 2;		/* US$ */
			if (j < c->send && read_qty(c, j, k + 1, &r) && r.first >= k + 1 &&
				!(r.n.flags & (CL_NF_DUR_A | CL_NF_ONCE)) &&
				(!(r.n.flags & CL_NF_ONE) || cl_tok_is(doc, k, "to")) &&
				!plain_year(&q) && !plain_year(&r))
			{
				const char *ru;
				bool		ucompat;
				ClDec		lv = q.n.v;
				uint64_t	one;

				if (r.unit == NULL && times_mult(c, r.end))
				{
					r.unit = "times";
					r.end++;
				}
				ru = r.unit;
				ucompat = unit == NULL || ru == NULL || strcmp(unit, ru) == 0;

				/* "between 5 and 10 million": the scale is shared */
				if ((r.n.flags & CL_NF_SCALED) && !(q.n.flags & CL_NF_SCALED) && r.n.scale > 0)
				{
					ClDec		scaled = cl_dec_shift(lv, r.n.scale);

					if (scaled.ok && cl_dec_cmp(scaled, r.n.v) < 0 && cl_dec_cmp(lv, cl_dec_int(1000)) < 0)
						lv = scaled;
				}
				if (cl_tok_is(doc, k, "to") && cl_dec_is_int(r.n.v, &one) && one == 1 &&
					ru == NULL && unit == NULL && cl_dec_cmp(lv, r.n.v) > 0 && !lv.neg)
				{
					ratio = true;
					en = r.end;
				}
				else if (ucompat && !(r.n.flags & CL_NF_ONE) && !r.n.v.neg &&
						 (lv.neg ? lv.mant != 0 : cl_dec_cmp(lv, r.n.v) < 0) &&
						 (between || from || !by))
				{
					is_range = true;
					q.n.v = lv;
					vmax = r.n.v;
					en = r.end;
					if (unit == NULL)
						unit = r.unit;
					if (r.age)
						q.age = true;
					if (between || from)
					{
						if (approx < 0)
						{
							afirst = pre - 1;
							approx = NC_APPROX_EXACT;
						}
						else
							afirst = pre - 1;
					}
				}
			}
		}
	}

	/* fractions: one in five, 2 out of 5 */
	if (!is_range && !ratio && unit == NULL && en + 1 < c->send &&
		!(q.n.flags & (CL_NF_FRACTION | CL_NF_SCALED | CL_NF_DECIMAL)))
	{
		uint32_t	j = 0;
		bool		over = false;

		if (cl_tok_is(doc, en, "in"))
			j = en + 1;
		else if (cl_tok_is(doc, en, "over") && approx < 0)
		{
			j = en + 1;
			over = true;
		}
		else if (en + 2 < c->send && cl_tok_is(doc, en, "out") && cl_tok_is(doc, en + 1, "of"))
			j = en + 2;
		if (j != 0 && j < c->send && read_qty(c, j, j, &r) && r.unit == NULL &&
			!(r.n.flags & (CL_NF_YEARLIKE | CL_NF_SCALED | CL_NF_DECIMAL | CL_NF_FRACTION | CL_NF_DUR_A)) &&
			(over || cl_dec_cmp(q.n.v, r.n.v) < 0) && q.n.v.mant > 0 && r.n.v.mant > 0 &&
			(!over || r.end >= c->send || doc->toks[r.end].kind != NC_TK_WORD ||
			 cl_lex_tok(&nc_lex_claim_units, doc, r.end) == NULL))
		{
			uint64_t	a,
						bb;

			if (cl_dec_is_int(q.n.v, &a) && cl_dec_is_int(r.n.v, &bb) && bb > 0 && bb <= 1000000)
			{
				bool		neg = q.n.v.neg;

				q.n.v = cl_dec_div(cl_dec_int(a), bb);
				q.n.v.neg = neg;
				if (a < bb)
					q.n.flags |= CL_NF_FRACTION;
				en = r.end;
			}
		}
	}

	/* bounds after: 50 or more, 40-plus */
	{
		uint32_t	aend;
		const char *key = NULL;
		int			post = cl_approx_after(c, en, &aend, &key);

		if (post >= 0)
		{
			if (key != NULL && strncmp(key, "or equal", 8) == 0)
			{
				if (approx == NC_APPROX_LESS_THAN)
					approx = NC_APPROX_AT_MOST;
				else if (approx == NC_APPROX_MORE_THAN)
					approx = NC_APPROX_AT_LEAST;
				else
					approx = -1;
				if (approx >= 0)
					en = aend;
			}
			else if (approx < 0 || approx == NC_APPROX_EXACT)
			{
				approx = post;
				en = aend;
			}
			if (key != NULL && strcmp(key, "or equal") == 0 && en < c->send && cl_tok_is(doc, en, "to"))
				en++;
		}
	}

	if (unit == NULL)
	{
		if (ratio)
			unit = "ratio";
		else if ((q.n.flags & CL_NF_FRACTION) && cl_dec_cmp(q.n.v, cl_dec_int(1)) < 0)
			unit = "fraction";
		else
			unit = "count";
	}
	if (ratio)
		unit = "ratio";

	if (approx >= 0 && afirst < st)
		st = afirst;
	if (approx < 0)
		approx = NC_APPROX_EXACT;

	b->cl.tok_first = st;
	b->cl.tok_end = en;
	b->cl.sentence = doc->toks[i].sentence;
	b->cl.unit = unit;
	b->cl.approx = (uint8_t) approx;
	b->cl.quote = -1;
	b->cl.object_first = -1;
	b->cl.object_end = -1;
	b->cl.value = NULL;
	b->cl.value_max = NULL;
	/* keep the values until the caller allocates their strings */
	b->emit = true;
	b->skip_to = en;
	b->cl.source = NULL;
	b->cl.source_len = 0;
	b->v = q.n.v;
	b->has_max = is_range;
	b->vmax = vmax;
}

/*
 * The words the number grammar (claims_number.c) knows by themselves, by
 * their first four bytes: "a", "an", half, quarter, once, twice, thrice.
 * One load: a table of 16 slots, each key in the slot its hash picks (two
 * keys in one slot would be an initializer given twice, which -Wextra
 * reports); an empty slot's 0 is no token's key.
 */
#define GW_SLOT(k) (((uint32_t) (k) * UINT32_C(2654435761)) >> 28)
#define GW(a, b, c, d) [GW_SLOT(NC_LEX_KEY4(a, b, c, d))] = NC_LEX_KEY4(a, b, c, d)

static const uint32_t grammar_keys[16] = {
	GW('a', 0, 0, 0), GW('a', 'n', 0, 0), GW('h', 'a', 'l', 'f'), GW('q', 'u', 'a', 'r'),
	GW('o', 'n', 'c', 'e'), GW('t', 'w', 'i', 'c'), GW('t', 'h', 'r', 'i'),
};

static inline int
grammar_word(uint32_t k)
{
	return grammar_keys[GW_SLOT(k)] == k;
}

/*
 * The token kinds a number may start at, by the hash of the token's first
 * four bytes (cl_tok_key4): any number or symbol, and a word where the
 * slot holds the first four bytes of a word parse_words can read a number
 * from: the claim_numwords keys, the grammar's words and the multipliers
 * ("sixfold": a number word or a scale, then "fold").  One load answers
 * the test made on every token of the text.  Built once per process from
 * the compiled-in lexicons and never changed after: every caller (and
 * thread) sees the same table.
 */
#define START_BITS 10
/* hashed as the lexicons' prefix filters are */
#define START_SLOT(k) nc_lex_prefix_bit(k, 32 - START_BITS)

static unsigned char start_kinds[1 << START_BITS];

/* enter the first four bytes of the entry's key (or of key + "fold") */
static void
start_add(const NcLexEntry *e, bool fold)
{
	char		buf[8];
	uint32_t	n = e->keylen < 4 ? (uint32_t) e->keylen : 4;

	memcpy(buf, e->key, n);
	memcpy(buf + n, "fold", 4);
	start_kinds[START_SLOT(cl_key4_of(buf, fold ? n + 4 : n))] |= 1 << NC_TK_WORD;
}

static void
start_build(void)
{
	memset(start_kinds, 1 << NC_TK_NUMBER | 1 << NC_TK_SYMBOL, sizeof(start_kinds));
	for (size_t i = 0; i < nc_lex_claim_numwords.count; i++)
	{
		start_add(&nc_lex_claim_numwords.entries[i], false);
		start_add(&nc_lex_claim_numwords.entries[i], true);
	}
	for (size_t i = 0; i < nc_lex_claim_scales.count; i++)
		start_add(&nc_lex_claim_scales.entries[i], true);
	for (size_t i = 0; i < sizeof(grammar_keys) / sizeof(grammar_keys[0]); i++)
		if (grammar_keys[i] != 0)
			start_kinds[START_SLOT(grammar_keys[i])] |= 1 << NC_TK_WORD;
}

/* every table of the claims, once per process */
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static void
tables_build(void)
{
	start_build();
	cl_number_build();
	cl_range_build();
	cl_unit_build();
}

/*
 * Token i passed next_start's test (its first four bytes k): a word that
 * parse_words would turn away before it reads anything, or a symbol that
 * is no currency nor vulgar fraction (two or three bytes), is not built.
 * Out of line: the few tokens that get here do not take registers from
 * the loop over all of them.
 */
static __attribute__((noinline)) bool
worth_building(const NcDoc *doc, uint32_t i, uint32_t k)
{
	const char *p = nc_tok_ptr(doc, i);
	uint32_t	n = nc_tok_len(doc, i);

	if (doc->toks[i].kind == NC_TK_SYMBOL)
		return n - 2 <= 1;
	if (doc->toks[i].kind != NC_TK_WORD || grammar_word(k))
	{
		/* "a"/"an" before a word no number after an article starts with
		 * ("a new"), or last in its sentence */
		return !((k == NC_LEX_KEY4('a', 0, 0, 0) || k == NC_LEX_KEY4('a', 'n', 0, 0)) &&
				 (i + 1 >= doc->sents[doc->toks[i].sentence].tok_end ||
				  !cl_maybe_after_article(doc, i + 1)));
	}
	/* "sixfold" */
	if (n > 4 && memcmp(p + n - 4, "fold", 4) == 0)
		return true;
	/*
	 * Else it starts as a number word does (or shares a slot with one):
	 * parse_words reads it only as a number word.  The lexicon's own
	 * prefix filter (without the grammar's words and the multipliers that
	 * share their slots in start_kinds) and what its lookup tests first
	 * turn away "though", "fifth", "thirst" before the grammar runs.
	 */
	return nc_lex_prefix_maybe(&nc_lex_claim_numwords.prefix, k) &&
		nc_lex_may_hold_lower(&nc_lex_claim_numwords, p, n);
}

/*
 * May a number start at token t, whose first four bytes are k?  No branch
 * on the word, as which way such tests go is no pattern the predictor
 * learns.
 */
static inline bool
may_start(const NcDoc *doc, const NcToken *t, uint32_t k)
{
	return ((start_kinds[START_SLOT(k)] >> t->kind) & 1) &&
		worth_building(doc, (uint32_t) (t - doc->toks), k);
}

/*
 * cl_key4_lower's mask by token length, indexed by the length's low five
 * bits: no clamp in the loop over every token.  A token of 32 bytes or
 * more gets a wrong key, so may_start may answer either way for it; either
 * is right, as parse_words reads no number from a word that long (every
 * word it knows is shorter) and takes any number or symbol.
 */
static const uint32_t len_mask[32] = {
	0, 0xFF, 0xFFFF, 0xFFFFFF,
	0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF,
	0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF,
	0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF,
	0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF,
	0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF,
	0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF,
	0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF
};

/* token t's key for may_start; four bytes from its start are in the text */
static inline uint32_t
whole_key(const unsigned char *text, const NcToken *t)
{
	return (cl_load_key4(text + t->start) | 0x20202020) & len_mask[(t->end - t->start) & 31];
}

/* start_kinds' bit for token t, whose key is k (1 or 0) */
static inline uint32_t
start_bit(const NcToken *t, uint32_t k)
{
	return (start_kinds[START_SLOT(k)] >> t->kind) & 1;
}

/*
 * The tokens of doc before the one returned, four bytes from whose start
 * are in the text (whole_key reads them): all but the last few.
 */
static uint32_t
whole_end(const NcDoc *doc)
{
	uint32_t	n = doc->ntok;

	while (n > 0 && doc->toks[n - 1].start + 4 > doc->len)
		n--;
	return n;
}

/*
 * The first token from i on where a number may start, or doc->ntok: a
 * cheap test before the grammar runs, made on every token, most of them
 * words no number word starts like.  Over the whole text rather than a
 * sentence: most sentences hold no number, and the driver keeps the
 * answer until it has passed it.  whole: whole_end(doc).  Two tokens a
 * round, one branch for both when neither passes, as most do not.  Not
 * inlined: in the driver the loop's values do not all stay in registers.
 */
static __attribute__((noinline)) uint32_t
next_start(const NcDoc *doc, uint32_t i, uint32_t whole)
{
	const unsigned char *text = (const unsigned char *) doc->text;
	const NcToken *t = &doc->toks[i];

	if (i < whole)
	{
		const NcToken *pend = t + ((whole - i) & ~UINT32_C(1));

		for (; t < pend; t += 2)
		{
			uint32_t	k0 = whole_key(text, t);
			uint32_t	k1 = whole_key(text, t + 1);

			if ((start_bit(t, k0) | start_bit(t + 1, k1)) == 0)
				continue;
			if (may_start(doc, t, k0))
				return (uint32_t) (t - doc->toks);
			if (may_start(doc, t + 1, k1))
				return (uint32_t) (t + 1 - doc->toks);
		}
		if ((whole - i) & 1)
		{
			if (may_start(doc, t, whole_key(text, t)))
				return (uint32_t) (t - doc->toks);
			t++;
		}
	}
	/* the last few tokens of the text */
	for (; t < &doc->toks[doc->ntok]; t++)
		if (may_start(doc, t, cl_tok_key4(text, doc->len, t)))
			return (uint32_t) (t - doc->toks);
	return doc->ntok;
}

NcStatus
nc_claims_extract(const NcEnv *env, const NcDoc *doc, const NcEntities *ents,
				  const NcQuotes *quotes, NcClaims *out)
{
	ClOut		o = {NULL, 0, 0};
	ClCtx		c;
	uint32_t	cand = 0;		/* next_start's answer, for every i up to it */
	uint32_t	whole;

	out->claims = NULL;
	out->nclaim = 0;
	if (pthread_once(&tables_once, tables_build) != 0)
		return NC_EINTERNAL;
	c.env = env;
	c.doc = doc;
	c.ents = ents;
	c.quotes = quotes;
	whole = whole_end(doc);
	if (doc->ntok > 0)
		cand = next_start(doc, 0, whole);
	for (uint32_t s = 0; s < doc->nsent; s++)
	{
		const NcSentence *sent = &doc->sents[s];
		uint32_t	lo = sent->tok_first;
		uint32_t	i = sent->tok_first;
		bool		src_done = false;
		const char *ssrc = NULL;
		uint32_t	ssrc_len = 0;

		if ((s & 63) == 0 && nc_should_stop(env))
			return NC_ECANCEL;
		c.sfirst = sent->tok_first;
		c.send = sent->tok_end;
		while (i < c.send)
		{
			ClBuilt		b;

			if (cand < i)
				cand = next_start(doc, i, whole);
			if (cand >= c.send)
				break;
			i = cand;
			build(&c, i, lo, &b);
			if (!b.emit)
			{
				i = b.skip_to > i ? b.skip_to : i + 1;
				continue;
			}
			b.cl.value = cl_dec_to_str(env, b.v);
			if (b.cl.value == NULL)
				return NC_ENOMEM;
			if (b.has_max)
			{
				b.cl.value_max = cl_dec_to_str(env, b.vmax);
				if (b.cl.value_max == NULL)
					return NC_ENOMEM;
			}
			cl_find_object(&c, &b.cl);
			b.cl.quote = cl_quote_at(&c, i);
			if (b.cl.quote >= 0 && quotes->quotes[b.cl.quote].speaker != NULL)
			{
				b.cl.source = quotes->quotes[b.cl.quote].speaker;
				b.cl.source_len = quotes->quotes[b.cl.quote].speaker_len;
			}
			else
			{
				if (!src_done)
				{
					cl_sentence_source(&c, &ssrc, &ssrc_len);
					src_done = true;
				}
				b.cl.source = ssrc;
				b.cl.source_len = ssrc_len;
			}
			if (!push_claim(env, &o, &b.cl))
				return NC_ENOMEM;
			lo = b.cl.tok_end;
			i = b.cl.tok_end > i ? b.cl.tok_end : i + 1;
		}
	}
	out->claims = o.claims;
	out->nclaim = o.n;
	return NC_OK;
}
