/*
 * fuzz_entities.c
 *		libFuzzer target: the entity extractor (after the document model).
 *		Invariants are checked in fuzz_common.h.
 */
#include "fuzz_common.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_run(data, size, NC_STAGE_ENTITIES, false);
	return 0;
}
