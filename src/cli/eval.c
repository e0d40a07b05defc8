/*
 * eval.c
 *		`newsclaims eval`: predictions for a JSONL corpus in the shape of
 *		shared/eval/FORMAT.md (0-based code point offsets, end exclusive), so
 *		that score.py can compare them with a gold set.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "nc_analyze.h"
#include "nc_arena.h"

static void
span_fields(NcBuf *b, const NcDoc *d, uint32_t first, uint32_t end, bool *f)
{
	nc_json_key(b, "start", f);
	nc_buf_int(b, d->toks[first].cstart);
	nc_json_key(b, "end", f);
	nc_buf_int(b, d->toks[end - 1].cend);
	nc_json_key(b, "text", f);
	nc_json_string(b, d->text + d->toks[first].start,
				   d->toks[end - 1].end - d->toks[first].start);
}

static void
write_entities(NcBuf *b, const NcAnalysis *a)
{
	nc_buf_puts(b, ",\"entities\":[");
	for (uint32_t i = 0; i < a->ents.nment; i++)
	{
		const NcMention *m = &a->ents.ments[i];
		const char *type = nc_entity_type_name(a->ents.ents[m->entity].type);
		bool		f = true;

		nc_buf_puts(b, i ? ",{" : "{");
		span_fields(b, &a->doc, m->tok_first, m->tok_end, &f);
		nc_json_key(b, "type", &f);
		nc_json_string(b, type, strlen(type));
		nc_buf_puts(b, "}");
	}
	nc_buf_puts(b, "]");
}

static void
write_quotes(NcBuf *b, const NcAnalysis *a)
{
	uint32_t	n = 0;

	nc_buf_puts(b, ",\"quotes\":[");
	for (uint32_t i = 0; i < a->quotes.nquote; i++)
	{
		const NcQuote *q = &a->quotes.quotes[i];
		bool		f = true;

		if (q->tok_end <= q->tok_first)
			continue;
		nc_buf_puts(b, n++ ? ",{" : "{");
		span_fields(b, &a->doc, q->tok_first, q->tok_end, &f);
		nc_json_key(b, "speaker", &f);
		if (q->speaker)
			nc_json_string(b, q->speaker, q->speaker_len);
		else
			nc_buf_puts(b, "null");
		nc_buf_puts(b, "}");
	}
	nc_buf_puts(b, "]");
}

static void
write_numbers(NcBuf *b, const NcAnalysis *a)
{
	nc_buf_puts(b, ",\"numbers\":[");
	for (uint32_t i = 0; i < a->claims.nclaim; i++)
	{
		const NcClaim *c = &a->claims.claims[i];
		bool		f = true;

		nc_buf_puts(b, i ? ",{" : "{");
		span_fields(b, &a->doc, c->tok_first, c->tok_end, &f);
		nc_json_key(b, "value", &f);
		nc_buf_puts(b, c->value ? c->value : "null");
		if (c->value_max)
		{
			nc_json_key(b, "value_max", &f);
			nc_buf_puts(b, c->value_max);
		}
		nc_json_key(b, "unit", &f);
		nc_json_string(b, c->unit ? c->unit : "count", strlen(c->unit ? c->unit : "count"));
		nc_json_key(b, "approx", &f);
		nc_json_string(b, nc_approx_name(c->approx), strlen(nc_approx_name(c->approx)));
		nc_json_key(b, "object", &f);
		if (c->object_first >= 0 && c->object_end > c->object_first)
		{
			const NcDoc *d = &a->doc;

			nc_json_string(b, d->text + d->toks[c->object_first].start,
						   d->toks[c->object_end - 1].end - d->toks[c->object_first].start);
		}
		else
			nc_buf_puts(b, "null");
		nc_buf_puts(b, "}");
	}
	nc_buf_puts(b, "]");
}

int
cli_eval(const char *path)
{
	size_t		len;
	char	   *data = cli_read_input(path, &len);
	size_t		pos = 0;
	unsigned	lineno = 0;

	while (pos < len)
	{
		char	   *nl = memchr(data + pos, '\n', len - pos);
		size_t		linelen = (nl ? (size_t) (nl - data) : len) - pos;
		CliDoc		doc;
		const char *err;

		lineno++;
		if (linelen > 0 && strspn(data + pos, " \t\r") < linelen)
		{
			NcArena    *arena = nc_arena_create();
			NcEnv		env;
			NcAnalysis	a;
			NcBuf		b;
			NcStatus	st;
			bool		f = true;

			if (!cli_parse_jsonl(data + pos, linelen, &doc, &err))
				cli_fail("line %u: %s", lineno, err);
			if (doc.text == NULL)
				cli_fail("line %u: no \"text\" string", lineno);
			if (arena == NULL)
				cli_fail("out of memory");
			nc_arena_env(arena, &env);
			st = nc_analyze(&env, doc.text, doc.textlen, NC_STAGE_CLAIMS, &a);
			if (st != NC_OK)
				cli_fail("line %u: %s", lineno, nc_status_message(st));
			nc_buf_init(&b, &env);
			nc_buf_puts(&b, "{");
			nc_json_key(&b, "id", &f);
			if (doc.id)
				nc_json_string(&b, doc.id, strlen(doc.id));
			else
				nc_buf_puts(&b, "null");
			write_entities(&b, &a);
			write_quotes(&b, &a);
			write_numbers(&b, &a);
			nc_buf_puts(&b, "}");
			cli_emit_line(&b);
			cli_doc_free(&doc);
			nc_arena_destroy(arena);
		}
		pos += linelen + 1;
	}
	free(data);
	return fflush(stdout) == 0 ? 0 : 2;
}

static bool
write_stdout(void *ctx, const char *data, size_t len)
{
	return fwrite(data, 1, len, stdout) == len;
}

int
cli_analyze(const char *path)
{
	size_t		len;
	char	   *text = cli_read_input(path, &len);
	NcArena    *arena = nc_arena_create();
	NcEnv		env;
	NcAnalysis	a;
	NcBuf		b;
	NcStatus	st;

	if (arena == NULL)
		cli_fail("out of memory");
	nc_arena_env(arena, &env);
	st = nc_analyze(&env, text, len, NC_STAGE_CLAIMS, &a);
	if (st != NC_OK)
		cli_fail("could not analyse the text: %s", nc_status_message(st));
	nc_buf_init(&b, &env);
	/* a long document's JSON goes out as it is written */
	b.flush = write_stdout;
	nc_analysis_json(&b, &a, nc_position_codepoint, NULL);
	cli_emit_line(&b);
	nc_arena_destroy(arena);
	free(text);
	return fflush(stdout) == 0 ? 0 : 2;
}
