/*
 * test_hostile.c
 *		Hostile input through the whole pipeline (document model, entities,
 *		quotes, claims and analyze()'s JSON), each with its expected outcome,
 *		and a check that the work grows linearly with the input.
 *
 * Every run goes through fuzz_run() of test/fuzz/fuzz_common.h, so besides
 * the expectations written here every invariant the fuzzers check holds
 * (offsets in the text, ranges in order, JSON that parses).  The 100 MB
 * text and the server encodings are tested in SQL (sql/hostile.sql,
 * sql/eucjp.sql, sql/latin1.sql, sql/sqlascii.sql).
 */
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <time.h>

#include "unit.h"

#define FUZZ_CHECK(cond) assert_true(cond)
#include "../fuzz/fuzz_common.h"

/* A malloc'd string: `unit` repeated to exactly n bytes (may cut a unit). */
static char *
repeat_to(const char *unit, size_t n)
{
	size_t		ul = strlen(unit);
	char	   *s = malloc(n + 1);

	assert_non_null(s);
	for (size_t i = 0; i < n; i += ul)
		memcpy(s + i, unit, (n - i < ul) ? n - i : ul);
	s[n] = '\0';
	return s;
}

/* The analysis of s, kept for expectations; free with hostile_free(). */
typedef struct Hostile
{
	NcArena    *arena;
	NcEnv		env;
	NcAnalysis	a;
} Hostile;

static void
hostile_run(Hostile *h, const char *s, size_t len)
{
	/* every invariant and the JSON, then once more to look at the result */
	fuzz_run((const uint8_t *) s, len, NC_STAGE_CLAIMS, true);
	h->arena = nc_arena_create();
	assert_non_null(h->arena);
	nc_arena_env(h->arena, &h->env);
	assert_int_equal(nc_analyze(&h->env, s, len, NC_STAGE_CLAIMS, &h->a), NC_OK);
}

static void
hostile_free(Hostile *h)
{
	nc_arena_destroy(h->arena);
}

static bool
has_token(const NcDoc *d, const char *text, NcTokenKind kind)
{
	size_t		n = strlen(text);

	for (uint32_t i = 0; i < d->ntok; i++)
		if (nc_tok_len(d, i) == n && memcmp(nc_tok_ptr(d, i), text, n) == 0 &&
			d->toks[i].kind == kind)
			return true;
	return false;
}

/* 1 MB without a space: one word token, no entity, quote or claim. */
static void
test_megabyte_without_space(void **state)
{
	char	   *s = repeat_to("abcdefghij", 1 << 20);
	Hostile		h;

	hostile_run(&h, s, 1 << 20);
	assert_int_equal(h.a.doc.ntok, 1);
	assert_int_equal(h.a.doc.nsent, 1);
	assert_int_equal(h.a.quotes.nquote, 0);
	assert_int_equal(h.a.claims.nclaim, 0);
	hostile_free(&h);
	free(s);

	/* the same with letters and punctuation but no white space */
	s = repeat_to("Mr.Smith,\"said\"5%;", 1 << 20);
	hostile_run(&h, s, 1 << 20);
	assert_true(h.a.doc.ntok > 100000);
	hostile_free(&h);
	free(s);
}

/* A million straight quotation marks, unbalanced (one extra). */
static void
test_million_quotation_marks(void **state)
{
	size_t		n = 1000001;
	char	   *s = repeat_to("\"", n);
	Hostile		h;

	hostile_run(&h, s, n);
	/* every mark is its own token; no quote has text to speak of */
	assert_int_equal(h.a.doc.ntok, n);
	for (uint32_t i = 0; i < h.a.doc.ntok; i++)
		assert_true(NC_TK_IS_QUOTE(h.a.doc.toks[i].kind));
	assert_true(h.a.quotes.nquote <= n / 2);
	assert_int_equal(h.a.claims.nclaim, 0);
	hostile_free(&h);
	free(s);

	/* curly openers only, separated by words: none ever closes */
	s = repeat_to("\xe2\x80\x9cword ", 8 * 1000000);
	hostile_run(&h, s, 8 * 1000000);
	assert_int_equal(h.a.doc.ntok, 2000000);
	hostile_free(&h);
	free(s);
}

/* A million digits: one number token, too long to be a claim. */
static void
test_million_digits(void **state)
{
	char	   *s = repeat_to("1234567890", 1000000);
	Hostile		h;

	hostile_run(&h, s, 1000000);
	assert_int_equal(h.a.doc.ntok, 1);
	assert_int_equal(h.a.doc.toks[0].kind, NC_TK_NUMBER);
	assert_int_equal(h.a.claims.nclaim, 0);
	hostile_free(&h);
	free(s);

	/* a million digits in groups: many numbers, each a bounded value */
	s = repeat_to("1,234.5 ", 1000000);
	hostile_run(&h, s, 1000000);
	assert_true(h.a.doc.ntok >= 125000);
	for (uint32_t i = 0; i < h.a.claims.nclaim; i++)
		assert_true(strlen(h.a.claims.claims[i].value) <= 48);
	hostile_free(&h);
	free(s);
}

/* Quotes nested 20000 deep in four mark styles, then closed. */
static void
test_deeply_nested_quotes(void **state)
{
	static const char *const open[] = {"\xe2\x80\x9c", "\xe2\x80\x98", "\xc2\xab", "\xe2\x80\xb9"};
	static const char *const close[] = {"\xe2\x80\x9d", "\xe2\x80\x99", "\xc2\xbb", "\xe2\x80\xba"};
	int			depth = 20000;
	size_t		cap = (size_t) depth * 2 * 8 + 64;
	char	   *s = malloc(cap);
	size_t		n = 0;
	Hostile		h;

	assert_non_null(s);
	for (int i = 0; i < depth; i++)
		n += (size_t) sprintf(s + n, "%s w ", open[i % 4]);
	n += (size_t) sprintf(s + n, "deep");
	for (int i = depth - 1; i >= 0; i--)
		n += (size_t) sprintf(s + n, " %s", close[i % 4]);
	n += (size_t) sprintf(s + n, " he said.");
	hostile_run(&h, s, n);
	/* nested quotes belong to the outer one: at most one quote per paragraph
	 * start, and never more quotes than opening marks */
	assert_true(h.a.quotes.nquote <= (uint32_t) depth);
	assert_true(h.a.quotes.nquote >= 1);
	hostile_free(&h);
	free(s);
}

static const char *const article =
	"Port Workers Strike Ends\n\n"
	"Dock workers in Valmora returned to work on Monday after a 12-day strike, "
	"the harbour authority said. \"We have an agreement that protects 4,500 jobs,\" "
	"union leader Ines Carvalho told reporters. Wages will rise 6.5% next year.\n\n"
	"Mayor Tomas Ruiz said the city had lost about $40m. \"It was a hard month,\" "
	"Ruiz said, \"but the port is open again.\"\n";

static char *
transform_case(const char *s, bool upper)
{
	size_t		n = strlen(s);
	char	   *t = malloc(n + 1);

	for (size_t i = 0; i <= n; i++)
	{
		char		c = s[i];

		if (upper && c >= 'a' && c <= 'z')
			c = (char) (c - 'a' + 'A');
		else if (!upper && c >= 'A' && c <= 'Z')
			c = (char) (c - 'A' + 'a');
		t[i] = c;
	}
	return t;
}

/* All-caps and all-lowercase articles: same sentences, quotes and claims. */
static void
test_all_caps_and_lowercase(void **state)
{
	Hostile		h,
				hu,
				hl;
	char	   *up = transform_case(article, true);
	char	   *low = transform_case(article, false);

	hostile_run(&h, article, strlen(article));
	hostile_run(&hu, up, strlen(up));
	hostile_run(&hl, low, strlen(low));
	/* "$40M." in capitals reads as an initial: one token fewer at most */
	assert_in_range(hu.a.doc.ntok, h.a.doc.ntok - 2, h.a.doc.ntok);
	assert_int_equal(hl.a.doc.ntok, h.a.doc.ntok);
	assert_int_equal(hu.a.doc.npara, h.a.doc.npara);
	assert_int_equal(hl.a.doc.npara, h.a.doc.npara);
	assert_int_equal(hu.a.quotes.nquote, h.a.quotes.nquote);
	assert_int_equal(hl.a.quotes.nquote, h.a.quotes.nquote);
	/* ... and "$40M." may then lose its claim */
	assert_in_range(hu.a.claims.nclaim, h.a.claims.nclaim - 1, h.a.claims.nclaim);
	assert_int_equal(hl.a.claims.nclaim, h.a.claims.nclaim);
	/* the mixed-case original names people; shouting must not invent more
	 * entities than it has tokens of words */
	assert_true(h.a.ents.nent >= 2);
	assert_true(hu.a.ents.nment <= h.a.doc.ntok);
	hostile_free(&h);
	hostile_free(&hu);
	hostile_free(&hl);
	free(up);
	free(low);
}

/* Cyrillic, CJK, Arabic (RTL) and mixed scripts. */
static void
test_scripts(void **state)
{
	static const char text[] =
		"\xd0\x9f\xd1\x80\xd0\xb5\xd0\xb7\xd0\xb8\xd0\xb4\xd0\xb5\xd0\xbd\xd1\x82 "	/* Президент */
		"\xd1\x81\xd0\xba\xd0\xb0\xd0\xb7\xd0\xb0\xd0\xbb: "	/* сказал: */
		"\xc2\xab\xd0\x9d\xd0\xb5\xd1\x82\xc2\xbb. "	/* «Нет». */
		"\xe5\x8c\x97\xe4\xba\xac\xe6\xac\xa2\xe8\xbf\x8e\xe4\xbd\xa0\xe3\x80\x82"	/* 北京欢迎你。 */
		"\xe4\xb8\x9c\xe4\xba\xac\xe3\x80\x82 "	/* 东京。 */
		"\xd9\x82\xd8\xa7\xd9\x84 \xd8\xa7\xd9\x84\xd8\xb1\xd8\xa6\xd9\x8a\xd8\xb3 "	/* قال الرئيس */
		"\"\xd9\x84\xd8\xa7\" 42. "	/* "لا" 42. */
		"Mixed \xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0-Berlin \xe6\x9d\xb1\xe4\xba\xac 5 km.";
	Hostile		h;

	hostile_run(&h, text, sizeof(text) - 1);
	assert_true(h.a.doc.nsent >= 4);
	assert_true(has_token(&h.a.doc, "\xc2\xab", NC_TK_QUOTE_OPEN));
	assert_true(has_token(&h.a.doc, "\xd9\x82\xd8\xa7\xd9\x84", NC_TK_WORD));
	assert_true(has_token(&h.a.doc, "42", NC_TK_NUMBER));
	/* code point offsets are not byte offsets */
	assert_true(h.a.doc.nchars < h.a.doc.len);
	hostile_free(&h);
}

/* Combining marks, emoji with skin tones and ZWJ, flags, Unicode spaces. */
static void
test_marks_emoji_spaces(void **state)
{
	static const char text[] =
		"e\xcc\x81t\xcc\x81\xcc\x82" "e na\xc3\xafve "	/* combining marks */
		"\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7 "	/* family ZWJ */
		"\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd \xf0\x9f\x87\xba\xf0\x9f\x87\xa6 "	/* thumbs + tone, flag */
		"a\xc2\xa0" "b\xe2\x80\x89" "c\xe2\x80\xaf" "d\xe3\x80\x80" "e\xe2\x80\x8b" "f "	/* NBSP, thin, narrow, ideographic, ZWSP */
		"g\xe2\x80\xa8h\xe2\x80\xa9i. 5\xc2\xa0" "000 people.";	/* LS, PS */
	Hostile		h;

	hostile_run(&h, text, sizeof(text) - 1);
	/* a combining sequence stays inside its word */
	assert_true(has_token(&h.a.doc, "e\xcc\x81t\xcc\x81\xcc\x82" "e", NC_TK_WORD));
	/* an emoji sequence is one token */
	assert_true(has_token(&h.a.doc, "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7", NC_TK_SYMBOL));
	assert_true(has_token(&h.a.doc, "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", NC_TK_SYMBOL));
	/* Unicode spaces separate words */
	assert_true(has_token(&h.a.doc, "a", NC_TK_WORD));
	assert_true(has_token(&h.a.doc, "b", NC_TK_WORD));
	assert_true(has_token(&h.a.doc, "d", NC_TK_WORD));
	hostile_free(&h);
}

/* CR, CRLF and form feeds break lines and paragraphs as LF does. */
static void
test_line_ends(void **state)
{
	static const char *const variants[][2] = {
		{"One here.\n\nTwo here.\nThree here.", "LF"},
		{"One here.\r\n\r\nTwo here.\r\nThree here.", "CRLF"},
		{"One here.\r\rTwo here.\rThree here.", "CR"},
		{"One here.\n\nTwo here.\fThree here.", "FF"},
	};
	Hostile		ref;

	hostile_run(&ref, variants[0][0], strlen(variants[0][0]));
	assert_int_equal(ref.a.doc.npara, 2);
	for (size_t k = 1; k < sizeof(variants) / sizeof(variants[0]); k++)
	{
		Hostile		h;

		hostile_run(&h, variants[k][0], strlen(variants[k][0]));
		assert_int_equal(h.a.doc.ntok, ref.a.doc.ntok);
		assert_int_equal(h.a.doc.nsent, ref.a.doc.nsent);
		assert_true(h.a.doc.npara >= 2);
		/* no line-end character inside any sentence's trimmed ends */
		for (uint32_t s = 0; s < h.a.doc.nsent; s++)
		{
			const NcSentence *st = &h.a.doc.sents[s];
			char		first = h.a.doc.text[st->start];
			char		last = h.a.doc.text[st->end - 1];

			assert_true(first != '\r' && first != '\n' && first != '\f');
			assert_true(last != '\r' && last != '\n' && last != '\f');
		}
		hostile_free(&h);
	}
	hostile_free(&ref);
}

/* ---------------------------------------------------------------- linearity */

static double
cpu_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Best of three CPU times of the whole pipeline over s[0..n). */
static double
pipeline_seconds(const char *s, size_t n)
{
	double		best = 1e9;

	for (int r = 0; r < 3; r++)
	{
		NcArena    *arena = nc_arena_create();
		NcEnv		env;
		NcAnalysis	a;
		NcBuf		buf;
		double		t0 = cpu_seconds(),
					t;

		nc_arena_env(arena, &env);
		assert_int_equal(nc_analyze(&env, s, n, NC_STAGE_CLAIMS, &a), NC_OK);
		nc_buf_init(&buf, &env);
		nc_analysis_json(&buf, &a, nc_position_codepoint, NULL);
		assert_false(buf.failed);
		t = cpu_seconds() - t0;
		if (t < best)
			best = t;
		nc_arena_destroy(arena);
	}
	return best;
}

/*
 * Four times the input costs about four times the work: for each shape of
 * text, CPU time at 4n over CPU time at n stays under 10 (quadratic work
 * would give 16).  The wide margin is for what a linear pipeline still
 * shows on a busy machine: caches that hold the smaller run and not the
 * larger, first-touch page faults; times are the best of three.
 */
static void
test_linear_work(void **state)
{
	static const struct
	{
		const char *name;
		const char *unit;
		size_t		n;
	}			shapes[] = {
		{"article", NULL, 800000},
		{"quotes", "\"a \"b\" c' \xe2\x80\x9c" "d ", 800000},
		{"open quotes", "\xe2\x80\x9cSaid ", 800000},
		{"numbers", "at least 4,500 people, 12% or $3bn; ", 400000},
		{"names", "Mr. Ann Lee of Acme Corp. met Bo Ruiz (BR) in Paris. ", 400000},
		{"no space", "abcdefghij", 2000000},
		{"caps", "THE U.N. SAID \"NO\" TO 40 STATES. ", 400000},
	};

#ifdef __GLIBC__
	/*
	 * Keep freed memory in the heap: otherwise glibc hands the larger run's
	 * big blocks back to the kernel after each run and the next run pays a
	 * page fault per page, the smaller run's blocks staying below the
	 * mmap threshold.  What is measured is then the pipeline's work.
	 */
	mallopt(M_MMAP_THRESHOLD, 1 << 30);
	mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif

	for (size_t k = 0; k < sizeof(shapes) / sizeof(shapes[0]); k++)
	{
		const char *unit = shapes[k].unit ? shapes[k].unit : article;
		size_t		n = shapes[k].n;
		char	   *s1 = repeat_to(unit, n);
		char	   *s2 = repeat_to(unit, 4 * n);
		double		t1 = pipeline_seconds(s1, n);
		double		t2 = pipeline_seconds(s2, 4 * n);
		double		ratio = t2 / (t1 > 1e-4 ? t1 : 1e-4);

		print_message("linearity %-12s %7zu bytes %.4fs, %7zu bytes %.4fs: ratio %.2f\n",
					  shapes[k].name, n, t1, 4 * n, t2, ratio);
		assert_true(ratio < 10.0);
		free(s1);
		free(s2);
	}
}

static const struct CMUnitTest hostile_tests[] = {
	cmocka_unit_test(test_megabyte_without_space),
	cmocka_unit_test(test_million_quotation_marks),
	cmocka_unit_test(test_million_digits),
	cmocka_unit_test(test_deeply_nested_quotes),
	cmocka_unit_test(test_all_caps_and_lowercase),
	cmocka_unit_test(test_scripts),
	cmocka_unit_test(test_marks_emoji_spaces),
	cmocka_unit_test(test_line_ends),
	cmocka_unit_test(test_linear_work),
};

int
run_hostile_tests(void)
{
	return cmocka_run_group_tests_name("hostile", hostile_tests, NULL, NULL);
}
