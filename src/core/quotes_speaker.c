/*
 * quotes_speaker.c
 *		Read the words that name a quote's source: the phrase before or
 *		after a reporting verb, resolved to an entity when it is one (a
 *		mention, a surname or "Mr X", a pronoun, "the minister") and kept as
 *		written otherwise ("government spokesman", leading article dropped).
 */
#include "quotes_internal.h"

#include <stdlib.h>

#define PHRASE_MAX 7			/* words of a descriptive speaker phrase */
#define PRONOUN_MENTIONS 80		/* mentions looked at for a pronoun */
#define PRONOUN_PARAS 4			/* ... at most this many paragraphs back */
#define ROLE_MENTIONS 200		/* mentions looked at for "the minister" */

/* Index of the quote whose marks enclose tok (marks included), or -1. */
int32_t
nc_q_quote_at(const QCtx *cx, uint32_t tok)
{
	uint32_t	lo = 0,
				hi = cx->n;

	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;

		if (cx->sp[mid].open <= tok)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return -1;
	lo--;
	if (tok <= (cx->sp[lo].close != UINT32_MAX ? cx->sp[lo].close : cx->q[lo].tok_end - 1))
		return (int32_t) lo;
	return -1;
}

static int32_t
mention_at(const QCtx *cx, uint32_t tok)
{
	if (cx->ents == NULL || cx->ents->nment == 0)
		return -1;
	return nc_entities_mention_at(cx->ents, tok);
}

/* Last mention starting before tok, or -1. */
static int32_t
mention_before(const QCtx *cx, uint32_t tok)
{
	uint32_t	lo = 0,
				hi;

	if (cx->ents == NULL)
		return -1;
	hi = cx->ents->nment;
	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;

		if (cx->ents->ments[mid].tok_first < tok)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (int32_t) lo - 1;
}

static void
set_entity(const QCtx *cx, int32_t ent, int32_t first, int32_t end, QSpk *out)
{
	out->ent = ent;
	out->text = cx->ents->ents[ent].name;
	out->len = cx->ents->ents[ent].name_len;
	out->first = first;
	out->end = end;
}

static void
set_mention(const QCtx *cx, int32_t m, QSpk *out)
{
	const NcMention *mm = &cx->ents->ments[m];

	set_entity(cx, (int32_t) mm->entity, (int32_t) mm->tok_first, (int32_t) mm->tok_end, out);
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t	x = *(const uint64_t *) a,
				y = *(const uint64_t *) b;

	return x < y ? -1 : x > y;
}

static bool
same_lower(const char *a, uint32_t alen, const char *b, uint32_t blen)
{
	if (alen != blen)
		return false;
	for (uint32_t i = 0; i < alen; i++)
		if (!nc_fold_eq((unsigned char) a[i], (unsigned char) b[i]))
			return false;
	return true;
}

/* Last word of an entity name. */
static void
last_word(const NcEntity *e, const char **p, uint32_t *len)
{
	uint32_t	i = e->name_len;

	while (i > 0 && e->name[i - 1] != ' ')
		i--;
	*p = e->name + i;
	*len = e->name_len - i;
}

/* The PERSON entity whose name ends in the word of token tok, or -1. */
static int32_t
surname_entity(QCtx *cx, uint32_t tok)
{
	const NcDoc *doc = cx->doc;
	uint32_t	h;
	uint32_t	lo = 0,
				hi;

	if (cx->ents == NULL || cx->ents->nent == 0)
		return -1;
	if (cx->surname == NULL)
	{
		uint32_t	n = 0;

		cx->surname = nc_alloc(cx->env, sizeof(uint64_t) * cx->ents->nent);
		if (cx->surname == NULL)
		{
			cx->oom = true;
			return -1;
		}
		for (uint32_t e = 0; e < cx->ents->nent; e++)
		{
			const char *p;
			uint32_t	len;

			if (cx->ents->ents[e].type != NC_ET_PERSON)
				continue;
			last_word(&cx->ents->ents[e], &p, &len);
			cx->surname[n++] = ((uint64_t) (uint32_t) nc_q_hash_lower(p, len) << 32) | e;
		}
		qsort(cx->surname, n, sizeof(uint64_t), cmp_u64);
		cx->nsurname = n;
	}
	h = (uint32_t) nc_q_hash_lower(nc_tok_ptr(doc, tok), nc_tok_len(doc, tok));
	hi = cx->nsurname;
	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;

		if ((cx->surname[mid] >> 32) < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < cx->nsurname && (cx->surname[lo] >> 32) == h; lo++)
	{
		uint32_t	e = (uint32_t) (cx->surname[lo] & 0xFFFFFFFFu);
		const char *p;
		uint32_t	len;

		last_word(&cx->ents->ents[e], &p, &len);
		if (same_lower(p, len, nc_tok_ptr(doc, tok), nc_tok_len(doc, tok)))
			return (int32_t) e;
	}
	return -1;
}

static bool
gender_fits(const NcEntity *e, char cls)
{
	switch (cls)
	{
		case 'm':
			return e->type == NC_ET_PERSON && e->gender != 2;
		case 'f':
			return e->type == NC_ET_PERSON && e->gender != 1;
		case 'h':
			return e->type == NC_ET_PERSON;
		case 'n':
		case 'p':
			return e->type == NC_ET_ORG;
	}
	return false;
}

/*
 * Is mention m the subject of its sentence: near its start, with only
 * titles and descriptions before it ("Sen. David Perdue", "PCSU deputy
 * general secretary Hugh Lanning"), or right next to a reporting verb
 * ("..., Mr. Obama said", "said Caddell")?
 */
static bool
is_subject(const QCtx *cx, int32_t m)
{
	const NcDoc *doc = cx->doc;
	const NcMention *mm = &cx->ents->ments[m];
	uint32_t	first = mm->tok_first;
	uint32_t	lo = doc->sents[doc->toks[first].sentence].tok_first;

	/*
	 * "..., Mr. Obama said" / "said Caddell." (not "said Trump is ...") /
	 * "its agent, Mr. Strand, said"
	 */
	if (nc_q_cue(cx, mm->tok_end) == QC_VERB ||
		(nc_q_punct_is(doc, mm->tok_end, ',') && nc_q_cue(cx, mm->tok_end + 1) == QC_VERB) ||
		(first > 0 && nc_q_cue(cx, first - 1) == QC_VERB &&
		 (mm->tok_end >= doc->ntok || doc->toks[mm->tok_end].kind == NC_TK_PUNCT)))
		return true;
	if (first - lo > 6)
		return false;
	for (uint32_t i = lo; i < first; i++)
	{
		char		c = nc_q_wclass(cx, i);
		int32_t		o;

		if (doc->toks[i].kind != NC_TK_WORD || c == 's' || c == 'o' || c == 'c' ||
			c == 'z' || c == 'x' || QW_IS_PRONOUN(c) || nc_q_cue(cx, i) != QC_NONE)
			return false;
		o = mention_at(cx, i);
		if (o >= 0 && cx->ents->ments[o].entity != mm->entity &&
			cx->ents->ents[cx->ents->ments[o].entity].type == NC_ET_PERSON)
			return false;
	}
	return true;
}

static bool
ends_with(const NcDoc *doc, uint32_t tok, const char *suffix)
{
	uint32_t	len = nc_tok_len(doc, tok);
	uint32_t	sl = (uint32_t) strlen(suffix);

	return len > sl + 2 && memcmp(nc_tok_ptr(doc, tok) + len - sl, suffix, sl) == 0;
}

/*
 * A subject the tagger missed, opening sentence s before token limit: two to
 * four capitalised words for a person ("Piers Freelove is ..."), or for a
 * group (it, they) capitalised words after an optional "The" ("The BPI is
 * ..."); a lower-case word must follow.
 */
static bool
name_subject(QCtx *cx, uint32_t s, char cls, uint32_t limit, QSpk *out)
{
	const NcDoc *doc = cx->doc;
	uint32_t	lo = doc->sents[s].tok_first;
	uint32_t	i = lo,
				e;
	bool		group = cls == 'n' || cls == 'p';

	if (group && nc_tok_eq(doc, i, "the"))
		i++;
	for (e = i; e < limit && e < i + 4; e++)
	{
		const NcToken *t = &doc->toks[e];

		if (t->kind != NC_TK_WORD || !(t->flags & NC_TF_CAP) ||
			nc_q_wclass(cx, e) != 0 || nc_q_cue(cx, e) != QC_NONE)
			break;
		if (mention_at(cx, e) >= 0)
			return false;
	}
	if (e - i < (group ? 1u : 2u) || e >= limit || doc->toks[e].kind != NC_TK_WORD ||
		(doc->toks[e].flags & NC_TF_CAP))
		return false;
	/* "Following ...", "Meanwhile ...": no name */
	if (ends_with(doc, i, "ing") || ends_with(doc, i, "ly") || ends_with(doc, i, "ed"))
		return false;
	if (group && i == lo && e - i == 1 && !(doc->toks[i].flags & NC_TF_ALLCAPS))
		return false;
	out->ent = surname_entity(cx, e - 1);
	if (out->ent >= 0)
	{
		out->text = cx->ents->ents[out->ent].name;
		out->len = cx->ents->ents[out->ent].name_len;
	}
	else
	{
		out->text = doc->text + doc->toks[i].start;
		out->len = doc->toks[e - 1].end - doc->toks[i].start;
	}
	return true;
}

/* Can the previous quote's speaker be this pronoun? */
static bool
prev_fits(const QCtx *cx, char cls)
{
	const NcEntity *e;

	if (cx->prev_text == NULL)
		return false;
	if (cx->prev_ent < 0)
		return true;
	e = &cx->ents->ents[cx->prev_ent];
	if (cls == 'n' || cls == 'p')
		return e->type != NC_ET_PERSON;
	/* speakers the tagger typed LOC or MISC are people all the same */
	return e->type != NC_ET_ORG && (e->type != NC_ET_PERSON || gender_fits(e, cls));
}

/*
 * The person (he, she), group (it, they) or anyone ('h': "the president")
 * a pronoun at tok stands for: the latest subject of the last few sentences
 * that fits, else the speaker of the previous quote, else the latest
 * mention that fits.  Mentions inside quotes are never candidates.
 */
static bool
resolve_pronoun(QCtx *cx, uint32_t tok, char cls, QSpk *out)
{
	const NcDoc *doc = cx->doc;
	uint32_t	sent = doc->toks[tok].sentence;
	uint32_t	para = nc_q_para_of(cx->doc, tok);
	int32_t		cand = -1;
	int32_t		m;
	int			steps = 0;

	out->ent = -1;
	out->text = NULL;
	out->len = 0;
	out->first = (int32_t) tok;
	out->end = (int32_t) tok + 1;
	if (cls == 'i' || cx->ents == NULL)
		return false;
	/*
	 * Subjects of the last sentences, latest first, unless the previous
	 * quote's attribution is more recent still.
	 */
	m = mention_before(cx, tok);
	for (uint32_t back = 0; back <= 3 && back <= sent; back++)
	{
		uint32_t	s = sent - back;
		uint32_t	limit = back == 0 ? tok : doc->sents[s].tok_end;
		bool		prev_here = prev_fits(cx, cls) && cx->prev_tok >= doc->sents[s].tok_first &&
			cx->prev_para + PRONOUN_PARAS >= para;

		if (doc->sents[s].paragraph + PRONOUN_PARAS < para)
			break;
		for (; m >= 0 && steps < PRONOUN_MENTIONS; m--, steps++)
		{
			const NcMention *mm = &cx->ents->ments[m];

			if (mm->tok_first < doc->sents[s].tok_first)
				break;
			if (!gender_fits(&cx->ents->ents[mm->entity], cls) ||
				nc_q_quote_at(cx, mm->tok_first) >= 0)
				continue;
			if (cand < 0)
				cand = m;
			if (!is_subject(cx, m) || (prev_here && cx->prev_tok > mm->tok_first))
				continue;
			set_entity(cx, (int32_t) mm->entity, (int32_t) tok, (int32_t) tok + 1, out);
			return true;
		}
		if (prev_here)
			break;				/* the last quote's speaker is the latest */
		if (limit > doc->sents[s].tok_first + 2 && name_subject(cx, s, cls, limit, out))
		{
			out->first = (int32_t) tok;
			out->end = (int32_t) tok + 1;
			return true;
		}
	}
	if (prev_fits(cx, cls) && cx->prev_para + PRONOUN_PARAS >= para)
	{
		out->ent = cx->prev_ent;
		out->text = cx->prev_text;
		out->len = cx->prev_len;
		return true;
	}
	for (; cand < 0 && m >= 0 && steps < PRONOUN_MENTIONS; m--, steps++)
	{
		const NcMention *mm = &cx->ents->ments[m];

		if (nc_q_para_of(cx->doc, mm->tok_first) + PRONOUN_PARAS < para)
			break;
		if (gender_fits(&cx->ents->ents[mm->entity], cls) &&
			nc_q_quote_at(cx, mm->tok_first) < 0)
			cand = m;
	}
	if (cand >= 0)
	{
		set_entity(cx, (int32_t) cx->ents->ments[cand].entity, (int32_t) tok, (int32_t) tok + 1, out);
		return true;
	}
	return false;
}

/* Does token tok (a word) occur among tokens [first, end)? */
static bool
word_among(const NcDoc *doc, uint32_t tok, int32_t first, int32_t end)
{
	for (int32_t i = first; i < end; i++)
		if (i >= 0 && (uint32_t) i < doc->ntok &&
			same_lower(nc_tok_ptr(doc, (uint32_t) i), nc_tok_len(doc, (uint32_t) i),
					   nc_tok_ptr(doc, tok), nc_tok_len(doc, tok)))
			return true;
	return false;
}

/* "the minister": the latest PERSON written with that role word. */
static int32_t
role_entity(QCtx *cx, uint32_t head)
{
	int			steps = 0;

	for (int32_t m = mention_before(cx, head); m >= 0 && steps < ROLE_MENTIONS; m--, steps++)
	{
		const NcMention *mm = &cx->ents->ments[m];
		int32_t		rf = mm->role_first,
					re = mm->role_end;

		if (cx->ents->ents[mm->entity].type != NC_ET_PERSON)
			continue;
		if (rf < 0)
		{
			rf = (int32_t) mm->tok_first - 4;
			re = (int32_t) mm->tok_first;
		}
		if (word_among(cx->doc, head, rf, re))
			return (int32_t) mm->entity;
	}
	return -1;
}

/* "a spokesman": the latest organisation, outside quotes, as its owner. */
static int32_t
recent_org(QCtx *cx, uint32_t tok)
{
	uint32_t	para = nc_q_para_of(cx->doc, tok);
	int			steps = 0;

	for (int32_t m = mention_before(cx, tok); m >= 0 && steps < PRONOUN_MENTIONS; m--, steps++)
	{
		const NcMention *mm = &cx->ents->ments[m];

		if (nc_q_para_of(cx->doc, mm->tok_first) + PRONOUN_PARAS < para)
			break;
		if (nc_q_quote_at(cx, mm->tok_first) >= 0)
			continue;
		/* an organisation, or any name that spoke ("Downing St said") */
		if (cx->ents->ents[mm->entity].type == NC_ET_ORG ||
			(cx->ents->ents[mm->entity].type != NC_ET_PERSON &&
			 nc_q_cue(cx, mm->tok_end) == QC_VERB))
			return (int32_t) mm->entity;
	}
	return -1;
}

static bool
is_spokes(const NcDoc *doc, uint32_t tok)
{
	return nc_tok_eq(doc, tok, "spokesman") || nc_tok_eq(doc, tok, "spokeswoman") ||
		nc_tok_eq(doc, tok, "spokesperson") || nc_tok_eq(doc, tok, "spokespeople") ||
		nc_tok_eq(doc, tok, "spokesmen");
}

/* A speaker phrase [f, h] that is no entity mention. */
static bool
describe(QCtx *cx, uint32_t f, uint32_t h, QSpk *out)
{
	const NcDoc *doc = cx->doc;
	uint32_t	t0 = f;
	bool		allcap = true,
				anycap = false;
	bool		definite;
	char		hc = nc_q_wclass(cx, h);

	while (t0 < h && nc_q_wclass(cx, t0) == 'd')
		t0++;
	if (nc_q_wclass(cx, t0) == 'd' || nc_q_wclass(cx, t0) == 'o' ||
		nc_q_wclass(cx, t0) == 'c')
		return false;
	definite = t0 > f && (nc_tok_eq(doc, f, "the") || nc_tok_eq(doc, f, "this"));
	for (uint32_t i = t0; i <= h; i++)
	{
		if (doc->toks[i].kind != NC_TK_WORD)
			continue;
		if (doc->toks[i].flags & NC_TF_CAP)
			anycap = true;
		else
			allcap = false;
	}
	/* a long lower-case run with no article is no speaker phrase */
	if (t0 == f && !anycap && h - t0 >= 3)
		return false;
	out->ent = -1;
	out->first = (int32_t) f;
	out->end = (int32_t) h + 1;
	out->text = doc->text + doc->toks[t0].start;
	out->len = doc->toks[h].end - doc->toks[t0].start;

	if (cx->ents == NULL)
		return true;
	if (allcap && hc != 'r')
	{
		/* a name the tagger missed: a surname of a known person? */
		int32_t		e = surname_entity(cx, h);

		if (e >= 0)
			set_entity(cx, e, (int32_t) f, (int32_t) h + 1, out);
		return true;
	}
	if (is_spokes(doc, h))
	{
		/* "a spokesman": of the organisation in the news just before */
		int32_t		e;

		if (t0 != h || (e = recent_org(cx, f)) < 0)
			return true;
		{
			const NcEntity *org = &cx->ents->ents[e];
			uint32_t	hl = nc_tok_len(doc, h);
			char	   *str = nc_alloc(cx->env, org->name_len + 1 + hl);

			if (str == NULL)
			{
				cx->oom = true;
				return true;
			}
			memcpy(str, org->name, org->name_len);
			str[org->name_len] = ' ';
			memcpy(str + org->name_len + 1, nc_tok_ptr(doc, h), hl);
			out->text = str;
			out->len = org->name_len + 1 + hl;
		}
		return true;
	}
	if (definite && hc == 'g' && t0 == h)
	{
		/* "the agency": the organisation in the news just before */
		int32_t		e = recent_org(cx, f);

		if (e >= 0)
			set_entity(cx, e, (int32_t) f, (int32_t) h + 1, out);
		return true;
	}
	if (definite && hc == 'r' && !(doc->toks[h].flags & NC_TF_CAP))
	{
		/* "the minister": the person written with that role, or in focus */
		int32_t		e = role_entity(cx, h);
		QSpk		p;

		if (e >= 0)
			set_entity(cx, e, (int32_t) f, (int32_t) h + 1, out);
		else if (resolve_pronoun(cx, f, 'h', &p) && p.ent >= 0)
			set_entity(cx, p.ent, (int32_t) f, (int32_t) h + 1, out);
	}
	return true;
}

static bool
stops_phrase(const QCtx *cx, uint32_t tok)
{
	char		c = nc_q_wclass(cx, tok);

	return c == 's' || c == 'x' || c == 'z' || QW_IS_PRONOUN(c) ||
		nc_q_cue(cx, tok) == QC_VERB;
}

bool
nc_q_speaker_head(QCtx *cx, uint32_t h, uint32_t lo, QSpk *out)
{
	const NcDoc *doc = cx->doc;
	int32_t		m;
	char		c;
	uint32_t	f;

	if (h < lo || h >= doc->ntok)
		return false;
	if ((m = mention_at(cx, h)) >= 0)
	{
		set_mention(cx, m, out);
		return true;
	}
	c = nc_q_wclass(cx, h);
	if (QW_IS_PRONOUN(c))
		return resolve_pronoun(cx, h, c, out);
	if (doc->toks[h].kind != NC_TK_WORD || stops_phrase(cx, h) || c == 'd')
		return false;
	f = h;
	{
		uint32_t	good = h;	/* start of the phrase without connectors */
		bool		conn = false,
					det = false;

		while (f > lo && h - f < (conn ? PHRASE_MAX + 4 : PHRASE_MAX))
		{
			uint32_t	p = f - 1;
			char		pc = nc_q_wclass(cx, p);

			if (doc->toks[p].kind != NC_TK_WORD)
				break;
			if (pc == 'd')
			{
				f = p;
				det = true;
				break;
			}
			if (pc == 'o' || pc == 'c')
			{
				/* "a committee of MPs and peers": only with the article */
				conn = true;
				f = p;
				continue;
			}
			if (!(doc->toks[p].flags & NC_TF_POSSESSIVE) && stops_phrase(cx, p))
				break;
			f = p;
			if (!conn)
				good = p;
		}
		if (conn && !det)
			f = good;
		/* "for music downloads believes": an object, not a speaker */
		if (!det && f > lo && (nc_q_wclass(cx, f - 1) == 's' || nc_q_wclass(cx, f - 1) == 'o') &&
			!(doc->toks[f].flags & NC_TF_CAP))
			return false;
	}
	return describe(cx, f, h, out);
}

/* A lower-case word in -ly between a speaker and a verb ("cynically"). */
static bool
is_adverb(const QCtx *cx, uint32_t tok)
{
	const NcDoc *doc = cx->doc;
	uint32_t	len = nc_tok_len(doc, tok);
	const char *p = nc_tok_ptr(doc, tok);

	return doc->toks[tok].kind == NC_TK_WORD && !(doc->toks[tok].flags & NC_TF_CAP) &&
		len > 4 && p[len - 2] == 'l' && p[len - 1] == 'y';
}

static bool
apposition_start(const QCtx *cx, uint32_t tok)
{
	const NcDoc *doc = cx->doc;
	char		c = nc_q_wclass(cx, tok);

	return c == 'd' || c == 'r' || nc_tok_eq(doc, tok, "who") ||
		nc_tok_eq(doc, tok, "whose") || nc_tok_eq(doc, tok, "which") ||
		doc->toks[tok].kind == NC_TK_NUMBER ||
		(tok + 1 < doc->ntok && (doc->toks[tok + 1].flags & NC_TF_POSSESSIVE));
}

bool
nc_q_speaker_before(QCtx *cx, uint32_t verb, uint32_t lo, QSpk *out)
{
	const NcDoc *doc = cx->doc;
	uint32_t	j = verb;
	uint32_t	h;

	while (j > lo && (nc_q_wclass(cx, j - 1) == 'x' || is_adverb(cx, j - 1)))
		j--;
	if (j <= lo)
		return false;
	h = j - 1;
	if (nc_q_punct_is(doc, h, ')'))
	{
		uint32_t	k = h;

		while (k > lo && h - k < 12 && !nc_q_punct_is(doc, k, '('))
			k--;
		if (!nc_q_punct_is(doc, k, '(') || k <= lo)
			return false;
		h = k - 1;
	}
	else if (nc_q_punct_is(doc, h, ','))
	{
		uint32_t	k = h;
		bool		found = false;

		/* "Price (D-Newport News), shouted" */
		if (h > lo + 1 && nc_q_punct_is(doc, h - 1, ')'))
		{
			uint32_t	b = h - 1;

			while (b > lo && h - b < 12 && !nc_q_punct_is(doc, b, '('))
				b--;
			if (nc_q_punct_is(doc, b, '(') && b > lo)
				return nc_q_speaker_head(cx, b - 1, lo, out);
		}
		/* "Biegun, who visited Lithuania last week, said" */
		while (k > lo + 1 && h - k < 40)
		{
			k--;
			if (NC_TK_IS_QUOTE(doc->toks[k].kind) || nc_q_sentence_final(doc, k))
				break;
			if (nc_q_punct_is(doc, k, ',') && doc->toks[k - 1].kind == NC_TK_WORD &&
				(apposition_start(cx, k + 1) || h - k <= 6))
			{
				found = true;
				break;
			}
		}
		if (!found)
			return false;
		/* "Another critic, Laurence H. Tribe, likened": the name inside */
		if (mention_at(cx, k - 1) < 0)
		{
			for (uint32_t i = k + 1; i < h && i < k + 5; i++)
			{
				int32_t		m = mention_at(cx, i);

				if (m >= 0 && cx->ents->ents[cx->ents->ments[m].entity].type == NC_ET_PERSON)
				{
					set_mention(cx, m, out);
					return true;
				}
			}
		}
		h = k - 1;
	}
	else if (nc_q_is_dash(doc, h))
	{
		/* "Biegun -- who visited Lithuania -- told" */
		uint32_t	k = h;

		while (k > lo + 1 && h - k < 30)
		{
			k--;
			if (NC_TK_IS_QUOTE(doc->toks[k].kind) || nc_q_sentence_final(doc, k))
				return false;
			if (nc_q_is_dash(doc, k))
				break;
		}
		if (!nc_q_is_dash(doc, k) || k <= lo)
			return false;
		h = k - 1;
	}
	return nc_q_speaker_head(cx, h, lo, out);
}

bool
nc_q_speaker_after(QCtx *cx, uint32_t a, uint32_t hi, QSpk *out)
{
	const NcDoc *doc = cx->doc;
	uint32_t	e;
	char		c;

	while (a < hi && nc_q_wclass(cx, a) == 'z')
		a++;
	if (a >= hi || doc->toks[a].kind != NC_TK_WORD)
		return false;
	c = nc_q_wclass(cx, a);
	if (QW_IS_PRONOUN(c))
		return resolve_pronoun(cx, a, c, out);
	if (c == 's' || c == 'x' || c == 'o' || c == 'c' || nc_q_cue(cx, a) == QC_VERB ||
		nc_tok_eq(doc, a, "his") || nc_tok_eq(doc, a, "her") || nc_tok_eq(doc, a, "its") ||
		nc_tok_eq(doc, a, "their") || nc_tok_eq(doc, a, "our") || nc_tok_eq(doc, a, "my"))
		return false;
	{
		/* "said European Council President Donald Tusk": the person */
		int32_t		found = -1;

		for (uint32_t k = a; k < hi && k < a + PHRASE_MAX; k++)
		{
			int32_t		m = mention_at(cx, k);

			if (m >= 0)
			{
				if (found < 0 || cx->ents->ents[cx->ents->ments[m].entity].type == NC_ET_PERSON)
					found = m;
				if (cx->ents->ents[cx->ents->ments[m].entity].type == NC_ET_PERSON)
					break;
				k = cx->ents->ments[m].tok_end - 1;
				continue;
			}
			if (doc->toks[k].kind == NC_TK_NUMBER ||
				(doc->toks[k].kind == NC_TK_PUNCT && !(doc->toks[k].flags & NC_TF_SPACE_BEFORE) &&
				 !(doc->toks[k].flags & NC_TF_SPACE_AFTER)))
				continue;		/* "said 9/11 widow Terry Strada" */
			if (doc->toks[k].kind != NC_TK_WORD || nc_q_wclass(cx, k) == 's')
				break;
		}
		if (found >= 0)
		{
			set_mention(cx, found, out);
			return true;
		}
	}
	e = a;
	while (e < hi && e < a + PHRASE_MAX && doc->toks[e].kind == NC_TK_WORD &&
		   (e == a || !stops_phrase(cx, e)) && !(e > a && nc_q_wclass(cx, e) == 'd') &&
		   nc_q_wclass(cx, e) != 'o' && nc_q_wclass(cx, e) != 'c')
		e++;
	if (e == a || (e == a + 1 && nc_q_wclass(cx, a) == 'd'))
		return false;
	return describe(cx, a, e - 1, out);
}

bool
nc_q_speaker_name(QCtx *cx, uint32_t first, uint32_t end, QSpk *out)
{
	const NcDoc *doc = cx->doc;
	int32_t		e;

	if (end <= first)
		return false;
	for (uint32_t k = first; k < end; k++)
	{
		int32_t		m = mention_at(cx, k);

		if (m >= 0 && (cx->ents->ents[cx->ents->ments[m].entity].type == NC_ET_PERSON ||
					   cx->ents->ents[cx->ents->ments[m].entity].type == NC_ET_ORG))
		{
			set_mention(cx, m, out);
			return true;
		}
	}
	if ((e = surname_entity(cx, end - 1)) >= 0)
	{
		set_entity(cx, e, (int32_t) first, (int32_t) end, out);
		return true;
	}
	out->ent = -1;
	out->first = (int32_t) first;
	out->end = (int32_t) end;
	out->text = doc->text + doc->toks[first].start;
	out->len = doc->toks[end - 1].end - doc->toks[first].start;
	return true;
}
