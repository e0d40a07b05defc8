/*
 * quotes_attrib.c
 *		Who said each quote: find the reporting cue and read its speaker.
 *
 * In order, for each quote:
 *	 - a transcript turn ("WALLACE: ...") names its speaker inside the quote;
 *	 - a headline attributes only through a leading "Name:";
 *	 - a quote that opens its sentence looks after its closing mark first
 *	   ("...," Biegun said / said Biegun / according to X), then before its
 *	   opening mark; a quote inside a sentence the other way round
 *	   (Biegun said the vote was "a farce"; Biegun said: "...").  Before the
 *	   mark, reporting verbs come first, then weaker cues ("believes") and
 *	   nouns ("Trump's claim"); a speaker that is an entity beats a
 *	   description found nearer the quote;
 *	 - a continuation inherits from the quote it continues;
 *	 - "Caddell continued:" closing the previous sentence introduces it;
 *	 - a quote right after another, with nothing between them but the
 *	   sentence attributing the first, has the same speaker;
 *	 - a reporting verb in the previous sentence; a partial quote falls back
 *	   on the subject of its sentence.
 * Every search is bounded by a constant number of tokens.
 */
#include "quotes_internal.h"

#define AFTER_WINDOW 30			/* tokens after a closing mark */
#define BEFORE_WINDOW 50		/* tokens before an opening mark */
#define BETWEEN_MAX 45			/* tokens between a quote and its follower */

typedef struct QAttr
{
	QSpk		spk;
	int32_t		verb_first;
	int32_t		verb_end;
} QAttr;

static uint32_t
para_end_tok(const NcDoc *doc, uint32_t tok)
{
	const NcParagraph *p = &doc->paras[nc_q_para_of(doc, tok)];

	return doc->sents[p->sent_end - 1].tok_end;
}

static uint32_t
sent_first_tok(const NcDoc *doc, uint32_t tok)
{
	return doc->sents[doc->toks[tok].sentence].tok_first;
}

static bool
is_ing(const NcDoc *doc, uint32_t tok)
{
	uint32_t	len = nc_tok_len(doc, tok);
	const char *p = nc_tok_ptr(doc, tok);

	return len > 4 && p[len - 3] == 'i' && p[len - 2] == 'n' && p[len - 1] == 'g';
}

/*
 * Is token tok, a reporting verb, one here?  Not when capitalised inside its
 * sentence ("United States"), nor after an article ("the reports"), nor
 * "added" with an object ("has added the ability to").
 */
static bool
verb_in_context(const QCtx *cx, uint32_t tok)
{
	const NcDoc *doc = cx->doc;
	const NcToken *t = &doc->toks[tok];

	if ((t->flags & NC_TF_CAP) &&
		(!(t->flags & NC_TF_SENT_START) ||
		 (tok + 1 < doc->ntok && (doc->toks[tok + 1].flags & NC_TF_CAP))) &&
		!nc_q_headline(doc, doc->sents[t->sentence].paragraph))
		return false;
	if (tok > 0 && (nc_q_wclass(cx, tok - 1) == 'd' || nc_tok_eq(doc, tok - 1, "not") ||
					nc_tok_eq(doc, tok - 1, "never") || nc_tok_eq(doc, tok - 1, "didn't") ||
					nc_tok_eq(doc, tok - 1, "doesn't") || nc_tok_eq(doc, tok - 1, "don't") ||
					nc_tok_eq(doc, tok - 1, "didn’t") || nc_tok_eq(doc, tok - 1, "doesn’t") ||
					nc_tok_eq(doc, tok - 1, "don’t")))
		return false;
	if ((nc_tok_eq(doc, tok, "added") || nc_tok_eq(doc, tok, "adds") ||
		 nc_tok_eq(doc, tok, "add")) && nc_q_wclass(cx, tok + 1) == 'd')
		return false;
	return true;
}

/*
 * Is token tok a reporting verb here (weak: or a weaker cue)?  The cue,
 * inline: the searches ask it of every token they step over, and few are.
 */
static inline bool
verb_cue(const QCtx *cx, uint32_t tok, bool weak)
{
	QCue		c = nc_q_cue(cx, tok);

	if (c != QC_VERB && !(weak && c == QC_WEAK))
		return false;
	return verb_in_context(cx, tok);
}

static inline bool
according_to(const QCtx *cx, uint32_t tok)
{
	return nc_q_cue(cx, tok) == QC_ACCORDING && nc_tok_eq(cx->doc, tok + 1, "to");
}

static void
set_verb(QAttr *a, uint32_t first, uint32_t end)
{
	a->verb_first = (int32_t) first;
	a->verb_end = (int32_t) end;
}

/* Step back one token, jumping over whole quotes. */
static bool
step_back(QCtx *cx, uint32_t *i)
{
	const NcDoc *doc = cx->doc;
	uint32_t	t = *i;

	if (t == 0)
		return false;
	t--;
	if (NC_TK_IS_QUOTE(doc->toks[t].kind))
	{
		int32_t		k = nc_q_quote_at(cx, t);

		if (k >= 0 && cx->sp[k].open < t)
			t = cx->sp[k].open;
	}
	*i = t;
	return true;
}

/* First person (else group) at the start of the sentence [lo, until). */
static bool
sentence_start_subject(QCtx *cx, uint32_t lo, uint32_t until, QSpk *out)
{
	const NcDoc *doc = cx->doc;
	bool		have = false;

	for (uint32_t k = lo; k < until && k < lo + 12; k++)
	{
		char		c = nc_q_wclass(cx, k);
		QSpk		s;

		if (NC_TK_IS_QUOTE(doc->toks[k].kind))
			break;
		if (!(QW_IS_PRONOUN(c) && c != 'i') && !(doc->toks[k].flags & NC_TF_CAP))
			continue;
		if (nc_q_speaker_head(cx, k, lo, &s) && s.ent >= 0)
		{
			uint8_t		type = cx->ents->ents[s.ent].type;

			if (type == NC_ET_PERSON)
			{
				*out = s;
				return true;
			}
			if (type == NC_ET_ORG && !have)
			{
				*out = s;
				have = true;
			}
		}
	}
	return have;
}

/*
 * A verb hanging on an earlier clause ("criticised the measures, saying:",
 * "said ..., but stressed", "citing ... and calling on") takes that
 * clause's subject.
 */
static bool
clause_subject(QCtx *cx, uint32_t verb, uint32_t lo, QSpk *out)
{
	const NcDoc *doc = cx->doc;
	uint32_t	i = verb;
	int			steps = 0;

	while (i > lo && steps++ < BEFORE_WINDOW)
	{
		if (!step_back(cx, &i) || i < lo)
			break;
		if (verb_cue(cx, i, true) && !is_ing(doc, i) &&
			nc_q_speaker_before(cx, i, lo, out))
			return true;
	}
	return sentence_start_subject(cx, lo, verb, out);
}

static bool
speaker_of_verb(QCtx *cx, uint32_t v, uint32_t lo, uint32_t hi, QAttr *a)
{
	const NcDoc *doc = cx->doc;
	uint32_t	p = v;
	bool		found;

	while (p > lo && nc_q_wclass(cx, p - 1) == 'x')
		p--;
	if (is_ing(doc, v) && !(p > lo && (nc_tok_eq(doc, p - 1, "is") || nc_tok_eq(doc, p - 1, "was") ||
										 nc_tok_eq(doc, p - 1, "are") || nc_tok_eq(doc, p - 1, "were") ||
										 nc_tok_eq(doc, p - 1, "been"))))
		found = clause_subject(cx, v, lo, &a->spk) ||
			nc_q_speaker_before(cx, v, lo, &a->spk);
	else if (p > lo && (nc_tok_eq(doc, p - 1, "and") || nc_tok_eq(doc, p - 1, "but")))
		found = clause_subject(cx, v, lo, &a->spk);
	else
		found = nc_q_speaker_before(cx, v, lo, &a->spk) ||
			nc_q_speaker_after(cx, v + 1, hi, &a->spk) ||
			(is_ing(doc, v) && clause_subject(cx, v, lo, &a->spk));
	if (found)
		set_verb(a, v, v + 1);
	return found;
}

/* The last word inside quote k ends a sentence with a full stop. */
static bool
ends_with_period(const QCtx *cx, uint32_t k)
{
	const NcDoc *doc = cx->doc;
	uint32_t	last = cx->q[k].tok_end - 1;
	const NcToken *t = &doc->toks[last];

	if (t->kind != NC_TK_PUNCT)
		return false;
	return doc->text[t->end - 1] == '.';
}

/* After the closing mark: "...," Biegun said / said Biegun / according to. */
static bool
cue_after(QCtx *cx, uint32_t k, QAttr *a)
{
	const NcDoc *doc = cx->doc;
	uint32_t	close = cx->sp[k].close;
	uint32_t	j,
				hi;

	if (close == UINT32_MAX)
		return false;
	j = close + 1;
	hi = para_end_tok(doc, close);
	if (hi > j + AFTER_WINDOW)
		hi = j + AFTER_WINDOW;
	while (j < hi && (nc_q_punct_is(doc, j, ',') || nc_q_is_dash(doc, j)))
		j++;
	if (j >= hi)
		return false;
	/* "...end." The next sentence: only "he said"-style lower case goes on */
	if (ends_with_period(cx, k) && (doc->toks[j].flags & NC_TF_CAP))
		return false;
	if (according_to(cx, j))
	{
		if (nc_q_speaker_after(cx, j + 2, hi, &a->spk))
		{
			set_verb(a, j, j + 2);
			return true;
		}
		return false;
	}
	if (verb_cue(cx, j, false))
	{
		if (nc_q_speaker_after(cx, j + 1, hi, &a->spk))
		{
			set_verb(a, j, j + 1);
			return true;
		}
		return false;
	}
	for (uint32_t v = j + 1; v < hi; v++)
	{
		const NcToken *t = &doc->toks[v];

		if (nc_q_punct_is(doc, v, '('))
		{
			/* (D-Wis.): skip the parenthesis */
			uint32_t	e = v;

			while (e < hi && e < v + 10 && !nc_q_punct_is(doc, e, ')'))
				e++;
			if (e < hi && nc_q_punct_is(doc, e, ')'))
				v = e;
			continue;
		}
		if (NC_TK_IS_QUOTE(t->kind))
		{
			/* a nickname or term inside the attribution: Marcia "Cia" Price */
			int32_t		k2 = nc_q_quote_at(cx, v);

			if (k2 >= 0 && cx->sp[k2].drop && cx->sp[k2].close != UINT32_MAX &&
				cx->sp[k2].open == v)
			{
				v = cx->sp[k2].close;
				continue;
			}
			break;
		}
		if (nc_q_sentence_final(doc, v))
			break;
		if (according_to(cx, v))
		{
			if (nc_q_speaker_after(cx, v + 2, hi, &a->spk))
			{
				set_verb(a, v, v + 2);
				return true;
			}
			return false;
		}
		if (verb_cue(cx, v, false))
			return speaker_of_verb(cx, v, j, hi, a);
	}
	return false;
}

/* "Biegun said:" / "Biegun:" ending at the colon. */
static bool
colon_intro(QCtx *cx, uint32_t colon, uint32_t lo, QAttr *a)
{
	const NcDoc *doc = cx->doc;
	uint32_t	p;

	if (colon <= lo)
		return false;
	p = colon - 1;
	if (verb_cue(cx, p, true))
		return speaker_of_verb(cx, p, lo, colon, a);
	/* a bare name before the colon, at the start of its sentence */
	if (p - lo <= 3 && (doc->toks[p].flags & NC_TF_CAP) &&
		nc_q_speaker_head(cx, p, lo, &a->spk))
	{
		set_verb(a, colon, colon + 1);
		return true;
	}
	return false;
}

/*
 * Before the opening mark, in its sentence.  strong: reporting verbs and
 * "according to"; else weaker verbs and nouns ("Trump's claim").
 */
static bool
cue_before(QCtx *cx, uint32_t k, bool strong, QAttr *a)
{
	const NcDoc *doc = cx->doc;
	uint32_t	o = cx->sp[k].open;
	uint32_t	lo = sent_first_tok(doc, o);
	uint32_t	i = o;
	int			steps = 0;
	QAttr		desc;			/* a descriptive speaker, kept in reserve */
	bool		have_desc = false;

	if (strong && o > lo && nc_q_punct_is(doc, o - 1, ':') && colon_intro(cx, o - 1, lo, a))
		return true;
	while (i > lo && steps++ < BEFORE_WINDOW)
	{
		QAttr		c;
		bool		found = false;

		if (!step_back(cx, &i) || i < lo)
			break;
		memset(&c, 0, sizeof(c));
		c.spk.ent = -1;
		if (strong && according_to(cx, i))
		{
			if (nc_q_speaker_after(cx, i + 2, o, &c.spk))
			{
				set_verb(&c, i, i + 2);
				found = true;
			}
		}
		else if (strong && verb_cue(cx, i, false))
			found = speaker_of_verb(cx, i, lo, o, &c);
		else if (!strong && verb_cue(cx, i, true))
			found = speaker_of_verb(cx, i, lo, o, &c);
		else if (!strong && nc_q_cue(cx, i) == QC_NOUN && i > lo)
		{
			/* Trump's claim that ...; his statement */
			uint32_t	p = i - 1;

			if ((doc->toks[p].flags & NC_TF_POSSESSIVE) && p > lo)
				found = nc_q_speaker_head(cx, p - 1, lo, &c.spk);
			else if (nc_tok_eq(doc, p, "his") || nc_tok_eq(doc, p, "her") ||
					 nc_tok_eq(doc, p, "their") || nc_tok_eq(doc, p, "its"))
				found = nc_q_speaker_head(cx, p, lo, &c.spk);
			if (found)
				set_verb(&c, i, i + 1);
		}
		if (!found || c.spk.text == NULL)
			continue;
		if (c.spk.ent >= 0)
		{
			*a = c;
			return true;
		}
		if (!have_desc)
		{
			desc = c;
			have_desc = true;
		}
	}
	if (have_desc)
		*a = desc;
	return have_desc;
}

/* "WALLACE: ..." opening a quote: a transcript turn. */
static bool
transcript_turn(QCtx *cx, uint32_t k, QAttr *a)
{
	const NcDoc *doc = cx->doc;
	uint32_t	f = cx->q[k].tok_first;
	uint32_t	e = f;

	while (e < cx->q[k].tok_end && e < f + 3 && doc->toks[e].kind == NC_TK_WORD &&
		   (doc->toks[e].flags & NC_TF_ALLCAPS) && nc_tok_len(doc, e) > 1)
		e++;
	if (e == f || e >= cx->q[k].tok_end || !nc_q_punct_is(doc, e, ':'))
		return false;
	if (!nc_q_speaker_name(cx, f, e, &a->spk))
		return false;
	set_verb(a, e, e + 1);
	return true;
}

/* A headline "Name: ... 'quote'". */
static bool
headline_colon(QCtx *cx, uint32_t k, QAttr *a)
{
	const NcDoc *doc = cx->doc;
	uint32_t	lo = sent_first_tok(doc, cx->sp[k].open);

	for (uint32_t i = lo; i < lo + 5 && i < cx->sp[k].open; i++)
	{
		if (nc_q_punct_is(doc, i, ':'))
		{
			if (i == lo || !(doc->toks[i - 1].flags & NC_TF_CAP))
				return false;
			if (!nc_q_speaker_name(cx, lo, i, &a->spk))
				return false;
			set_verb(a, i, i + 1);
			return true;
		}
		if (doc->toks[i].kind != NC_TK_WORD)
			return false;
	}
	return false;
}

/* Does quote k open its sentence (nothing but marks and dashes before)? */
static bool
opens_sentence(const QCtx *cx, uint32_t k)
{
	const NcDoc *doc = cx->doc;
	uint32_t	o = cx->sp[k].open;
	uint32_t	lo = sent_first_tok(doc, o);

	for (uint32_t i = lo; i < o; i++)
		if (doc->toks[i].kind != NC_TK_PUNCT && !NC_TK_IS_QUOTE(doc->toks[i].kind))
			return false;
	return true;
}

/* The sentence before quote k's opening sentence ends with a colon. */
static bool
colon_before(QCtx *cx, uint32_t k, QAttr *a)
{
	const NcDoc *doc = cx->doc;
	uint32_t	s = doc->toks[cx->sp[k].open].sentence;
	const NcSentence *ps;

	if (s == 0 || !opens_sentence(cx, k))
		return false;
	ps = &doc->sents[s - 1];
	if (ps->tok_end <= ps->tok_first || !nc_q_punct_is(doc, ps->tok_end - 1, ':'))
		return false;
	return colon_intro(cx, ps->tok_end - 1, ps->tok_first, a);
}

/*
 * Quote k opens its sentence right after quote prevk, and what lies between
 * them is at most the sentence attributing prevk ("...," said Caddell, a
 * pollster. "...") in the same or the previous paragraph.
 */
static bool
follows_quote(QCtx *cx, uint32_t k, int32_t prevk, const QAttr *prev)
{
	const NcDoc *doc = cx->doc;
	uint32_t	from,
				to = cx->sp[k].open;
	bool		words = false;

	if (prevk < 0 || prev->spk.text == NULL || !opens_sentence(cx, k))
		return false;
	from = cx->sp[prevk].close != UINT32_MAX ? cx->sp[prevk].close + 1 : cx->q[prevk].tok_end;
	if (from > to || to - from > BETWEEN_MAX)
		return false;
	if (nc_q_para_of(doc, cx->sp[prevk].open) + 1 < nc_q_para_of(doc, to))
		return false;
	for (uint32_t i = from; i < to; i++)
	{
		if (doc->toks[i].kind == NC_TK_WORD || doc->toks[i].kind == NC_TK_NUMBER)
			words = true;
		else if (nc_q_sentence_final(doc, i) && i + 1 < to)
		{
			/* one sentence only: what follows must be marks */
			for (uint32_t j = i + 1; j < to; j++)
				if (doc->toks[j].kind == NC_TK_WORD || doc->toks[j].kind == NC_TK_NUMBER)
					return false;
		}
	}
	if (!words)
		return true;
	/* the words between are prevk's attribution */
	return prev->verb_first >= (int32_t) from && prev->verb_first < (int32_t) to;
}

/* A reporting verb with a speaker in the sentence before the quote. */
static bool
previous_sentence(QCtx *cx, uint32_t k, QAttr *a)
{
	const NcDoc *doc = cx->doc;
	uint32_t	s = doc->toks[cx->sp[k].open].sentence;
	const NcSentence *ps;

	if (s == 0 || !opens_sentence(cx, k))
		return false;
	ps = &doc->sents[s - 1];
	if (ps->paragraph + 1 < doc->sents[s].paragraph)
		return false;
	for (uint32_t v = ps->tok_first; v < ps->tok_end && v < ps->tok_first + BEFORE_WINDOW; v++)
	{
		if (nc_q_quote_at(cx, v) >= 0)
			continue;
		if (verb_cue(cx, v, false) && !is_ing(doc, v) &&
			nc_q_speaker_before(cx, v, ps->tok_first, &a->spk))
		{
			set_verb(a, v, v + 1);
			return true;
		}
	}
	return false;
}

static bool
attribute_one(QCtx *cx, uint32_t k, const QAttr *attrs, int32_t prevk, const QAttr *prev,
			  QAttr *a)
{
	const NcDoc *doc = cx->doc;
	const NcQuote *q = &cx->q[k];
	uint32_t	para = nc_q_para_of(doc, cx->sp[k].open);
	bool		opens = opens_sentence(cx, k);

	if (transcript_turn(cx, k, a))
		return true;
	if (nc_q_headline(doc, para))
	{
		/* "Biegun: ...", "Graham Says", "Christie Calls Clinton 'A Disgrace'" */
		if (headline_colon(cx, k, a))
			return true;
		if ((cue_before(cx, k, true, a) || cue_after(cx, k, a) || cue_before(cx, k, false, a)) &&
			a->spk.ent >= 0)
			return true;
		memset(a, 0, sizeof(*a));
		return false;
	}
	if (opens)
	{
		if (cue_after(cx, k, a))
			return true;
		if (q->continues >= 0 && attrs[q->continues].spk.text != NULL)
		{
			a->spk = attrs[q->continues].spk;
			return true;
		}
		if (cue_before(cx, k, true, a) || colon_before(cx, k, a))
			return true;
		if (follows_quote(cx, k, prevk, prev))
		{
			a->spk = prev->spk;
			return true;
		}
		if (previous_sentence(cx, k, a) || cue_before(cx, k, false, a))
			return true;
		/* a quote sentence standing alone: still the last speaker's */
		if (prevk >= 0 && prev->spk.text != NULL &&
			nc_q_para_of(doc, cx->sp[prevk].open) + 1 >= para)
		{
			a->spk = prev->spk;
			return true;
		}
		return false;
	}
	if (cue_before(cx, k, true, a) || cue_after(cx, k, a))
		return true;
	if (q->continues >= 0 && attrs[q->continues].spk.text != NULL)
	{
		a->spk = attrs[q->continues].spk;
		return true;
	}
	if (cue_before(cx, k, false, a))
		return true;
	return sentence_start_subject(cx, sent_first_tok(doc, cx->sp[k].open),
								  cx->sp[k].open, &a->spk);
}

NcStatus
nc_q_attribute(QCtx *cx)
{
	const NcDoc *doc = cx->doc;
	QAttr		prev;
	int32_t		prevk = -1;
	QAttr	   *attrs;

	memset(&prev, 0, sizeof(prev));
	cx->prev_ent = -1;
	cx->prev_text = NULL;
	cx->prev_tok = 0;
	if (cx->n == 0)
		return NC_OK;
	attrs = nc_alloc(cx->env, sizeof(QAttr) * cx->n);
	if (attrs == NULL)
		return NC_ENOMEM;
	for (uint32_t k = 0; k < cx->n; k++)
	{
		QAttr	   *a = &attrs[k];
		NcQuote    *q = &cx->q[k];
		bool		found;

		memset(a, 0, sizeof(*a));
		a->spk.ent = -1;
		a->spk.first = a->spk.end = -1;
		a->verb_first = a->verb_end = -1;
		if (cx->sp[k].drop)
			continue;
		if (nc_q_stop(cx, 64))
			return NC_ECANCEL;
		found = attribute_one(cx, k, attrs, prevk, &prev, a);
		if (cx->oom)
			return NC_ENOMEM;
		if (!found || a->spk.text == NULL)
		{
			memset(a, 0, sizeof(*a));
			a->spk.ent = -1;
			a->spk.first = a->spk.end = -1;
			a->verb_first = a->verb_end = -1;
			continue;
		}
		q->speaker_entity = a->spk.ent;
		q->speaker = a->spk.text;
		q->speaker_len = a->spk.len;
		q->speaker_first = a->spk.first;
		q->speaker_end = a->spk.end;
		q->verb_first = a->verb_first;
		q->verb_end = a->verb_end;
		cx->prev_ent = a->spk.ent;
		cx->prev_text = a->spk.text;
		cx->prev_len = a->spk.len;
		cx->prev_para = nc_q_para_of(doc, cx->sp[k].open);
		cx->prev_tok = a->verb_first >= 0 ? (uint32_t) a->verb_first :
			a->spk.first >= 0 ? (uint32_t) a->spk.first : cx->sp[k].open;
		prev = *a;
		prevk = (int32_t) k;
	}
	return NC_OK;
}
