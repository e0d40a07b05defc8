/*
 * fuzz_doc.c
 *		libFuzzer target: the document model: paragraphs, sentences, tokens.
 *		Invariants are checked in fuzz_common.h.
 */
#include "fuzz_common.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_run(data, size, NC_STAGE_DOC, false);
	return 0;
}
