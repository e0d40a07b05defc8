/*
 * main.c
 *		bin/newsclaims: the extension's extractors from the command line.
 *
 *	newsclaims sentences [FILE]   one JSON object per sentence
 *	newsclaims tokens [FILE]      one JSON object per token
 *	newsclaims analyze [FILE]     the JSON document SQL analyze() returns
 *	newsclaims eval [FILE]        predictions for a JSONL corpus (FORMAT.md)
 *
 * No FILE, or "-", reads standard input.  Output matches the SQL functions
 * of the same name: 1-based character spans, end exclusive.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "nc_arena.h"
#include "nc_version.h"

typedef void (*UnitWriter) (NcBuf *buf, const NcDoc *doc, uint32_t i);

static void
usage(FILE *out)
{
	fputs("Usage: newsclaims COMMAND [FILE]\n"
		  "\n"
		  "Commands:\n"
		  "  sentences [FILE]   print each sentence as a JSON object\n"
		  "  tokens [FILE]      print each token as a JSON object\n"
		  "  analyze [FILE]     print entities, quotes and claims as one JSON document\n"
		  "  eval [FILE]        read JSONL documents (id, text), write predictions\n"
		  "                     in the shape of shared/eval/FORMAT.md\n"
		  "  version            print the extension, ICU and lexicon versions\n"
		  "\n"
		  "FILE is UTF-8 text; without it (or with -) standard input is read.\n",
		  out);
}

/* Build the document model of text or exit with the core's reason. */
static void
build_doc(const NcEnv *env, const char *text, size_t len, NcDoc *doc)
{
	NcStatus	st = nc_doc_build(env, text, len, doc);

	if (st != NC_OK)
		cli_fail("could not analyse the text: %s", nc_status_message(st));
}

/* sentences / tokens: one line of JSON per unit of one document. */
static int
cmd_units(const char *path, bool tokens)
{
	size_t		len;
	char	   *text = cli_read_input(path, &len);
	NcArena    *arena = nc_arena_create();
	NcEnv		env;
	NcDoc		doc;
	NcBuf		buf;
	uint32_t	n;
	UnitWriter	write = tokens ? cli_write_token : cli_write_sentences;

	if (arena == NULL)
		cli_fail("out of memory");
	nc_arena_env(arena, &env);
	build_doc(&env, text, len, &doc);
	nc_buf_init(&buf, &env);
	n = tokens ? doc.ntok : doc.nsent;
	for (uint32_t i = 0; i < n; i++)
	{
		buf.len = 0;
		write(&buf, &doc, i);
		cli_emit_line(&buf);
	}
	nc_arena_destroy(arena);
	free(text);
	return fflush(stdout) == 0 ? 0 : 2;
}

int
main(int argc, char **argv)
{
	const char *cmd;

	cli_heap_policy();
	if (argc < 2)
	{
		usage(stderr);
		return 2;
	}
	cmd = argv[1];
	if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0)
	{
		usage(stdout);
		return 0;
	}
	if (strcmp(cmd, "version") == 0 && argc == 2)
	{
		char		v[128];

		nc_version_format(v, sizeof(v));
		puts(v);
		return 0;
	}
	if (argc > 3)
	{
		usage(stderr);
		return 2;
	}
	if (strcmp(cmd, "sentences") == 0)
		return cmd_units(argc == 3 ? argv[2] : NULL, false);
	if (strcmp(cmd, "tokens") == 0)
		return cmd_units(argc == 3 ? argv[2] : NULL, true);
	if (strcmp(cmd, "analyze") == 0)
		return cli_analyze(argc == 3 ? argv[2] : NULL);
	if (strcmp(cmd, "eval") == 0)
		return cli_eval(argc == 3 ? argv[2] : NULL);

	fprintf(stderr, "newsclaims: unknown command \"%s\"\n", cmd);
	usage(stderr);
	return 2;
}
