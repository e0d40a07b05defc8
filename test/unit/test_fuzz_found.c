/*
 * test_fuzz_found.c
 *		Every input the fuzzers of test/fuzz/ found to crash or to break an
 *		invariant, run through the whole pipeline and the JSON writer with
 *		the same checks as the fuzz targets (test/fuzz/fuzz_common.h).  Some
 *		of these only fail under the sanitizers (test/sanitizers/run runs
 *		this file built with ASan + UBSan).
 */
#include "unit.h"

#define FUZZ_CHECK(cond) assert_true(cond)
#include "../fuzz/fuzz_common.h"

static void
run_all_stages(const char *s, size_t len)
{
	fuzz_run((const uint8_t *) s, len, NC_STAGE_DOC, false);
	fuzz_run((const uint8_t *) s, len, NC_STAGE_ENTITIES, false);
	fuzz_run((const uint8_t *) s, len, NC_STAGE_QUOTES, false);
	fuzz_run((const uint8_t *) s, len, NC_STAGE_CLAIMS, true);
}

#define RUN(lit) run_all_stages(lit, sizeof(lit) - 1)

/*
 * fuzz_entities, first seconds: a text where the tagger proposes no span
 * called qsort(NULL, 0, ...) (undefined behaviour: UBSan "null pointer
 * passed as argument 1").  Fixed in entities_rules.c normalise_spans().
 */
static void
test_fuzz_no_entity_spans(void **state)
{
	RUN("\"\"\"\" '' ``quoted'' \"a \"b \"c \"d\" e\" f\" g\" 'x' \"\xe2\x80\x98\xe2\x80\x9c\xc2\xab\xe2\x80\xb9");
	RUN("");
	RUN(" ");
	RUN("...");
}

static const struct CMUnitTest fuzz_found_tests[] = {
	cmocka_unit_test(test_fuzz_no_entity_spans),
};

int
run_fuzz_found_tests(void)
{
	return cmocka_run_group_tests_name("fuzz_found", fuzz_found_tests, NULL, NULL);
}
