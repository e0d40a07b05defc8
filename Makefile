# newsclaims: PostgreSQL extension (PGXS) plus its command-line twin.
#
#   make                 build newsclaims.so and bin/newsclaims
#   make install         install both (bin/newsclaims goes to pg_config --bindir)
#   make installcheck    pg_regress suites against a running server
#   make test            every test, on a throwaway cluster (see test/run-all)
#   make demo            sample articles through the extension, as tables

.DEFAULT_GOAL := all

EXTENSION  = newsclaims
# The version is the control file's default_version.  Every release's
# script ships: newsclaims--0.1.sql is release 0.1 and is never edited
# again; a later change to the SQL surface is an upgrade script
# (newsclaims--0.1--0.2.sql, ...) plus a new default_version
# (test/checks/release_scripts.sh and sql/upgrade.sql check both).
EXTVERSION = $(shell sed -n "s/^default_version *= *'\(.*\)'.*/\1/p" $(EXTENSION).control)
MODULE_big = newsclaims
DATA       = $(sort $(wildcard newsclaims--*.sql))
PGFILEDESC = "newsclaims - entities, quotes and numeric claims from news text"

PG_CONFIG ?= pg_config

# Lexicons: data files compiled into the library (tools/lexgen.sh).
LEXICONS   = $(wildcard src/core/lexicon/*.txt)
LEX_C      = src/core/gen/lexicon_data.c

CORE_SRCS  = $(wildcard src/core/*.c)
CORE_OBJS  = $(CORE_SRCS:.c=.o) $(LEX_C:.c=.o)
PG_OBJS    = $(patsubst %.c,%.o,$(wildcard src/pg/*.c))
CLI_OBJS   = $(patsubst %.c,%.o,$(wildcard src/cli/*.c))
OBJS       = $(CORE_OBJS) $(PG_OBJS)

SCRIPTS_built = bin/newsclaims
EXTRA_CLEAN   = bin src/core/gen test/unit/*.o test/unit/run_unit results \
                regression.diffs regression.out log

REGRESS      = $(patsubst sql/%.sql,%,$(sort $(wildcard sql/*.sql)))
REGRESS_OPTS = --load-extension=newsclaims

PG_CPPFLAGS = -Isrc/core -Isrc/core/gen -DNC_EXTVERSION='"$(EXTVERSION)"' $(ICU_CFLAGS)
# -Wextra everywhere; PG_FUNCTION_ARGS leaves fcinfo unused by design, and
# PostgreSQL's own headers use partial initialisers, so those two stay off.
PG_CFLAGS   = -Wextra -Wno-unused-parameter -Wno-missing-field-initializers $(NC_WERROR)
SHLIB_LINK  = $(ICU_LIBS) -lm

# Extractor-specific build pieces (generated model data and the like) live
# in mk/*.mk; they add to CORE_OBJS, so they come before PGXS reads OBJS.
include $(sort $(wildcard mk/*.mk))

# No LLVM bitcode: the JIT cannot usefully inline set-returning C functions
# that run for milliseconds, and the tagger's model is an assembler object.
override with_llvm = no

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# Every object depends on the headers of its own directory and the core's.
$(CORE_OBJS) $(PG_OBJS) $(CLI_OBJS): $(wildcard src/core/*.h) $(LEX_C)
$(PG_OBJS): $(wildcard src/pg/*.h)
# version() reports the control file's default_version
src/core/version.o build/asan/src/core/version.o build/fuzz/src/core/version.o: $(EXTENSION).control

$(LEX_C): tools/lexgen.sh $(LEXICONS)
	@mkdir -p $(dir $@)
	sh tools/lexgen.sh $@ $(LEXICONS)

# The CLI links the same core objects as the extension, outside the backend.
bin/newsclaims: $(CLI_OBJS) $(CORE_OBJS)
	@mkdir -p bin
	$(CC) $(CFLAGS) -o $@ $^ $(LDFLAGS) $(ICU_LIBS) -lm

all: bin/newsclaims

.PHONY: test demo unit
test:
	sh test/run-all

demo:
	sh test/demo $(ARTICLE)

# Unit tests of the core (cmocka), outside PostgreSQL.
UNIT_SRCS = $(wildcard test/unit/*.c)
test/unit/run_unit: $(UNIT_SRCS) $(wildcard test/unit/*.h) test/failing_env.h $(CORE_OBJS) $(wildcard src/core/*.h)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $(UNIT_SRCS) $(CORE_OBJS) $(LDFLAGS) -lcmocka $(ICU_LIBS) -lm

unit: test/unit/run_unit
	test/unit/run_unit
