/*
 * fuzz_analyze_json.c
 *		libFuzzer target: analyze()'s JSON text: every stage, then the JSON must parse (strict validator).
 *		Invariants are checked in fuzz_common.h.
 */
#include "fuzz_common.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_run(data, size, NC_STAGE_CLAIMS, true);
	return 0;
}
