/*
 * test_claims.c
 *		The numeric-claims extractor: number grammar, units, ranges,
 *		approximators, what is not a claim, objects and sources, decimal
 *		arithmetic, and the failure contract.  Every sentence here was
 *		written for these tests.
 */
#include <limits.h>
#include <stdlib.h>
#include <stdio.h>

#include "unit.h"
#include "../failing_env.h"
#include "nc_claims.h"
#include "claims_internal.h"
#include "lexicon_data.h"

int			run_claims_tests(void);

typedef struct UnitClaims
{
	UnitDoc		u;
	NcEntities	ents;
	NcQuotes	quotes;
	NcClaims	claims;
} UnitClaims;

static void
claims_build(UnitClaims *c, const char *text)
{
	memset(c, 0, sizeof(*c));
	unit_doc_build(&c->u, text);
	assert_int_equal(nc_claims_extract(&c->u.env, &c->u.doc, &c->ents, &c->quotes, &c->claims), NC_OK);
}

/* The text of claim k, NUL-terminated in a static buffer. */
static const char *
claim_text(const UnitClaims *c, uint32_t k)
{
	static char buf[512];
	const NcClaim *cl = &c->claims.claims[k];
	uint32_t	s = c->u.doc.toks[cl->tok_first].start;
	uint32_t	e = c->u.doc.toks[cl->tok_end - 1].end;
	size_t		n = e - s < sizeof(buf) - 1 ? e - s : sizeof(buf) - 1;

	memcpy(buf, c->u.doc.text + s, n);
	buf[n] = '\0';
	return buf;
}

static const char *
claim_object(const UnitClaims *c, uint32_t k)
{
	static char buf[512];
	const NcClaim *cl = &c->claims.claims[k];
	uint32_t	s,
				e;
	size_t		n;

	if (cl->object_first < 0)
		return NULL;
	s = c->u.doc.toks[cl->object_first].start;
	e = c->u.doc.toks[cl->object_end - 1].end;
	n = e - s < sizeof(buf) - 1 ? e - s : sizeof(buf) - 1;
	memcpy(buf, c->u.doc.text + s, n);
	buf[n] = '\0';
	return buf;
}

/* Index of the claim written exactly as `text`, or fail. */
static uint32_t
find_claim(const UnitClaims *c, const char *text)
{
	for (uint32_t k = 0; k < c->claims.nclaim; k++)
		if (strcmp(claim_text(c, k), text) == 0)
			return k;
	fail_msg("no claim \"%s\" (%u claims)", text, c->claims.nclaim);
	return 0;
}

/*
 * One claim in `text`, written as `span`, with value, value_max (NULL: none),
 * unit and approx.
 */
static void
check_claim(const char *text, const char *span, const char *value, const char *value_max,
			const char *unit, const char *approx)
{
	UnitClaims	c;
	uint32_t	k;
	const NcClaim *cl;

	claims_build(&c, text);
	k = find_claim(&c, span);
	cl = &c.claims.claims[k];
	assert_string_equal(cl->value, value);
	if (value_max == NULL)
		assert_null(cl->value_max);
	else
	{
		assert_non_null(cl->value_max);
		assert_string_equal(cl->value_max, value_max);
	}
	assert_string_equal(cl->unit, unit);
	assert_string_equal(nc_approx_name(cl->approx), approx);
	unit_doc_free(&c.u);
}

/* `text` holds exactly n claims. */
static void
check_count(const char *text, uint32_t n)
{
	UnitClaims	c;

	claims_build(&c, text);
	if (c.claims.nclaim != n)
	{
		for (uint32_t k = 0; k < c.claims.nclaim; k++)
			fprintf(stderr, "  claim %u: \"%s\"\n", k, claim_text(&c, k));
		fail_msg("\"%s\": %u claims, expected %u", text, c.claims.nclaim, n);
	}
	unit_doc_free(&c.u);
}

/* ------------------------------------------------------------ numbers */

static void
test_digits_and_scales(void **state)
{
	check_claim("The merger was valued at $1.13bn (£600m) by the regulator.",
				"$1.13bn", "1130000000", NULL, "currency:USD", "exact");
	check_claim("The merger was valued at $1.13bn (£600m) by the regulator.",
				"£600m", "600000000", NULL, "currency:GBP", "exact");
	check_claim("Congress approved $1.5 trillion in new spending.",
				"$1.5 trillion", "1500000000000", NULL, "currency:USD", "exact");
	check_claim("The port handled 1,250,000 containers in the season.",
				"1,250,000", "1250000", NULL, "count", "exact");
	check_claim("The tunnel cost 2.75 billion to dig.", "2.75 billion", "2750000000", NULL, "count", "exact");
	check_claim("The campaign raised 40k from small donors.", "40k", "40000", NULL, "count", "exact");
	check_claim("The rate stood at 4.800 at the close.", "4.800", "4.8", NULL, "count", "exact");
	check_claim("The survey reached 1,234,567.5 hectares.", "1,234,567.5 hectares", "1234567.5", NULL, "ha", "exact");
}

static void
test_number_words(void **state)
{
	check_claim("Six detained reporters remain in custody.", "Six", "6", NULL, "count", "exact");
	check_claim("Twenty-one ministers signed the letter.", "Twenty-one", "21", NULL, "count", "exact");
	check_claim("The council hired a dozen inspectors.", "a dozen", "12", NULL, "count", "exact");
	check_claim("Organisers said half a million people marched.", "half a million", "500000", NULL, "count", "exact");
	check_claim("The fund lost one hundred and six clients.", "one hundred and six", "106", NULL, "count", "exact");
	check_claim("The firm employs three thousand two hundred staff.", "three thousand two hundred", "3200", NULL, "count", "exact");
	check_claim("The flood displaced two and a half million residents.", "two and a half million", "2500000", NULL, "count", "exact");
	check_claim("The region has 3 million and a half residents.", "3 million and a half", "3500000", NULL, "count", "exact");
}

static void
test_fractions(void **state)
{
	check_claim("A third of the delegates left early.", "A third", "0.3333", NULL, "fraction", "exact");
	check_claim("Two thirds of members backed the plan.", "Two thirds", "0.6667", NULL, "fraction", "exact");
	check_claim("Three quarters of the crop was lost.", "Three quarters", "0.75", NULL, "fraction", "exact");
	check_claim("Add 3/4 of the budget to reserves.", "3/4", "0.75", NULL, "fraction", "exact");
	check_claim("One in five adults had no savings.", "One in five", "0.2", NULL, "fraction", "exact");
	/* an ordinal, not a fraction */
	check_count("She was elected to a third term.", 0);
}

static void
test_percent_and_points(void **state)
{
	check_claim("Turnout reached 62 per cent in the capital.", "62 per cent", "62", NULL, "percent", "exact");
	check_claim("He won 80 percent of the vote.", "80 percent", "80", NULL, "percent", "exact");
	check_claim("Exports fell 3.5% in March.", "3.5%", "3.5", NULL, "percent", "exact");
	check_claim("The bank raised rates by 0.25 percentage points.", "0.25 percentage points", "0.25", NULL,
				"percentage_point", "exact");
	check_claim("Yields climbed 40 basis points.", "40 basis points", "40", NULL, "basis_point", "exact");
	check_claim("Margins slipped to -2.5% in the quarter.", "-2.5%", "-2.5", NULL, "percent", "exact");
}

static void
test_currencies(void **state)
{
	check_claim("The loan was worth US$5m.", "US$5m", "5000000", NULL, "currency:USD", "exact");
	check_claim("A ticket costs €20 at the door.", "€20", "20", NULL, "currency:EUR", "exact");
	check_claim("Sales could reach 300bn yen by 2030.", "300bn yen", "300000000000", NULL, "currency:JPY", "exact");
	check_claim("The bid was USD 200 per share.", "USD 200", "200", NULL, "currency:USD", "exact");
	check_claim("The deal was priced at C$40 million.", "C$40 million", "40000000", NULL, "currency:CAD", "exact");
	check_claim("He was fined 5,000 Swiss francs.", "5,000 Swiss francs", "5000", NULL, "currency:CHF", "exact");
	check_claim("Each flat sold for 2.4 million euros.", "2.4 million euros", "2400000", NULL, "currency:EUR", "exact");
}

static void
test_durations_ages_measures(void **state)
{
	check_claim("He ruled for 26 years before the vote.", "26 years", "26", NULL, "duration:year", "exact");
	check_claim("Police arrested a 28-year-old man.", "28-year-old", "28", NULL, "duration:year", "exact");
	check_claim("The boy, who is 16 years old, was released.", "16 years old", "16", NULL, "duration:year", "exact");
	check_claim("It was the worst storm in a decade.", "a decade", "10", NULL, "duration:year", "exact");
	check_claim("Talks lasted nine days.", "nine days", "9", NULL, "duration:day", "exact");
	check_claim("The ridge is 1.6 km long.", "1.6 km", "1.6", NULL, "km", "exact");
	check_claim("The catch weighed 278kg on the dock.", "278kg", "278", NULL, "kg", "exact");
	check_claim("The runner is 1.8m tall.", "1.8m", "1.8", NULL, "m", "exact");
	check_claim("Temperatures hit 41 degrees Celsius on Monday.", "41 degrees Celsius", "41", NULL, "celsius", "exact");
	/* a rate is no duration claim */
	check_count("Tuition costs £9,000 a year.", 1);
}

static void
test_multipliers(void **state)
{
	check_claim("Prices were 1.9 times higher than in the city.", "1.9 times", "1.9", NULL, "times", "exact");
	check_claim("The new hall is twice as large.", "twice", "2", NULL, "times", "exact");
	check_claim("Rents rose threefold in the decade.", "threefold", "3", NULL, "times", "exact");
	check_claim("The satellite circled the planet 300 times.", "300", "300", NULL, "count", "exact");
	check_claim("Members meet at least once a month.", "at least once a month", "1", NULL, "count", "at_least");
}

static void
test_ranges(void **state)
{
	check_claim("Growth will be between 10 and 15 percent.", "between 10 and 15 percent", "10", "15",
				"percent", "exact");
	check_claim("The clinic sees 30 to 40 patients a day.", "30 to 40", "30", "40", "count", "exact");
	check_claim("The fine ranges from $250,000 to $1 million.", "from $250,000 to $1 million", "250000",
				"1000000", "currency:USD", "exact");
	check_claim("Grants go to 18 to 30 year olds.", "18 to 30 year olds", "18", "30", "duration:year", "exact");
	check_claim("Between 5 and 10 million people were affected.", "Between 5 and 10 million", "5000000",
				"10000000", "count", "exact");
	check_claim("Voters rejected the plan by two to one.", "two to one", "2", NULL, "ratio", "exact");
	/* a change is two claims, not a range */
	check_count("Sales rose from 40 to 55 units.", 2);
	check_count("The deficit grew by $43 billion to $420 billion.", 2);
}

static void
test_approximators(void **state)
{
	check_claim("About 300 homes lost power.", "About 300", "300", NULL, "count", "about");
	check_claim("The project cost nearly £2bn.", "nearly £2bn", "2000000000", NULL, "currency:GBP", "nearly");
	check_claim("Rates fell by more than 60% in a year.", "more than 60%", "60", NULL, "percent", "more_than");
	check_claim("The plant will cut up to 700 jobs.", "up to 700", "700", NULL, "count", "up_to");
	check_claim("Some 40 villages were cut off.", "Some 40", "40", NULL, "count", "about");
	check_claim("Fewer than 20 votes separated them.", "Fewer than 20", "20", NULL, "count", "less_than");
	check_claim("Teams of 200 or more staff qualify.", "200 or more", "200", NULL, "count", "at_least");
	check_claim("No more than 12 boats may dock.", "No more than 12", "12", NULL, "count", "at_most");
	check_claim("It took almost three years.", "almost three years", "3", NULL, "duration:year", "nearly");
	/* "over" before a period is a preposition */
	check_claim("Prices doubled over two years.", "two years", "2", NULL, "duration:year", "exact");
}

/* ---------------------------------------------------------- not claims */

static void
test_dates_times_ordinals(void **state)
{
	check_count("The law took effect in 2016 and was amended since 2019.", 0);
	check_count("The vote is due on March 29, after talks on 5 May.", 0);
	check_count("The meeting starts at 10:30 and ends at 6pm.", 0);
	check_count("She finished 2nd in the third round.", 0);
	check_count("The data covers the 1990s and the class of '83.", 0);
	check_count("The deadline is Oct. 31.", 0);
	/* a year after a possessive, whichever apostrophe */
	check_count("The museum's 1850 collection was sold.", 0);
	check_count("The museum\u2019s 1850 collection was sold.", 0);
}

static void
test_identifiers(void **state)
{
	check_count("A Boeing 737 landed safely.", 0);
	check_count("Leaders met at the G7 summit.", 0);
	check_count("COVID-19 spread quickly.", 0);
	check_count("Article 5 of the treaty was invoked.", 0);
	check_count("He lives at No. 10 with his family.", 0);
	check_count("The F-16 jets flew low over the ID.3 plant.", 0);
	check_count("Call 555-0134-2201 for details.", 0);
	check_count("See https://example.org/report?id=30%25&page=2 for the rules.", 0);
}

static void
test_vague_and_one(void **state)
{
	check_count("Thousands of people marched and millions watched.", 0);
	check_count("Dozens of homes were damaged.", 0);
	check_count("One of the officials resigned.", 0);
	check_count("The decision was a crucial one for the region.", 0);
	check_count("No one was hurt.", 0);
	check_count("Which one do you prefer?", 0);
	check_claim("There was one suicide in the prison.", "one", "1", NULL, "count", "exact");
	check_claim("The studio prefers one standard.", "one", "1", NULL, "count", "exact");
}

/* ----------------------------------------------------- object, source */

static void
test_objects(void **state)
{
	UnitClaims	c;
	uint32_t	k;

	claims_build(&c, "Investigators documented at least 450 documented cases of torture.");
	k = find_claim(&c, "at least 450");
	assert_string_equal(claim_object(&c, k), "documented cases of torture");
	unit_doc_free(&c.u);

	claims_build(&c, "The incumbent claimed 80 percent of the vote.");
	k = find_claim(&c, "80 percent");
	assert_string_equal(claim_object(&c, k), "the vote");
	unit_doc_free(&c.u);

	claims_build(&c, "He served 26 years in office.");
	k = find_claim(&c, "26 years");
	assert_null(claim_object(&c, k));
	unit_doc_free(&c.u);
}

static void
test_sources(void **state)
{
	UnitClaims	c;
	uint32_t	k;
	NcQuote		q;
	const char *text = "“We found 300 families without shelter,” said the mayor. "
		"Prices rose 4%, according to the statistics office. "
		"The agency said 12 bridges were closed.";

	/* a quote with a speaker, built by hand */
	memset(&c, 0, sizeof(c));
	unit_doc_build(&c.u, text);
	memset(&q, 0, sizeof(q));
	q.tok_first = 1;
	q.tok_end = (uint32_t) unit_find_token(&c.u, "shelter") + 1;
	q.sentence = 0;
	q.continues = -1;
	q.speaker_entity = -1;
	q.speaker = "the mayor";
	q.speaker_len = 9;
	q.speaker_first = q.speaker_end = q.verb_first = q.verb_end = -1;
	c.quotes.quotes = &q;
	c.quotes.nquote = 1;
	assert_int_equal(nc_claims_extract(&c.u.env, &c.u.doc, &c.ents, &c.quotes, &c.claims), NC_OK);

	k = find_claim(&c, "300");
	assert_int_equal(c.claims.claims[k].quote, 0);
	assert_int_equal(c.claims.claims[k].source_len, 9);
	assert_memory_equal(c.claims.claims[k].source, "the mayor", 9);

	k = find_claim(&c, "4%");
	assert_int_equal(c.claims.claims[k].quote, -1);
	assert_non_null(c.claims.claims[k].source);
	assert_int_equal(c.claims.claims[k].source_len, strlen("the statistics office"));
	assert_memory_equal(c.claims.claims[k].source, "the statistics office", c.claims.claims[k].source_len);

	k = find_claim(&c, "12");
	assert_non_null(c.claims.claims[k].source);
	assert_memory_equal(c.claims.claims[k].source, "The agency", c.claims.claims[k].source_len);
	unit_doc_free(&c.u);
}

/* ---------------------------------------------------------- arithmetic */

static void
check_dec(ClDec d, const char *expected)
{
	NcArena    *a = nc_arena_create();
	NcEnv		env;
	char	   *s;

	nc_arena_env(a, &env);
	assert_true(d.ok);
	s = cl_dec_to_str(&env, d);
	assert_non_null(s);
	assert_string_equal(s, expected);
	nc_arena_destroy(a);
}

static void
test_decimal_arithmetic(void **state)
{
	uint32_t	f = 0;

	check_dec(cl_dec_shift(cl_dec_from_digits("1.13", 4, &f), 9), "1130000000");
	check_dec(cl_dec_div(cl_dec_int(1), 3), "0.3333");
	check_dec(cl_dec_div(cl_dec_int(2), 3), "0.6667");
	check_dec(cl_dec_div(cl_dec_int(1), 21), "0.04762");
	check_dec(cl_dec_add(cl_dec_int(103), cl_dec_div(cl_dec_int(2), 3)), "103.6667");
	check_dec(cl_dec_shift(cl_dec_int(25), -3), "0.025");
	check_dec(cl_dec_mul(cl_dec_int(3), 12), "36");
	check_dec(cl_dec_from_digits("0.50", 4, &f), "0.5");
	check_dec(cl_dec_from_digits("1.234.567", 9, &f), "1234567");
	check_dec(cl_dec_from_digits("5,00", 4, &f), "5");
	f = 0;
	check_dec(cl_dec_from_digits("2019", 4, &f), "2019");
	assert_true(f & CL_NF_YEARLIKE);
	assert_false(cl_dec_from_digits("192.168.1.2", 11, &f).ok);
	assert_false(cl_dec_from_digits("22,24,26,31", 11, &f).ok);
	/* beyond 38 digits: not a number we state */
	assert_false(cl_dec_from_digits("123456789012345678901234567890123456789012", 42, &f).ok);
	assert_false(cl_dec_shift(cl_dec_int(1), 200).ok);
}

/* every word may_start lets through is checked against the lexicon */
static void
test_lexicons(void **state)
{
	for (size_t k = 0; k < nc_lex_claim_numwords.count; k++)
	{
		char		text[64];
		UnitClaims	c;

		snprintf(text, sizeof(text), "They saw %s ships.", nc_lex_claim_numwords.entries[k].key);
		claims_build(&c, text);
		assert_int_equal(c.claims.nclaim, 1);
		unit_doc_free(&c.u);
	}
	/* every word a number after "a" needs passes the cheap test */
	{
		const NcLexicon *lexs[] = {&nc_lex_claim_denominators, &nc_lex_claim_scales,
		&nc_lex_claim_context_words};

		for (size_t l = 0; l < 3; l++)
			for (size_t k = 0; k < lexs[l]->count; k++)
			{
				const NcLexEntry *e = &lexs[l]->entries[k];
				char		text[64];
				UnitDoc		u;

				if (l == 2 && (e->value == NULL || strchr(e->value, 'u') == NULL))
					continue;
				snprintf(text, sizeof(text), "a %s", e->key);
				unit_doc_build(&u, text);
				assert_int_equal(u.doc.ntok, 2);
				assert_true(cl_maybe_after_article(&u.doc, 1));
				unit_doc_free(&u);
				/* capitals too */
				for (char *p = text; *p; p++)
					if (*p >= 'a' && *p <= 'z')
						*p -= 32;
				unit_doc_build(&u, text);
				assert_true(cl_maybe_after_article(&u.doc, 1));
				unit_doc_free(&u);
			}
	}
	/* every report verb long enough to be looked up passes the cheap
	 * test on its first four bytes, and names the sentence's source */
	for (size_t k = 0; k < nc_lex_claim_report_verbs.count; k++)
	{
		const char *verb = nc_lex_claim_report_verbs.entries[k].key;
		char		text[64];
		UnitClaims	c;

		if (strlen(verb) < 4 || strlen(verb) > 10)
			continue;
		snprintf(text, sizeof(text), "The ministry %s 40 people died.", verb);
		claims_build(&c, text);
		assert_int_equal(c.claims.nclaim, 1);
		assert_non_null(c.claims.claims[0].source);
		assert_int_equal(c.claims.claims[0].source_len, 12);
		unit_doc_free(&c.u);
	}
	/* every unit value is FORMAT.md-shaped: no spaces */
	for (size_t k = 0; k < nc_lex_claim_units.count; k++)
		assert_null(strchr(nc_lex_claim_units.entries[k].value, ' '));
}

/* ----------------------------------------------------------- contract */

static void
build_big(const char *unit_text, size_t repeat, UnitClaims *c, NcStatus expect)
{
	size_t		n = strlen(unit_text);
	char	   *s = malloc(n * repeat + 1);

	assert_non_null(s);
	for (size_t i = 0; i < repeat; i++)
		memcpy(s + i * n, unit_text, n);
	s[n * repeat] = '\0';
	memset(c, 0, sizeof(*c));
	c->u.arena = nc_arena_create();
	nc_arena_env(c->u.arena, &c->u.env);
	assert_int_equal(nc_doc_build(&c->u.env, s, n * repeat, &c->u.doc), NC_OK);
	assert_int_equal(nc_claims_extract(&c->u.env, &c->u.doc, &c->ents, &c->quotes, &c->claims), expect);
	nc_arena_destroy(c->u.arena);
	free(s);
}

static void
test_odd_input(void **state)
{
	UnitClaims	c;

	build_big("1", 1000000, &c, NC_OK);	/* a million digits */
	build_big("x", 1000000, &c, NC_OK);	/* 1 MB without spaces */
	build_big("ONE HUNDRED AND TWENTY MILLION AND A HALF ", 20000, &c, NC_OK);
	build_big("1-", 200000, &c, NC_OK);
	build_big("million and a ", 50000, &c, NC_OK);
	build_big("between 1 and 2 to 3 - 4 or more ", 20000, &c, NC_OK);
	build_big("million and a half ", 50000, &c, NC_OK);
	build_big("nine hundred ninety nine thousand ", 30000, &c, NC_OK);
	build_big("$$$£€ % % . , - ", 20000, &c, NC_OK);
}

static void
test_failures(void **state)
{
	const char *text = "Officials said 40% of the 1,200 homes, worth $3.5bn, were damaged. "
		"About 300 families left.";
	UnitDoc		u;
	NcEntities	ents = {0};
	NcQuotes	quotes = {0};
	NcClaims	cl;
	bool		saw_enomem = false;

	unit_doc_build(&u, text);
	for (int budget = 0; budget < 40; budget++)
	{
		FailingEnv	b = {u.arena, u.env, budget, 0};
		NcEnv		env = {failing_alloc, failing_grow, NULL, &b};
		NcStatus	st;

		st = nc_claims_extract(&env, &u.doc, &ents, &quotes, &cl);
		assert_true(st == NC_OK || st == NC_ENOMEM);
		if (st == NC_ENOMEM)
			saw_enomem = true;
		else
			assert_int_equal(cl.nclaim, 4);
	}
	assert_true(saw_enomem);
	{
		/* allocations enough, a cancel at the first check */
		FailingEnv	c = {u.arena, u.env, INT_MAX, 0};
		NcEnv		env = {failing_alloc, failing_grow, failing_interrupted, &c};

		assert_int_equal(nc_claims_extract(&env, &u.doc, &ents, &quotes, &cl), NC_ECANCEL);
	}
	unit_doc_free(&u);
}

int
run_claims_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_digits_and_scales),
		cmocka_unit_test(test_number_words),
		cmocka_unit_test(test_fractions),
		cmocka_unit_test(test_percent_and_points),
		cmocka_unit_test(test_currencies),
		cmocka_unit_test(test_durations_ages_measures),
		cmocka_unit_test(test_multipliers),
		cmocka_unit_test(test_ranges),
		cmocka_unit_test(test_approximators),
		cmocka_unit_test(test_dates_times_ordinals),
		cmocka_unit_test(test_identifiers),
		cmocka_unit_test(test_vague_and_one),
		cmocka_unit_test(test_objects),
		cmocka_unit_test(test_sources),
		cmocka_unit_test(test_decimal_arithmetic),
		cmocka_unit_test(test_lexicons),
		cmocka_unit_test(test_odd_input),
		cmocka_unit_test(test_failures),
	};

	return cmocka_run_group_tests_name("claims", tests, NULL, NULL);
}
