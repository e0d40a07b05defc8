# mk/hardening.mk: builds and runs that look for what normal tests miss.
#
#   make asan              core + CLI + unit tests again under ASan+UBSan,
#                          into build/asan/ (the normal build is untouched)
#   make asan-check        run them (unit tests, CLI over the sample articles,
#                          eval output shape); test/run-all runs this
#   make fuzz [FUZZ_SECONDS=n]   every libFuzzer target of test/fuzz/ for n
#                          seconds each (default 60)
#   make fuzz-build        build the targets only (build/fuzz/)
#   make check-valgrind    the pg_regress suites against a backend running
#                          under valgrind (test/valgrind/run); not in make test
#   make stress            8 pgbench clients calling every function for
#                          STRESS_SECONDS (60) in a throwaway cluster
#
# Included before PGXS, so nothing here may depend on PGXS variables at
# parse time; ICU_CFLAGS/ICU_LIBS and CORE_OBJS (which mk/ner.mk, read after
# this file, extends) are expanded only inside recipes.

HARD_CC      ?= clang
HARD_CFLAGS   = -g -O1 -fno-omit-frame-pointer -Wall -Wno-unused-parameter \
                -Isrc/core -Isrc/core/gen -DNC_EXTVERSION='"$(EXTVERSION)"' $(ICU_CFLAGS)
ASAN_FLAGS    = -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_FLAGS    = -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all

# The core's C sources (and the generated lexicon) compiled again; any other
# core object (the tagger's model, an assembler file) is reused as built.
HARD_CORE_C   = $(CORE_SRCS) $(LEX_C)
HARD_EXTRA    = $(filter-out $(patsubst %.c,%.o,$(HARD_CORE_C)),$(CORE_OBJS))

ASAN_CORE     = $(patsubst %.c,build/asan/%.o,$(HARD_CORE_C))
ASAN_CLI      = $(patsubst %.c,build/asan/%.o,$(wildcard src/cli/*.c))
FUZZ_CORE     = $(patsubst %.c,build/fuzz/%.o,$(HARD_CORE_C))

FUZZ_SRCS     = $(wildcard test/fuzz/fuzz_*.c)
FUZZ_TARGETS  = $(patsubst test/fuzz/%.c,build/fuzz/%,$(FUZZ_SRCS))
FUZZ_SECONDS ?= 60
STRESS_SECONDS ?= 60

.PHONY: asan asan-check fuzz fuzz-build check-valgrind stress hard-extra

# Objects that are not compiled from C (mk/ner.mk's model) come from the
# normal build rules; CORE_OBJS is complete only when recipes run.
hard-extra: $(LEX_C)
	@$(MAKE) --no-print-directory $(HARD_EXTRA) >/dev/null

build/asan/%.o: %.c $(wildcard src/core/*.h) $(LEX_C)
	@mkdir -p $(dir $@)
	$(HARD_CC) $(HARD_CFLAGS) $(ASAN_FLAGS) -c -o $@ $<

build/fuzz/%.o: %.c $(wildcard src/core/*.h) $(LEX_C)
	@mkdir -p $(dir $@)
	$(HARD_CC) $(HARD_CFLAGS) $(FUZZ_FLAGS) -c -o $@ $<

build/asan/newsclaims: $(ASAN_CLI) $(ASAN_CORE) hard-extra
	$(HARD_CC) $(ASAN_FLAGS) -o $@ $(ASAN_CLI) $(ASAN_CORE) $(HARD_EXTRA) $(ICU_LIBS) -lm

build/asan/run_unit: $(wildcard test/unit/*.c test/unit/*.h) test/failing_env.h $(ASAN_CORE) hard-extra
	$(HARD_CC) $(HARD_CFLAGS) $(ASAN_FLAGS) -o $@ $(wildcard test/unit/*.c) \
		$(ASAN_CORE) $(HARD_EXTRA) -lcmocka $(ICU_LIBS) -lm

asan: build/asan/newsclaims build/asan/run_unit

asan-check: asan
	sh test/sanitizers/run

build/fuzz/fuzz_%: test/fuzz/fuzz_%.c test/fuzz/fuzz_common.h test/failing_env.h $(FUZZ_CORE) hard-extra
	$(HARD_CC) $(HARD_CFLAGS) -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
		-Itest/fuzz -o $@ $< $(FUZZ_CORE) $(HARD_EXTRA) $(ICU_LIBS) -lm

fuzz-build: $(FUZZ_TARGETS)

fuzz: fuzz-build
	sh test/fuzz/run $(FUZZ_SECONDS) $(FUZZ_TARGETS)

check-valgrind: all
	sh test/valgrind/run

stress: all
	sh test/stress/run $(STRESS_SECONDS)

EXTRA_CLEAN += build
