/*
 * output.c
 *		JSON objects for the units of the document model, with the same
 *		fields as the SQL functions (spans 1-based, end exclusive).
 */
#include <string.h>

#include "cli.h"

static void
write_span(NcBuf *buf, uint32_t cstart, uint32_t cend, bool *first)
{
	nc_json_key(buf, "start", first);
	nc_buf_int(buf, (long long) cstart + 1);
	nc_json_key(buf, "end", first);
	nc_buf_int(buf, (long long) cend + 1);
}

void
cli_write_sentences(NcBuf *buf, const NcDoc *doc, uint32_t i)
{
	const NcSentence *s = &doc->sents[i];
	bool		first = true;

	nc_buf_puts(buf, "{");
	nc_json_key(buf, "sentence", &first);
	nc_buf_int(buf, (long long) i + 1);
	nc_json_key(buf, "paragraph", &first);
	nc_buf_int(buf, (long long) s->paragraph + 1);
	write_span(buf, s->cstart, s->cend, &first);
	nc_json_key(buf, "text", &first);
	nc_json_string(buf, doc->text + s->start, s->end - s->start);
	nc_buf_puts(buf, "}");
}

void
cli_write_token(NcBuf *buf, const NcDoc *doc, uint32_t i)
{
	const NcToken *t = &doc->toks[i];
	bool		first = true;

	nc_buf_puts(buf, "{");
	nc_json_key(buf, "token", &first);
	nc_buf_int(buf, (long long) i + 1);
	nc_json_key(buf, "sentence", &first);
	nc_buf_int(buf, (long long) t->sentence + 1);
	write_span(buf, t->cstart, t->cend, &first);
	nc_json_key(buf, "text", &first);
	nc_json_string(buf, doc->text + t->start, t->end - t->start);
	nc_json_key(buf, "kind", &first);
	nc_json_string(buf, nc_token_kind_name(t->kind), strlen(nc_token_kind_name(t->kind)));
	nc_buf_puts(buf, "}");
}
