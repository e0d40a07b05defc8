/*
 * main.c
 *		Runs every unit test group of the core; exits non-zero on failure.
 */
#include "unit.h"

void
unit_doc_build(UnitDoc *u, const char *text)
{
	u->arena = nc_arena_create();
	assert_non_null(u->arena);
	nc_arena_env(u->arena, &u->env);
	assert_int_equal(nc_doc_build(&u->env, text, strlen(text), &u->doc), NC_OK);
}

void
unit_doc_free(UnitDoc *u)
{
	nc_arena_destroy(u->arena);
	u->arena = NULL;
}

const char *
unit_sentence(const UnitDoc *u, uint32_t i)
{
	static char buf[4096];
	const NcSentence *s = &u->doc.sents[i];
	size_t		n = s->end - s->start;

	if (n >= sizeof(buf))
		n = sizeof(buf) - 1;
	memcpy(buf, u->doc.text + s->start, n);
	buf[n] = '\0';
	return buf;
}

int
unit_find_token(const UnitDoc *u, const char *s)
{
	size_t		n = strlen(s);

	for (uint32_t i = 0; i < u->doc.ntok; i++)
		if (nc_tok_len(&u->doc, i) == n && memcmp(nc_tok_ptr(&u->doc, i), s, n) == 0)
			return (int) i;
	return -1;
}

int
main(void)
{
	int			failed = 0;

	failed += run_doc_tests();
	failed += run_robustness_tests();
	failed += run_entities_tests();
	failed += run_claims_tests();
	failed += run_quotes_tests();
	failed += run_fuzz_found_tests();
	failed += run_hostile_tests();
	return failed ? 1 : 0;
}
