/*
 * input.c
 *		Reading the CLI's input and reporting failures.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void
cli_fail(const char *fmt,...)
{
	va_list		ap;

	fputs("newsclaims: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

char *
cli_read_input(const char *path, size_t *len)
{
	FILE	   *f = stdin;
	char	   *data = NULL;
	size_t		cap = 0,
				n = 0;

	if (path != NULL && strcmp(path, "-") != 0)
	{
		f = fopen(path, "rb");
		if (f == NULL)
			cli_fail("could not open \"%s\": %s", path, strerror(errno));
	}
	for (;;)
	{
		size_t		got;

		if (cap - n < 65536)
		{
			cap = cap ? cap * 2 : 1 << 20;
			data = realloc(data, cap + 1);
			if (data == NULL)
				cli_fail("out of memory reading input");
		}
		got = fread(data + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(f))
		cli_fail("could not read \"%s\": %s", path ? path : "stdin", strerror(errno));
	if (f != stdin)
		fclose(f);
	data[n] = '\0';
	*len = n;
	return data;
}

void
cli_emit_line(const NcBuf *buf)
{
	if (buf->failed)
		cli_fail("out of memory writing output");
	if (fwrite(buf->data, 1, buf->len, stdout) != buf->len || putchar('\n') == EOF)
		cli_fail("could not write output: %s", strerror(errno));
}
