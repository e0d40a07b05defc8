# mk/bench.mk: `make bench [BENCH_CORPUS=dir-or-jsonl] [BENCH_MB=n]`, the
# performance table of issue 6 (test/bench/run).  Not part of `make test`.
#
# Read before PGXS and before mk/ner.mk adds to CORE_OBJS: $(CORE_OBJS) is
# used only inside the recipe, and bin/newsclaims (which needs every core
# object) stands for them as a prerequisite.
BENCH_CORPUS ?= test/data/articles
BENCH_MB     ?= 50

EXTRA_CLEAN += test/bench/nc_bench

# The core's throughput in process, linked against the very objects of the
# extension and the CLI (whose input reader it uses).
test/bench/nc_bench: test/bench/nc_bench.c bin/newsclaims
	$(CC) $(CPPFLAGS) -Isrc/cli $(CFLAGS) -o $@ test/bench/nc_bench.c src/cli/input.o src/cli/heap.o $(CORE_OBJS) $(LDFLAGS) $(ICU_LIBS) -lm

.PHONY: bench
bench: all test/bench/nc_bench
	sh test/bench/run '$(BENCH_CORPUS)' '$(BENCH_MB)'
