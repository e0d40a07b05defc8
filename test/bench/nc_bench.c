/*
 * nc_bench.c
 *		In-process throughput of the core, per extractor, on one core.
 *
 *	nc_bench CORPUS TARGET_BYTES
 *
 * CORPUS holds the texts separated by NUL bytes (test/bench/prepare.py
 * writes it).  For each stage the texts are analysed in order, over and over,
 * until TARGET_BYTES have gone through; each text gets a fresh arena, as in
 * `newsclaims eval`, and malloc keeps freed heap as there (src/cli/heap.c).
 * Prints one tab-separated line per stage:
 *
 *	stage  bytes  docs  seconds  output
 *
 * Seconds are the process's CPU time (one thread: one core), so that other
 * work on the machine does not count against us.
 * Stages: the document model alone (nc_doc_build), then the pipeline up to
 * entities, quotes and claims, then analyze (all of it plus the JSON text of
 * the CLI's and SQL's analyze).  Not part of the extension or the CLI.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "nc_analyze.h"
#include "nc_arena.h"

typedef struct Text
{
	const char *s;
	size_t		len;
} Text;

typedef enum Stage
{
	ST_DOC,
	ST_ENTITIES,
	ST_QUOTES,
	ST_CLAIMS,
	ST_ANALYZE
} Stage;

static const char *const stage_names[] = {
	"doc", "entities", "quotes", "claims", "analyze"
};

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

/* Run one stage over one text; returns the bytes of output (JSON) made. */
static size_t
run_one(Stage stage, const Text *t)
{
	NcArena    *arena = nc_arena_create();
	NcEnv		env;
	NcStatus	st;
	size_t		out = 0;

	if (arena == NULL)
	{
		fputs("nc_bench: out of memory\n", stderr);
		exit(2);
	}
	nc_arena_env(arena, &env);
	if (stage == ST_DOC)
	{
		NcDoc		doc;

		st = nc_doc_build(&env, t->s, t->len, &doc);
		out = doc.ntok;
	}
	else
	{
		NcAnalysis	a;
		NcStage		upto = stage == ST_ENTITIES ? NC_STAGE_ENTITIES :
			stage == ST_QUOTES ? NC_STAGE_QUOTES : NC_STAGE_CLAIMS;

		st = nc_analyze(&env, t->s, t->len, upto, &a);
		if (st == NC_OK && stage == ST_ANALYZE)
		{
			NcBuf		b;

			nc_buf_init(&b, &env);
			nc_analysis_json(&b, &a, nc_position_codepoint, NULL);
			if (b.failed)
				st = NC_ENOMEM;
			out = b.len;
		}
	}
	if (st != NC_OK)
	{
		fprintf(stderr, "nc_bench: %s: %s\n", stage_names[stage], nc_status_message(st));
		exit(2);
	}
	nc_arena_destroy(arena);
	return out;
}

int
main(int argc, char **argv)
{
	size_t		len,
				ntext = 0,
				cap = 0;
	char	   *data;
	Text	   *texts = NULL;
	double		target;
	size_t		pos = 0;
	int			first_stage = 0,
				last_stage = ST_ANALYZE;

	/* the process is set up as bin/newsclaims sets itself up */
	cli_heap_policy();
	if (argc < 3)
	{
		fputs("usage: nc_bench CORPUS TARGET_BYTES [STAGE]\n", stderr);
		return 2;
	}
	data = cli_read_input(argv[1], &len);
	target = atof(argv[2]);
	if (argc > 3)
	{
		for (int s = 0; s <= ST_ANALYZE; s++)
			if (strcmp(argv[3], stage_names[s]) == 0)
				first_stage = last_stage = s;
	}

	while (pos < len)
	{
		const char *nul = memchr(data + pos, '\0', len - pos);
		size_t		tl = (nul ? (size_t) (nul - data) : len) - pos;

		if (tl > 0)
		{
			if (ntext == cap)
			{
				cap = cap ? cap * 2 : 256;
				texts = realloc(texts, cap * sizeof(Text));
				if (texts == NULL)
					return 2;
			}
			texts[ntext].s = data + pos;
			texts[ntext].len = tl;
			ntext++;
		}
		pos += tl + 1;
	}
	if (ntext == 0)
	{
		fputs("nc_bench: no text in the corpus\n", stderr);
		return 2;
	}

	/* warm up: page in the code, the model and the lexicons */
	for (size_t i = 0; i < ntext && i < 50; i++)
		run_one(ST_ANALYZE, &texts[i]);

	for (int s = first_stage; s <= last_stage; s++)
	{
		double		bytes = 0,
					t0 = now();
		size_t		docs = 0,
					sink = 0;

		while (bytes < target)
		{
			const Text *t = &texts[docs % ntext];

			sink += run_one((Stage) s, t);
			bytes += (double) t->len;
			docs++;
		}
		printf("%s\t%.0f\t%zu\t%.4f\t%zu\n", stage_names[s], bytes, docs, now() - t0, sink);
		fflush(stdout);
	}
	free(texts);
	free(data);
	return 0;
}
