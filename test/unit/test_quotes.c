/*
 * test_quotes.c
 *		Quote extractor: detection (every mark style, nesting, unbalanced
 *		marks, continuations, titles and scare quotes) and attribution
 *		(speaker before, after, inside, colon, pronouns, surnames,
 *		appositions, organisations, descriptions), on passages written for
 *		these tests, plus robustness on hostile input.
 */
#include <stdio.h>
#include <stdlib.h>

#include "unit.h"
#include "../failing_env.h"
#include "nc_entities.h"
#include "nc_quotes.h"

int			run_quotes_tests(void);

/* ---- helpers ---- */

typedef struct Q
{
	UnitDoc		u;
	NcEntities	e;
	NcQuotes	q;
} Q;

static void
q_build(Q *x, const char *text)
{
	unit_doc_build(&x->u, text);
	assert_int_equal(nc_entities_extract(&x->u.env, &x->u.doc, &x->e), NC_OK);
	assert_int_equal(nc_quotes_extract(&x->u.env, &x->u.doc, &x->e, &x->q), NC_OK);
}

static void
q_free(Q *x)
{
	unit_doc_free(&x->u);
}

/* Text of tokens [first, end), NUL-terminated in a static buffer. */
static const char *
span_text(const Q *x, int32_t first, int32_t end)
{
	static char buf[4][1024];
	static int	which;
	char	   *b = buf[which++ & 3];
	size_t		n;

	if (first < 0 || end <= first)
		return "";
	n = x->u.doc.toks[end - 1].end - x->u.doc.toks[first].start;
	if (n >= sizeof(buf[0]))
		n = sizeof(buf[0]) - 1;
	memcpy(b, x->u.doc.text + x->u.doc.toks[first].start, n);
	b[n] = '\0';
	return b;
}

static const char *
quote_text(const Q *x, uint32_t k)
{
	return span_text(x, (int32_t) x->q.quotes[k].tok_first, (int32_t) x->q.quotes[k].tok_end);
}

static const char *
speaker(const Q *x, uint32_t k)
{
	static char buf[4][256];
	static int	which;
	char	   *b = buf[which++ & 3];
	const NcQuote *q = &x->q.quotes[k];
	size_t		n = q->speaker_len;

	if (q->speaker == NULL)
		return "(null)";
	if (n >= sizeof(buf[0]))
		n = sizeof(buf[0]) - 1;
	memcpy(b, q->speaker, n);
	b[n] = '\0';
	return b;
}

/* x has n quotes, said by speakers[0..n) in order (speaker()'s names) */
static void
assert_speakers(const Q *x, size_t n, const char *const *speakers)
{
	assert_int_equal(x->q.nquote, n);
	for (size_t k = 0; k < n; k++)
		assert_string_equal(speaker(x, (uint32_t) k), speakers[k]);
}

static const char *
verb(const Q *x, uint32_t k)
{
	return span_text(x, x->q.quotes[k].verb_first, x->q.quotes[k].verb_end);
}

/* Every quote: tokens inside the text, in order, never overlapping. */
static void
check_invariants(const Q *x)
{
	for (uint32_t k = 0; k < x->q.nquote; k++)
	{
		const NcQuote *q = &x->q.quotes[k];

		assert_true(q->tok_first < q->tok_end);
		assert_true(q->tok_end <= x->u.doc.ntok);
		assert_true(q->sentence < x->u.doc.nsent);
		assert_true(q->continues < (int32_t) k);
		assert_true(q->speaker_entity < (int32_t) x->e.nent);
		if (k > 0)
			assert_true(x->q.quotes[k - 1].tok_end <= q->tok_first);
		if (q->speaker != NULL)
			assert_true(q->speaker_len > 0);
	}
}

/* ---- detection ---- */

static void
test_mark_styles(void **state)
{
	static const struct
	{
		const char *text;
		const char *quote;
	}			cases[] = {
		{"\"We will rebuild the bridge,\" Mayor Ana Ruiz said.", "We will rebuild the bridge,"},
		{"“We will rebuild the bridge,” Mayor Ana Ruiz said.", "We will rebuild the bridge,"},
		{"‘We will rebuild the bridge,’ Mayor Ana Ruiz said.", "We will rebuild the bridge,"},
		{"« Nous reconstruirons le pont », a dit la maire.", "Nous reconstruirons le pont"},
		{"Die Ministerin sagte: „Wir bauen die Brücke neu“.", "Wir bauen die Brücke neu"},
		{"''We will rebuild the bridge,'' Mayor Ana Ruiz said.", "We will rebuild the bridge,"},
		{"”We will rebuild the bridge,” Mayor Ana Ruiz said.", "We will rebuild the bridge,"},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		Q			x;

		q_build(&x, cases[i].text);
		check_invariants(&x);
		assert_int_equal(x.q.nquote, 1);
		assert_string_equal(quote_text(&x, 0), cases[i].quote);
		q_free(&x);
	}
}

static void
test_nested_quotes_belong_to_the_outer(void **state)
{
	Q			x;

	q_build(&x, "“He told me, ‘Go home and rest,’ and then he left,” said Pilar Moreno, "
			"a nurse at the clinic.");
	check_invariants(&x);
	assert_int_equal(x.q.nquote, 1);
	assert_string_equal(quote_text(&x, 0), "He told me, ‘Go home and rest,’ and then he left,");
	assert_string_equal(speaker(&x, 0), "Pilar Moreno");
	q_free(&x);

	/* straight marks, the inner quote in single marks */
	q_build(&x, "\"Voters keep asking 'why now?' and we have no answer,\" Ruiz said.");
	assert_int_equal(x.q.nquote, 1);
	assert_string_equal(quote_text(&x, 0), "Voters keep asking 'why now?' and we have no answer,");
	q_free(&x);
}

static void
test_unclosed_quote_stops_at_paragraph(void **state)
{
	Q			x;

	q_build(&x, "Councillor Omar Haddad said: \"The budget is a mess and nobody will admit it.\n\n"
			"The council meets again on Friday. Residents have called the plan \"a disgrace\", "
			"Haddad said.");
	check_invariants(&x);
	assert_int_equal(x.q.nquote, 2);
	assert_string_equal(quote_text(&x, 0), "The budget is a mess and nobody will admit it.");
	assert_int_equal(x.q.quotes[0].continues, -1);
	assert_string_equal(quote_text(&x, 1), "a disgrace");
	q_free(&x);
}

static void
test_quote_over_paragraphs(void **state)
{
	Q			x;

	q_build(&x, "Fire chief Dana Whitfield said the blaze started in a kitchen. She said: \"We "
			"arrived within six minutes and found the ground floor full of smoke.\n\n"
			"\"Two families were still inside. Our crews carried out four children.\"\n\n"
			"The cause is under investigation.");
	check_invariants(&x);
	assert_int_equal(x.q.nquote, 2);
	assert_string_equal(quote_text(&x, 1),
						"Two families were still inside. Our crews carried out four children.");
	assert_int_equal(x.q.quotes[0].continues, -1);
	assert_int_equal(x.q.quotes[1].continues, 0);
	assert_string_equal(speaker(&x, 0), "Dana Whitfield");
	assert_string_equal(speaker(&x, 1), "Dana Whitfield");
	q_free(&x);
}

static void
test_merged_paragraphs_restart(void **state)
{
	Q			x;

	/* copy that lost its paragraph breaks: a new opening mark after a full stop */
	q_build(&x, "Union leader Grace Obi said: \"Our members have waited three years. "
			"\"They will not wait any longer.\" The talks resume on Monday.");
	check_invariants(&x);
	assert_int_equal(x.q.nquote, 2);
	assert_string_equal(quote_text(&x, 0), "Our members have waited three years.");
	assert_string_equal(quote_text(&x, 1), "They will not wait any longer.");
	assert_int_equal(x.q.quotes[1].continues, 0);
	assert_string_equal(speaker(&x, 1), "Grace Obi");
	q_free(&x);
}

static void
test_titles_nicknames_and_terms_are_no_quotes(void **state)
{
	static const char *const texts[] = {
		"The festival opens with the film \"The Silent Harbour\" on Friday.",
		"Rep. Thomas J. \"Tommy\" Hale toured the plant on Monday.",
		"The troops were sent as part of the so-called \"peace dividend\" programme.",
		"Shoppers can now tap a \"save\" button to keep items for later.",
		"The station broadcasts \"Morning Country Hour\" from the valley.",
	};

	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
	{
		Q			x;

		q_build(&x, texts[i]);
		check_invariants(&x);
		assert_int_equal(x.q.nquote, 0);
		q_free(&x);
	}
}

static void
test_scare_quotes_with_a_source(void **state)
{
	Q			x;

	q_build(&x, "Senator Maria Lindqvist called the vote \"a farce\" and said the count was "
			"\"deeply flawed\".");
	check_invariants(&x);
	assert_int_equal(x.q.nquote, 2);
	assert_string_equal(quote_text(&x, 0), "a farce");
	assert_string_equal(quote_text(&x, 1), "deeply flawed");
	assert_string_equal(speaker(&x, 0), "Maria Lindqvist");
	assert_string_equal(speaker(&x, 1), "Maria Lindqvist");
	assert_string_equal(verb(&x, 0), "called");
	q_free(&x);
}

static void
test_headline_single_quotes(void **state)
{
	Q			x;

	q_build(&x, "Port strike 'unacceptable' say ministers\n\n"
			"Ministers have condemned the strike at the port of Dunmore.");
	check_invariants(&x);
	assert_int_equal(x.q.nquote, 1);
	assert_string_equal(quote_text(&x, 0), "unacceptable");
	q_free(&x);
}

/* ---- attribution ---- */

static void
test_speaker_after_and_inverted(void **state)
{
	Q			x;

	q_build(&x, "“The river has never been this high,” Mayor Ana Ruiz told reporters on Tuesday.\n\n"
			"“We expect the water to fall by Friday,” said Tom Becker, a hydrologist at the "
			"regional water authority.");
	check_invariants(&x);
	assert_int_equal(x.q.nquote, 2);
	assert_string_equal(speaker(&x, 0), "Ana Ruiz");
	assert_string_equal(verb(&x, 0), "told");
	assert_true(x.q.quotes[0].speaker_entity >= 0);
	assert_string_equal(speaker(&x, 1), "Tom Becker");
	assert_string_equal(verb(&x, 1), "said");
	q_free(&x);
}

static void
test_split_quote_and_pronoun(void **state)
{
	Q			x;

	q_build(&x, "Finance Minister Erik Dahl presented the budget on Monday.\n\n"
			"“This is not an easy year,” he said, “but we will balance the books.”");
	check_invariants(&x);
	assert_speakers(&x, 2, (const char *const[]) {"Erik Dahl", "Erik Dahl"});
	assert_string_equal(span_text(&x, x.q.quotes[0].speaker_first, x.q.quotes[0].speaker_end), "he");
	q_free(&x);
}

static void
test_colon_introductions(void **state)
{
	Q			x;

	q_build(&x, "Health Secretary Priya Nair said: \"Waiting lists are falling.\"\n\n"
			"Nair: \"We have hired four thousand nurses.\"");
	check_invariants(&x);
	assert_int_equal(x.q.nquote, 2);
	assert_string_equal(speaker(&x, 0), "Priya Nair");
	assert_string_equal(verb(&x, 0), "said");
	assert_string_equal(speaker(&x, 1), "Priya Nair");
	assert_string_equal(verb(&x, 1), ":");
	q_free(&x);

	/* the introduction closes the previous paragraph */
	q_build(&x, "Coach Sam Adler continued:\n\n\"We played our best half of the season.\"");
	assert_int_equal(x.q.nquote, 1);
	assert_string_equal(speaker(&x, 0), "Sam Adler");
	assert_string_equal(verb(&x, 0), "continued");
	q_free(&x);
}

static void
test_apposition_and_surname(void **state)
{
	Q			x;

	q_build(&x, "Judge Helen Marsh, who has led the inquiry since March, said the evidence was "
			"\"overwhelming\".\n\n"
			"“No one in the department raised the alarm,” Marsh said.\n\n"
			"“That failure cost lives,” Ms Marsh added.");
	check_invariants(&x);
	assert_int_equal(x.q.nquote, 3);
	for (uint32_t k = 0; k < 3; k++)
		assert_string_equal(speaker(&x, k), "Helen Marsh");
	assert_int_equal(x.q.quotes[1].speaker_entity, x.q.quotes[0].speaker_entity);
	assert_string_equal(verb(&x, 2), "added");
	q_free(&x);
}

static void
test_pronoun_picks_the_right_person(void **state)
{
	Q			x;

	q_build(&x, "Mr Kovacs, the club chairman, met Ms Ferreira, the league president, on Monday.\n\n"
			"“The league has treated us unfairly,” said Mr Kovacs.\n\n"
			"Ms Ferreira rejected the claim. “Every club is treated the same way,” she said.\n\n"
			"“We will appeal,” he said.");
	check_invariants(&x);
	assert_speakers(&x, 3, (const char *const[]) {"Kovacs", "Ferreira", "Kovacs"});
	q_free(&x);
}

/* the apposition that reports is the subject, not the possessive before it */
static void
test_pronoun_after_apposition(void **state)
{
	Q			x;

	q_build(&x, "Veloria's envoy to the talks, Mr. Tomas Brandt, said the offer was "
			"final. \"We will not reopen the text,\" he said.\n\n"
			"Lawyer Anneke de Vries disagreed. \"The text is not final,\" she said.\n\n"
			"De Vries said the talks would resume. \"We will be back on Monday,\" "
			"she added.");
	check_invariants(&x);
	/* "De Vries" opening a sentence is her surname, not someone else */
	assert_speakers(&x, 3, (const char *const[]) {"Tomas Brandt", "Anneke de Vries",
	"Anneke de Vries"});
	assert_int_equal(x.q.quotes[2].speaker_entity, x.q.quotes[1].speaker_entity);
	q_free(&x);
}

static void
test_following_quote_inherits(void **state)
{
	Q			x;

	q_build(&x, "“The harvest was the worst in a decade,” said farmer Liam Doyle, who grows "
			"barley near the coast. “Half the crop was lost to the rain.”\n\n"
			"“We cannot survive another year like this.”");
	check_invariants(&x);
	assert_speakers(&x, 3, (const char *const[]) {"Liam Doyle", "Liam Doyle", "Liam Doyle"});
	q_free(&x);
}

static void
test_organisations_and_according_to(void **state)
{
	Q			x;

	q_build(&x, "The inspectors found \"serious failings\" at the plant, the U.N. said in a "
			"statement.\n\n"
			"Exports fell \"sharply\" in the spring, according to the International Monetary Fund.");
	check_invariants(&x);
	assert_int_equal(x.q.nquote, 2);
	assert_string_equal(speaker(&x, 0), "U.N.");
	assert_string_equal(verb(&x, 1), "according to");
	assert_string_equal(speaker(&x, 1), "International Monetary Fund");
	q_free(&x);
}

static void
test_descriptive_speakers(void **state)
{
	Q			x;

	q_build(&x, "\"The minister has full confidence in the plan,\" a government spokesman said.");
	check_invariants(&x);
	assert_int_equal(x.q.nquote, 1);
	assert_string_equal(speaker(&x, 0), "government spokesman");
	assert_int_equal(x.q.quotes[0].speaker_entity, -1);
	assert_string_equal(span_text(&x, x.q.quotes[0].speaker_first, x.q.quotes[0].speaker_end),
						"a government spokesman");
	q_free(&x);
}

static void
test_reporting_verbs_in_all_tenses(void **state)
{
	static const char *const verbs[] = {
		"says", "said", "told reporters", "added", "insisted", "warned", "wrote", "has said",
		"will say", "is saying", "also said", "later wrote", "argues", "explained",
	};

	for (size_t i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
	{
		char		text[256];
		Q			x;

		snprintf(text, sizeof(text), "“The tunnel will open next spring,” Mayor Ana Ruiz %s.",
				 verbs[i]);
		q_build(&x, text);
		assert_int_equal(x.q.nquote, 1);
		assert_string_equal(speaker(&x, 0), "Ana Ruiz");
		q_free(&x);
	}
}

static void
test_transcript_turns(void **state)
{
	Q			x;

	q_build(&x, "Host Jane Alvarez interviewed Governor Mark Feld on Sunday.\n\n"
			"\"ALVAREZ: Will you sign the bill?\n\n"
			"\"FELD: Not in its current form.\"");
	check_invariants(&x);
	assert_int_equal(x.q.nquote, 2);
	assert_string_equal(speaker(&x, 0), "Jane Alvarez");
	assert_string_equal(speaker(&x, 1), "Mark Feld");
	q_free(&x);
}

static void
test_no_source_gives_null(void **state)
{
	Q			x;

	q_build(&x, "Storm 'worst in decades'\n\nThe storm flooded the valley on Sunday.");
	assert_int_equal(x.q.nquote, 1);
	assert_null(x.q.quotes[0].speaker);
	assert_int_equal(x.q.quotes[0].speaker_entity, -1);
	assert_int_equal(x.q.quotes[0].verb_first, -1);
	q_free(&x);
}

static void
test_quotes_at(void **state)
{
	Q			x;
	int			w;

	q_build(&x, "Ruiz said: “We will win.” Then she left.");
	assert_int_equal(x.q.nquote, 1);
	w = unit_find_token(&x.u, "win");
	assert_int_equal(nc_quotes_at(&x.q, (uint32_t) w), 0);
	w = unit_find_token(&x.u, "“");
	assert_int_equal(nc_quotes_at(&x.q, (uint32_t) w), 0);
	w = unit_find_token(&x.u, "Then");
	assert_int_equal(nc_quotes_at(&x.q, (uint32_t) w), -1);
	w = unit_find_token(&x.u, "Ruiz");
	assert_int_equal(nc_quotes_at(&x.q, (uint32_t) w), -1);
	q_free(&x);
}

/* ---- robustness ---- */

static char *
repeat(const char *unit, size_t times)
{
	size_t		n = strlen(unit);
	char	   *s = malloc(n * times + 1);

	for (size_t i = 0; i < times; i++)
		memcpy(s + i * n, unit, n);
	s[n * times] = '\0';
	return s;
}

static void
test_hostile_input(void **state)
{
	static const char *const units[] = {
		"\"",					/* a million straight marks */
		"“",					/* a million openers, never closed */
		"“a ‘b «c ‹d „e ",		/* deep nesting of every family */
		"x",					/* one long word, no spaces */
		"\"x,\" he said, \"y.\" ",	/* a million tiny quotes */
		"'\"'\n\n",				/* mixed families over paragraphs */
	};

	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++)
	{
		char	   *text = repeat(units[i], (1 << 20) / strlen(units[i]));
		Q			x;

		q_build(&x, text);
		check_invariants(&x);
		q_free(&x);
		free(text);
	}
}

static void
test_without_entities(void **state)
{
	UnitDoc		u;
	NcQuotes	q;
	NcEntities	none = {0};

	unit_doc_build(&u, "“We will win,” she said. Officials said the count was \"fair\".");
	assert_int_equal(nc_quotes_extract(&u.env, &u.doc, &none, &q), NC_OK);
	assert_int_equal(q.nquote, 2);
	assert_int_equal(nc_quotes_extract(&u.env, &u.doc, NULL, &q), NC_OK);
	assert_int_equal(q.nquote, 2);
	unit_doc_free(&u);
}

static void
test_out_of_memory_and_cancel(void **state)
{
	char	   *text = repeat("“We will not yield,” Mr. Harlan said. A spokesman said: "
						  "\"The talks go on.\"\n\n", 300);
	Q			x;

	q_build(&x, text);			/* the document and entities, built once */
	for (int budget = 0; budget < 12; budget++)
	{
		FailingEnv	b = {nc_arena_create(), {0}, budget, 1 << 30};
		NcEnv		env = {failing_alloc, failing_grow, NULL, &b};
		NcQuotes	q;
		NcStatus	st;

		nc_arena_env(b.arena, &b.inner);
		st = nc_quotes_extract(&env, &x.u.doc, &x.e, &q);
		assert_true(st == NC_OK || st == NC_ENOMEM);
		if (st != NC_OK)
			assert_int_equal(q.nquote, 0);
		nc_arena_destroy(b.arena);
	}
	for (int checks = 0; checks < 3; checks++)
	{
		FailingEnv	b = {nc_arena_create(), {0}, 1 << 30, checks};
		NcEnv		env = {failing_alloc, failing_grow, failing_interrupted, &b};
		NcQuotes	q;

		nc_arena_env(b.arena, &b.inner);
		assert_int_equal(nc_quotes_extract(&env, &x.u.doc, &x.e, &q), NC_ECANCEL);
		assert_int_equal(q.nquote, 0);
		nc_arena_destroy(b.arena);
	}
	q_free(&x);
	free(text);
}

static const struct CMUnitTest quotes_tests[] = {
	cmocka_unit_test(test_mark_styles),
	cmocka_unit_test(test_nested_quotes_belong_to_the_outer),
	cmocka_unit_test(test_unclosed_quote_stops_at_paragraph),
	cmocka_unit_test(test_quote_over_paragraphs),
	cmocka_unit_test(test_merged_paragraphs_restart),
	cmocka_unit_test(test_titles_nicknames_and_terms_are_no_quotes),
	cmocka_unit_test(test_scare_quotes_with_a_source),
	cmocka_unit_test(test_headline_single_quotes),
	cmocka_unit_test(test_speaker_after_and_inverted),
	cmocka_unit_test(test_split_quote_and_pronoun),
	cmocka_unit_test(test_colon_introductions),
	cmocka_unit_test(test_apposition_and_surname),
	cmocka_unit_test(test_pronoun_picks_the_right_person),
	cmocka_unit_test(test_pronoun_after_apposition),
	cmocka_unit_test(test_following_quote_inherits),
	cmocka_unit_test(test_organisations_and_according_to),
	cmocka_unit_test(test_descriptive_speakers),
	cmocka_unit_test(test_reporting_verbs_in_all_tenses),
	cmocka_unit_test(test_transcript_turns),
	cmocka_unit_test(test_no_source_gives_null),
	cmocka_unit_test(test_quotes_at),
	cmocka_unit_test(test_hostile_input),
	cmocka_unit_test(test_without_entities),
	cmocka_unit_test(test_out_of_memory_and_cancel),
};

int
run_quotes_tests(void)
{
	return cmocka_run_group_tests_name("quotes", quotes_tests, NULL, NULL);
}
