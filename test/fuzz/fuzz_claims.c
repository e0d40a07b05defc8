/*
 * fuzz_claims.c
 *		libFuzzer target: the claims extractor (after every earlier stage).
 *		Invariants are checked in fuzz_common.h.
 */
#include "fuzz_common.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_run(data, size, NC_STAGE_CLAIMS, false);
	return 0;
}
