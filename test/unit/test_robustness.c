/*
 * test_robustness.c
 *		The core's contract under failure: allocation failures and cancels
 *		come back as statuses, invalid UTF-8 and odd input never crash.
 */
#include <stdlib.h>

#include "unit.h"
#include "../failing_env.h"

static char *
long_article(size_t repeat)
{
	const char *para = "“We will not yield,” Mr. Harlan said on Jan. 4. The U.N. agreed.\n\n";
	size_t		plen = strlen(para);
	char	   *s = malloc(plen * repeat + 1);

	for (size_t i = 0; i < repeat; i++)
		memcpy(s + i * plen, para, plen);
	s[plen * repeat] = '\0';
	return s;
}

static void
test_out_of_memory_is_a_status(void **state)
{
	char	   *text = long_article(200);

	for (int budget = 0; budget < 40; budget++)
	{
		FailingEnv	f = {nc_arena_create(), {0}, budget, 1 << 30};
		NcEnv		env = {failing_alloc, failing_grow, NULL, &f};
		NcDoc		doc;
		NcStatus	st;

		nc_arena_env(f.arena, &f.inner);
		st = nc_doc_build(&env, text, strlen(text), &doc);
		assert_true(st == NC_OK || st == NC_ENOMEM);
		if (st == NC_ENOMEM)
			assert_int_equal(doc.ntok, 0);
		nc_arena_destroy(f.arena);
	}
	free(text);
}

static void
test_cancel_is_a_status(void **state)
{
	char	   *text = long_article(40000);	/* ~2.6 MB */
	FailingEnv	f = {nc_arena_create(), {0}, 1 << 30, 2};
	NcEnv		env = {failing_alloc, failing_grow, failing_interrupted, &f};
	NcDoc		doc;

	nc_arena_env(f.arena, &f.inner);
	assert_int_equal(nc_doc_build(&env, text, strlen(text), &doc), NC_ECANCEL);
	assert_int_equal(doc.nsent, 0);
	nc_arena_destroy(f.arena);
	free(text);
}

static void
test_invalid_utf8_never_crashes(void **state)
{
	static const char *const inputs[] = {
		"\xff\xfe broken \xc3 start",
		"truncated at the end \xe2\x80",
		"overlong \xc0\xaf and surrogate \xed\xa0\x80 here.",
		"\"\"\"\"'''' « » „ ‚ ‘ ’",
		"....... !!! ??? ,,, ;;;",
		"a\x01\x02\x03\x7f b",
	};

	for (size_t k = 0; k < sizeof(inputs) / sizeof(inputs[0]); k++)
	{
		UnitDoc		u;

		unit_doc_build(&u, inputs[k]);
		for (uint32_t i = 0; i < u.doc.ntok; i++)
		{
			assert_true(u.doc.toks[i].end <= u.doc.len);
			assert_true(u.doc.toks[i].start < u.doc.toks[i].end);
			assert_true(u.doc.toks[i].sentence < u.doc.nsent);
		}
		unit_doc_free(&u);
	}
}

/*
 * Found by hand: bytes 0x80-0xFF only, where U+0B67 (an Oriya digit) once
 * made a zero-length number token and the tokenizer looped forever.
 */
static void
test_random_high_bytes(void **state)
{
	size_t		n = 1 << 16;
	char	   *s = malloc(n + 1);
	uint32_t	x = 12345;
	UnitDoc		u;

	for (size_t i = 0; i < n; i++)
	{
		x = x * 1103515245u + 12345u;
		s[i] = (char) (0x80 | ((x >> 16) & 0x7F));
	}
	s[n] = '\0';
	unit_doc_build(&u, s);
	for (uint32_t i = 0; i < u.doc.ntok; i++)
		assert_true(u.doc.toks[i].start < u.doc.toks[i].end);
	unit_doc_free(&u);
	unit_doc_build(&u, "Digits \xe0\xad\xa7\xe0\xad\xa8 and \xd9\xa3\xd9\xa4 here");
	assert_int_equal(u.doc.ntok, 5);
	assert_int_equal(u.doc.toks[1].kind, NC_TK_NUMBER);
	assert_int_equal(u.doc.toks[3].kind, NC_TK_NUMBER);
	unit_doc_free(&u);
	free(s);
}

static void
test_long_run_without_spaces(void **state)
{
	size_t		n = 1 << 20;
	char	   *s = malloc(n + 1);
	UnitDoc		u;

	memset(s, 'x', n);
	s[n] = '\0';
	unit_doc_build(&u, s);
	assert_int_equal(u.doc.ntok, 1);
	assert_int_equal(u.doc.toks[0].cend, n);
	unit_doc_free(&u);
	free(s);
}

static void
test_scripts_and_emoji(void **state)
{
	UnitDoc		u;

	unit_doc_build(&u, "Президент сказал «нет». 北京欢迎你。 قال الرئيس \"لا\". Family: 👨‍👩‍👧 👍🏽!");
	assert_true(u.doc.nsent >= 3);
	/* the ZWJ family is one symbol token */
	assert_true(unit_find_token(&u, "👨‍👩‍👧") >= 0);
	assert_true(unit_find_token(&u, "👍🏽") >= 0);
	assert_int_equal(u.doc.toks[unit_find_token(&u, "«")].kind, NC_TK_QUOTE_OPEN);
	unit_doc_free(&u);
}

static const struct CMUnitTest robustness_tests[] = {
	cmocka_unit_test(test_out_of_memory_is_a_status),
	cmocka_unit_test(test_cancel_is_a_status),
	cmocka_unit_test(test_invalid_utf8_never_crashes),
	cmocka_unit_test(test_random_high_bytes),
	cmocka_unit_test(test_long_run_without_spaces),
	cmocka_unit_test(test_scripts_and_emoji),
};

int
run_robustness_tests(void)
{
	return cmocka_run_group_tests_name("robustness", robustness_tests, NULL, NULL);
}
