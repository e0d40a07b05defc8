/*
 * cli.h
 *		The command-line twin: shared pieces of bin/newsclaims.
 */
#ifndef NC_CLI_H
#define NC_CLI_H

#include <stdio.h>

#include "nc_doc.h"
#include "nc_json.h"

/* Keep freed heap for the next text (heap.c); call first thing in main. */
extern void cli_heap_policy(void);

/* Read all of path ("-" or NULL: stdin) into a malloc'd buffer. */
extern char *cli_read_input(const char *path, size_t *len);

/* Print a message naming the program and exit with status 2. */
extern void cli_fail(const char *fmt,...) __attribute__((format(printf, 1, 2), noreturn));

/* Write buf's contents and a newline to stdout; fail on a short write. */
extern void cli_emit_line(const NcBuf *buf);

/* One document of a JSONL file: its id and text (malloc'd, NUL-terminated). */
typedef struct CliDoc
{
	char	   *id;
	char	   *text;
	size_t		textlen;
} CliDoc;

/*
 * Parse one JSONL line into doc (fields missing: NULL).  Returns false on
 * malformed JSON, with a reason in *err.
 */
extern bool cli_parse_jsonl(const char *line, size_t len, CliDoc *doc, const char **err);
extern void cli_doc_free(CliDoc *doc);

/* analyze [FILE] and eval [FILE] (eval.c) */
extern int	cli_analyze(const char *path);
extern int	cli_eval(const char *path);

/* Per-unit JSON writers (1-based spans, as in SQL). */
extern void cli_write_sentences(NcBuf *buf, const NcDoc *doc, uint32_t i);
extern void cli_write_token(NcBuf *buf, const NcDoc *doc, uint32_t i);

#endif							/* NC_CLI_H */
