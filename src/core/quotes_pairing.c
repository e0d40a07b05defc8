/*
 * quotes_pairing.c
 *		Pair the quotation marks of each paragraph into quoted stretches.
 *
 * One pass over the tokens, with a constant amount of state: the mark that
 * opened the current outermost quote, its family, and how deep same-family
 * marks are nested inside it.  Marks of other families inside an open quote
 * are nested quotes and belong to it (FORMAT.md: nested quotes are no
 * records of their own).  The document model has already placed most marks
 * by their context; a mark it could not place (QUOTE_AMBIG) closes an open
 * quote of its family and opens one otherwise, which is alternation.
 *
 * Unbalanced marks never swallow the article: a quote still open at the end
 * of its paragraph stops there.  When the next paragraph opens with a mark
 * (the convention for a quote running over paragraphs) the next stretch
 * records that it continues this one.  Copy whose paragraph breaks were lost
 * shows the same thing inside one paragraph: a sentence ends inside the
 * quote and a new opening mark of the same family follows; that mark ends
 * the stretch and starts its continuation.
 */
#include "quotes_internal.h"

#define NO_TOKEN UINT32_MAX

/* the kinds of quotation marks are those from 4 up (pair_paragraph) */
_Static_assert(NC_TK_QUOTE_OPEN == 4 && NC_TK_IS_QUOTE(4) && !NC_TK_IS_QUOTE(3),
			   "quotation mark kinds");

static NcStatus
add_span(QCtx *cx, uint32_t open, uint32_t close, uint32_t end, int32_t continues)
{
	NcQuote    *q;
	QSpan	   *s;

	if (end <= open + 1)
		return NC_OK;			/* nothing between the marks */
	if (!nc_reserve(cx->env, (void **) &cx->q, &cx->cap, cx->n + 1, sizeof(NcQuote)) ||
		!nc_reserve(cx->env, (void **) &cx->sp, &cx->spcap, cx->n + 1, sizeof(QSpan)))
		return NC_ENOMEM;
	q = &cx->q[cx->n];
	s = &cx->sp[cx->n];
	memset(q, 0, sizeof(*q));
	memset(s, 0, sizeof(*s));
	q->tok_first = open + 1;
	q->tok_end = end;
	q->sentence = cx->doc->toks[open + 1].sentence;
	q->continues = continues;
	q->speaker_entity = -1;
	q->speaker = NULL;
	q->speaker_first = q->speaker_end = -1;
	q->verb_first = q->verb_end = -1;
	s->open = open;
	s->close = close;
	cx->n++;
	return NC_OK;
}

/* Does a sentence end right before token i (so a new mark may restart)? */
static bool
after_sentence_end(const NcDoc *doc, uint32_t i, uint32_t first)
{
	const NcToken *p;
	unsigned char c;

	if (i == first)
		return true;
	p = &doc->toks[i - 1];
	if (p->kind != NC_TK_PUNCT)
		return false;
	c = (unsigned char) doc->text[p->end - 1];
	/* . ! ? and the ellipsis … (E2 80 A6) */
	return c == '.' || c == '!' || c == '?' ||
		(c == 0xA6 && p->end - p->start == 3);
}

static NcStatus
pair_paragraph(QCtx *cx, uint32_t first, uint32_t end, int32_t *pending)
{
	const NcDoc *doc = cx->doc;
	const NcToken *toks = doc->toks;
	uint32_t	open = NO_TOKEN;
	uint8_t		fam = 0;
	uint32_t	depth = 0;		/* same-family marks nested in the quote */
	uint32_t	other = 0;		/* double marks nested in a single quote */
	int32_t		cont = -1;		/* what the next stretch continues */
	NcStatus	st;

	/* a paragraph opening with a mark continues a quote left open */
	if (*pending >= 0 && NC_TK_IS_QUOTE(doc->toks[first].kind) &&
		doc->toks[first].kind != NC_TK_QUOTE_CLOSE)
		cont = *pending;
	*pending = -1;

	for (uint32_t i = first; i < end; i++)
	{
		const NcToken *t = &toks[i];

		/*
		 * Most tokens are no quotation mark: passed eight at a time, their
		 * kinds or-ed together (a mark is a kind from 4 up), then one by one;
		 * through a pointer, so that the eight are read at fixed offsets.
		 */
		while (&toks[end] - t >= 8 &&
			   ((t[0].kind | t[1].kind | t[2].kind | t[3].kind |
				 t[4].kind | t[5].kind | t[6].kind | t[7].kind) & ~3) == 0)
			t += 8;
		while (t < &toks[end] && !NC_TK_IS_QUOTE(t->kind))
			t++;
		i = (uint32_t) (t - toks);
		if (i == end)
			break;
		if (open == NO_TOKEN)
		{
			if (t->kind == NC_TK_QUOTE_CLOSE)
				continue;		/* a stray closing mark */
			if (i > first && doc->toks[i - 1].kind == NC_TK_NUMBER &&
				!(t->flags & NC_TF_SPACE_BEFORE))
				continue;		/* 6'3": feet and inches */
			open = i;
			fam = t->mark;
			depth = 0;
			other = 0;
			continue;
		}
		if (t->mark != fam)
		{
			/*
			 * Nested quote of another family.  A double closing mark that
			 * closes no nested double quote ends a quote opened with a
			 * single mark: 'like this," he said (a typing slip).
			 */
			if (t->mark == NC_MARK_DOUBLE && fam == NC_MARK_SINGLE)
			{
				if (t->kind == NC_TK_QUOTE_OPEN)
					other++;
				else if (other > 0)
					other--;
				else if (t->kind == NC_TK_QUOTE_AMBIG)
					other++;
				else if (depth == 0)
				{
					if ((st = add_span(cx, open, i, i, cont)) != NC_OK)
						return st;
					cont = -1;
					open = NO_TOKEN;
				}
			}
			continue;
		}
		if (t->kind == NC_TK_QUOTE_OPEN)
		{
			if (depth == 0 && after_sentence_end(doc, i, first))
			{
				/* a new paragraph of the quote whose break was lost */
				if ((st = add_span(cx, open, NO_TOKEN, i, cont)) != NC_OK)
					return st;
				if (i > open + 1)
				{
					cx->sp[cx->n - 1].restart = 1;
					cont = (int32_t) cx->n - 1;
				}
				open = i;
				continue;
			}
			depth++;
			continue;
		}
		if (depth > 0)
		{
			depth--;
			continue;
		}
		if ((st = add_span(cx, open, i, i, cont)) != NC_OK)
			return st;
		cont = -1;
		open = NO_TOKEN;
	}
	if (open != NO_TOKEN)
	{
		uint32_t	n0 = cx->n;

		if ((st = add_span(cx, open, NO_TOKEN, end, cont)) != NC_OK)
			return st;
		if (cx->n > n0)
			*pending = (int32_t) n0;
	}
	return NC_OK;
}

NcStatus
nc_q_pair(QCtx *cx)
{
	const NcDoc *doc = cx->doc;
	int32_t		pending = -1;
	NcStatus	st;

	for (uint32_t p = 0; p < doc->npara; p++)
	{
		const NcParagraph *para = &doc->paras[p];
		uint32_t	first,
					end;

		if (para->sent_end <= para->sent_first)
			continue;
		first = doc->sents[para->sent_first].tok_first;
		end = doc->sents[para->sent_end - 1].tok_end;
		if (end <= first)
			continue;
		if (nc_q_stop(cx, end - first))
			return NC_ECANCEL;
		if ((st = pair_paragraph(cx, first, end, &pending)) != NC_OK)
			return st;
	}
	return NC_OK;
}
