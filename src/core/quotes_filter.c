/*
 * quotes_filter.c
 *		Tell quoted speech from the other things news puts between marks:
 *		titles of works ("The Steve Harvey Morning Show"), nicknames
 *		(Robert C. "Bobby" Scott) and bare terms or scare quotes nobody is
 *		quoted as saying (the so-called "war on terror").
 *
 * A short stretch stays a quote when its sentence carries a reporting cue
 * (a verb such as "said" or "called", a noun such as "claim"): then someone
 * is stated or implied to have used the words.  Headlines keep every
 * stretch: their single quotes are quotes by convention.
 */
#include "quotes_internal.h"

#define SHORT_WORDS 5			/* a stretch this short needs a cue */
#define TITLE_WORDS 8			/* longest title-like stretch */

/* Small words a title keeps in lower case. */
static bool
title_small_word(const QCtx *cx, uint32_t tok)
{
	const NcDoc *doc = cx->doc;
	static const char *const small[] = {
		"a", "an", "the", "of", "in", "on", "for", "with", "to", "at", "by",
		"from", "and", "or", "vs", "v", "de", "la", "du", "von", "van", NULL
	};

	/* every lower-case word of a quote comes here: the small words are at
	 * most four letters long */
	if (nc_tok_len(doc, tok) <= 4)
		for (const char *const *w = small; *w; w++)
			if (nc_tok_eq(doc, tok, *w))
				return true;
	return (doc->toks[tok].flags & NC_TF_POSSESSIVE) != 0;
}

typedef struct QShape
{
	uint32_t	words;			/* word and number tokens (counted up to
								 * TITLE_WORDS + 1, where the rest stops
								 * mattering) */
	bool		titlecase;		/* every word capitalised bar small ones */
	bool		has_final;		/* sentence punctuation before a later word */
} QShape;

static void
shape_of(const QCtx *cx, const NcQuote *q, QShape *s)
{
	const NcDoc *doc = cx->doc;
	uint32_t	caps = 0;
	bool		seen_final = false;

	s->words = 0;
	s->titlecase = true;
	s->has_final = false;
	for (uint32_t i = q->tok_first; i < q->tok_end; i++)
	{
		const NcToken *t = &doc->toks[i];

		if (t->kind == NC_TK_WORD || t->kind == NC_TK_NUMBER)
		{
			if (seen_final)
				s->has_final = true;
			/* past TITLE_WORDS the stretch is kept whatever its shape:
			 * a long quote is not read to its end */
			if (++s->words > TITLE_WORDS)
				return;
			if (t->kind == NC_TK_WORD)
			{
				/* once not title case, the small words need no look */
				if (t->flags & NC_TF_CAP)
					caps++;
				else if (s->titlecase && !title_small_word(cx, i))
					s->titlecase = false;
			}
		}
		else if (nc_q_sentence_final(doc, i) || nc_q_punct_is(doc, i, ','))
			seen_final = true;
	}
	if (caps == 0)
		s->titlecase = false;
}

/* Is there a reporting cue in quote k's sentence, outside quote k? */
static bool
sentence_has_cue(const QCtx *cx, uint32_t k)
{
	const NcDoc *doc = cx->doc;
	const NcSentence *s = &doc->sents[doc->toks[cx->sp[k].open].sentence];
	uint32_t	last = cx->sp[k].close != UINT32_MAX ? cx->sp[k].close : cx->q[k].tok_end;
	const NcSentence *e = &doc->sents[doc->toks[last < doc->ntok ? last : doc->ntok - 1].sentence];
	uint32_t	from = s->tok_first,
				to = e->tok_end;

	/* bounded: a long sentence is read near the quote only */
	if (cx->sp[k].open > from + 30)
		from = cx->sp[k].open - 30;
	if (to > last + 30)
		to = last + 30;
	for (uint32_t i = from; i < to; i++)
	{
		QCue		c;

		if (i >= cx->sp[k].open && i <= last)
			continue;
		c = nc_q_cue(cx, i);
		if (c == QC_NONE)
			continue;
		if ((nc_tok_eq(doc, i, "added") || nc_tok_eq(doc, i, "adds")) &&
			nc_q_wclass(cx, i + 1) == 'd')
			continue;			/* "has added the ability to" */
		if (c == QC_ACCORDING && !nc_tok_eq(doc, i + 1, "to"))
			continue;
		if (c == QC_WEAK && i > last)
			continue;			/* "... they have previously found" */
		if ((doc->toks[i].flags & NC_TF_CAP) &&
			(!(doc->toks[i].flags & NC_TF_SENT_START) ||
			 (i + 1 < doc->ntok && (doc->toks[i + 1].flags & NC_TF_CAP))))
			continue;			/* "United States", "Ask Jeeves" */
		return true;
	}
	return false;
}

/* A word right after a name and right before one: a nickname. */
static bool
is_nickname(const QCtx *cx, uint32_t k, const QShape *s)
{
	const NcDoc *doc = cx->doc;
	uint32_t	o = cx->sp[k].open,
				c = cx->sp[k].close;

	if (c == UINT32_MAX || s->words > 2 || !s->titlecase || o == 0 || c + 1 >= doc->ntok)
		return false;
	return doc->toks[o - 1].kind == NC_TK_WORD && (doc->toks[o - 1].flags & NC_TF_CAP) &&
		!(doc->toks[o - 1].flags & NC_TF_SENT_START && nc_q_wclass(cx, o - 1) != 0) &&
		doc->toks[c + 1].kind == NC_TK_WORD && (doc->toks[c + 1].flags & NC_TF_CAP) &&
		!(doc->toks[o].flags & NC_TF_SPACE_BEFORE && doc->toks[o].flags & NC_TF_SPACE_AFTER);
}

/* A reporting verb right at the quote: `"No," he said` / `said: "No."` */
static bool
speech_at_edges(const QCtx *cx, uint32_t k)
{
	const NcDoc *doc = cx->doc;
	uint32_t	o = cx->sp[k].open,
				c = cx->sp[k].close;

	if (o > 0 && (nc_q_punct_is(doc, o - 1, ':') || nc_q_cue(cx, o - 1) == QC_VERB))
		return true;
	if (o > 1 && nc_q_punct_is(doc, o - 1, ',') && nc_q_cue(cx, o - 2) == QC_VERB)
		return true;
	if (c == UINT32_MAX)
		return false;
	/* `"No," he said` / `"No," said Biegun` / `"No," Mr Biegun said` */
	for (uint32_t i = c + 1; i < doc->ntok && i < c + 6; i++)
	{
		const NcToken *t = &doc->toks[i];
		char		wc = nc_q_wclass(cx, i);

		if (nc_q_cue(cx, i) == QC_VERB)
			return true;
		if (i == c + 1 && nc_q_punct_is(doc, i, ','))
			continue;
		if (t->kind != NC_TK_WORD ||
			!((t->flags & NC_TF_CAP) || QW_IS_PRONOUN(wc) || wc == 'd'))
			break;
	}
	return false;
}

/* "the film", "titled", "known as", "so-called" just before the mark. */
static bool
title_cue_before(const QCtx *cx, uint32_t k)
{
	const NcDoc *doc = cx->doc;
	uint32_t	o = cx->sp[k].open;

	for (uint32_t i = o; i > 0 && o - i < 3;)
	{
		i--;
		if (NC_TK_IS_QUOTE(doc->toks[i].kind) || nc_q_sentence_final(doc, i))
			break;
		if (nc_q_title_cue(doc, i))
			return true;
		/* so-called, written as three tokens */
		if (i >= 2 && nc_tok_eq(doc, i, "called") && nc_q_is_dash(doc, i - 1) &&
			nc_tok_eq(doc, i - 2, "so"))
			return true;
	}
	return false;
}

/* `pounding Trump as a "con artist"`: someone's characterisation */
static bool
characterised(const QCtx *cx, uint32_t k)
{
	const NcDoc *doc = cx->doc;
	uint32_t	o = cx->sp[k].open;

	if (o >= 1 && nc_tok_eq(doc, o - 1, "as"))
		return true;
	return o >= 2 && nc_tok_eq(doc, o - 2, "as") &&
		(nc_tok_eq(doc, o - 1, "a") || nc_tok_eq(doc, o - 1, "an"));
}

/*
 * Guillemets and low-9 openers mark speech in the languages that use them;
 * the English cue words say nothing there.
 */
static bool
continental(const QCtx *cx, uint32_t k)
{
	const unsigned char *p = (const unsigned char *) nc_tok_ptr(cx->doc, cx->sp[k].open);
	uint8_t		mark = cx->doc->toks[cx->sp[k].open].mark;

	if (mark == NC_MARK_GUILLEMET || mark == NC_MARK_SGUILLEMET)
		return true;
	/* „ U+201E, ‚ U+201A */
	return p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x9E || p[2] == 0x9A);
}

/* "Neither do I.": a whole sentence of its own */
static bool
full_sentence(const QCtx *cx, uint32_t k)
{
	const NcDoc *doc = cx->doc;
	const NcQuote *q = &cx->q[k];
	uint32_t	last = q->tok_end - 1;

	if (!(doc->toks[q->tok_first].flags & NC_TF_CAP) || last <= q->tok_first)
		return false;
	return nc_q_punct_is(doc, last, '.') || nc_q_punct_is(doc, last, '!') ||
		nc_q_punct_is(doc, last, '?');
}

/* A paragraph that is nothing but the quote: a heading or a turn. */
static bool
whole_paragraph(const QCtx *cx, uint32_t k)
{
	const NcDoc *doc = cx->doc;
	const NcParagraph *p = &doc->paras[doc->sents[doc->toks[cx->sp[k].open].sentence].paragraph];

	if (cx->sp[k].open != doc->sents[p->sent_first].tok_first)
		return false;
	for (uint32_t i = cx->q[k].tok_end + 1; i < doc->sents[p->sent_end - 1].tok_end; i++)
		if (doc->toks[i].kind != NC_TK_PUNCT)
			return false;
	return true;
}

NcStatus
nc_q_filter(QCtx *cx)
{
	const NcDoc *doc = cx->doc;

	for (uint32_t k = 0; k < cx->n; k++)
	{
		const NcQuote *q = &cx->q[k];
		uint32_t	para = nc_q_para_of(doc, cx->sp[k].open);
		QShape		s;

		if (nc_q_stop(cx, 16))
			return NC_ECANCEL;
		if (nc_q_headline(doc, para) || q->continues >= 0 || whole_paragraph(cx, k))
			continue;
		shape_of(cx, q, &s);
		if (s.words == 0)
		{
			cx->sp[k].drop = 1;
			continue;
		}
		if (s.words > TITLE_WORDS || s.has_final)
			continue;
		if (is_nickname(cx, k, &s))
			cx->sp[k].drop = 1;
		else if (title_cue_before(cx, k))
			cx->sp[k].drop = 1;
		else if (s.titlecase && !speech_at_edges(cx, k))
			cx->sp[k].drop = 1;
		else if (s.words <= SHORT_WORDS && !sentence_has_cue(cx, k) &&
				 !characterised(cx, k) && !full_sentence(cx, k) &&
				 !continental(cx, k) && !speech_at_edges(cx, k))
			cx->sp[k].drop = 1;
	}
	return NC_OK;
}
