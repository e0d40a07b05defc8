/*
 * unit.h
 *		Shared helpers of the core's unit tests (cmocka).
 */
#ifndef NC_UNIT_H
#define NC_UNIT_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "nc_arena.h"
#include "nc_doc.h"

/* A document built in its own arena; free with unit_doc_free(). */
typedef struct UnitDoc
{
	NcArena    *arena;
	NcEnv		env;
	NcDoc		doc;
} UnitDoc;

extern void unit_doc_build(UnitDoc *u, const char *text);
extern void unit_doc_free(UnitDoc *u);
/* The text of sentence i (0-based), NUL-terminated in a static buffer. */
extern const char *unit_sentence(const UnitDoc *u, uint32_t i);
/* Index of the first token whose text equals s, or -1. */
extern int	unit_find_token(const UnitDoc *u, const char *s);

/* Each test file's group. */
extern int	run_doc_tests(void);
extern int	run_robustness_tests(void);
extern int	run_entities_tests(void);
extern int	run_claims_tests(void);
extern int	run_quotes_tests(void);
extern int	run_fuzz_found_tests(void);
extern int	run_hostile_tests(void);

#endif
