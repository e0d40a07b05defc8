/*
 * fuzz_quotes.c
 *		libFuzzer target: the quote extractor (after the document model and entities).
 *		Invariants are checked in fuzz_common.h.
 */
#include "fuzz_common.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_run(data, size, NC_STAGE_QUOTES, false);
	return 0;
}
