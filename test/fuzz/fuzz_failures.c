/*
 * fuzz_failures.c
 *		libFuzzer target: the core's failure paths.  The first two bytes of
 *		the input choose after how many allocations the allocator starts
 *		failing and after how many interrupt checks a cancel arrives; the
 *		rest is the text.  Every stage must then return NC_OK, NC_ENOMEM or
 *		NC_ECANCEL, never crash, never touch freed memory, and an NC_OK
 *		result must satisfy every invariant (fuzz_common.h).
 */
#include "fuzz_common.h"
#include "../failing_env.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FailingEnv	f;
	NcEnv		env = {failing_alloc, failing_grow, failing_interrupted, &f};
	NcAnalysis	a;
	NcStatus	st;

	if (size < 2)
		return 0;
	f.arena = nc_arena_create();
	FUZZ_CHECK(f.arena != NULL);
	nc_arena_env(f.arena, &f.inner);
	/* 0..255 allocations (255: practically unlimited for short texts) */
	f.allocs = data[0] == 255 ? 1 << 30 : data[0];
	f.checks = data[1] == 255 ? 1 << 30 : data[1];
	st = nc_analyze(&env, (const char *) data + 2, size - 2, NC_STAGE_CLAIMS, &a);
	FUZZ_CHECK(st == NC_OK || st == NC_ENOMEM || st == NC_ECANCEL);
	if (st == NC_OK)
	{
		NcBuf		buf;

		fuzz_check_doc(&a.doc, size - 2);
		fuzz_check_entities(&a.doc, &a.ents);
		fuzz_check_quotes(&a.doc, &a.ents, &a.quotes);
		fuzz_check_claims(&a.doc, &a.quotes, &a.claims);
		/* the JSON writer under failing allocations: complete or flagged */
		nc_buf_init(&buf, &env);
		nc_analysis_json(&buf, &a, nc_position_codepoint, NULL);
		if (!buf.failed)
			FUZZ_CHECK(fuzz_json_validate(buf.data, buf.len) < 0);
	}
	nc_arena_destroy(f.arena);
	return 0;
}
