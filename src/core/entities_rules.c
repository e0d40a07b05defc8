/*
 * entities_rules.c
 *		Document-level rules over the tagger's spans:
 *		- trim: titles, "the", possessive 's and punctuation go outside;
 *		- consistency: a string typed once is typed the same (majority)
 *		  everywhere, untagged occurrences of a typed string or of a
 *		  person's surname become mentions;
 *		- roles: the title or description written with a person mention.
 */
#include <stdlib.h>
#include <string.h>

#include "entities_internal.h"
#include "lexicon_data.h"

bool
nc_ent_is_title(const NcDoc *doc, uint32_t i, const char **value)
{
	const NcLexEntry *e;

	if (doc->toks[i].kind != NC_TK_WORD || (doc->toks[i].flags & NC_TF_POSSESSIVE))
		return false;
	e = nc_lex_find_lower(&nc_lex_ner_titles, nc_tok_ptr(doc, i), nc_tok_len(doc, i));
	if (e && value)
		*value = e->value;
	return e != NULL;
}

uint64_t
nc_ent_span_key(const EntCtx *cx, uint32_t first, uint32_t end)
{
	uint64_t	h = nc_ner_mix(NER_PH_SEED ^ cx->wh[first]);

	for (uint32_t k = first + 1; k < end; k++)
		h = nc_ner_mix(h ^ cx->wh[k]);
	return h;
}

static bool
is_word(const NcDoc *doc, uint32_t i)
{
	const NcToken *t = &doc->toks[i];

	return (t->kind == NC_TK_WORD || t->kind == NC_TK_NUMBER) &&
		!(t->flags & NC_TF_POSSESSIVE);
}

static bool
is_article(const NcDoc *doc, uint32_t i)
{
	return nc_tok_eq(doc, i, "the") || nc_tok_eq(doc, i, "a") || nc_tok_eq(doc, i, "an");
}

static uint32_t
sent_end_of(const NcDoc *doc, uint32_t i)
{
	uint32_t	s = doc->toks[i].sentence;

	if (s < doc->nsent && doc->sents[s].tok_end <= doc->ntok)
		return doc->sents[s].tok_end;
	return doc->ntok;
}

static uint32_t
sent_first_of(const NcDoc *doc, uint32_t i)
{
	uint32_t	s = doc->toks[i].sentence;

	if (s < doc->nsent && doc->sents[s].tok_first <= i)
		return doc->sents[s].tok_first;
	return i;
}

static void
trim_span(EntCtx *cx, EntSpan *sp)
{
	const NcDoc *doc = cx->doc;

	/* leading punctuation, quotes, articles */
	while (sp->first < sp->end &&
		   (!is_word(doc, sp->first) ||
			(sp->end - sp->first > 1 && nc_tok_eq(doc, sp->first, "the"))))
		sp->first++;
	/* trailing possessives and punctuation (a closing bracket of an inner
	 * opening one stays) */
	while (sp->end > sp->first && !is_word(doc, sp->end - 1))
	{
		const char *p = nc_tok_ptr(doc, sp->end - 1);

		if (p[0] == ')' && sp->end - sp->first > 2)
		{
			bool		open = false;

			for (uint32_t k = sp->first; k < sp->end - 1; k++)
				if (*nc_tok_ptr(doc, k) == '(')
					open = true;
			if (open)
				break;
		}
		sp->end--;
	}
	/* titles before a person's name */
	if (sp->type == NC_ET_PERSON)
		while (sp->end - sp->first > 1 && nc_ent_is_title(doc, sp->first, NULL))
			sp->first++;
	if (sp->first >= sp->end)
		sp->type = 0;
}

/* ---- a small open-addressing map: span key -> votes ---- */
typedef struct KeyStat
{
	uint64_t	key;			/* 0 = empty */
	uint32_t	votes[5];		/* by NcEntityType */
	uint32_t	alias;			/* surname of a multi-word person */
	uint32_t	len;			/* tokens */
	uint8_t		first_type;
} KeyStat;

typedef struct KeyMap
{
	KeyStat    *slots;
	uint32_t	mask;
} KeyMap;

static bool
map_init(const NcEnv *env, KeyMap *m, uint32_t n)
{
	uint32_t	cap = 64;

	while (cap < 2 * n + 16)
		cap <<= 1;
	m->slots = nc_alloc(env, (size_t) cap * sizeof(KeyStat));
	if (!m->slots)
		return false;
	memset(m->slots, 0, (size_t) cap * sizeof(KeyStat));
	m->mask = cap - 1;
	return true;
}

static KeyStat *
map_get(KeyMap *m, uint64_t key, bool add)
{
	uint32_t	i;

	if (key == 0)
		key = 1;
	i = (uint32_t) (key >> 40) & m->mask;
	for (;;)
	{
		KeyStat    *s = &m->slots[i];

		if (s->key == key)
			return s;
		if (s->key == 0)
		{
			if (!add)
				return NULL;
			s->key = key;
			return s;
		}
		i = (i + 1) & m->mask;
	}
}

static int
cmp_span(const void *a, const void *b)
{
	const EntSpan *x = a,
			   *y = b;

	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;
	return 0;
}

/* sort, drop empty and overlapping spans */
static void
normalise_spans(EntCtx *cx)
{
	uint32_t	n = 0;
	uint32_t	last_end = 0;

	qsort(cx->spans, cx->nspan, sizeof(EntSpan), cmp_span);
	for (uint32_t i = 0; i < cx->nspan; i++)
	{
		EntSpan    *sp = &cx->spans[i];

		if (sp->type == 0 || sp->first >= sp->end)
			continue;
		if (n > 0 && sp->first < last_end)
			continue;
		cx->spans[n++] = *sp;
		last_end = sp->end;
	}
	cx->nspan = n;
}

static uint8_t
best_type(const KeyStat *s, uint8_t own)
{
	uint8_t		best = own;

	for (uint8_t t = 1; t <= 4; t++)
		if (s->votes[t] > s->votes[best])
			best = t;
	return best;
}

static NcStatus
consistency(EntCtx *cx)
{
	const NcDoc *doc = cx->doc;
	KeyMap		map;
	uint8_t    *covered;
	uint32_t	nspan0 = cx->nspan;

	if (!map_init(cx->env, &map, cx->nspan * 2))
		return NC_ENOMEM;
	covered = nc_alloc(cx->env, doc->ntok);
	if (!covered)
		return NC_ENOMEM;
	memset(covered, 0, doc->ntok);

	for (uint32_t i = 0; i < cx->nspan; i++)
	{
		EntSpan    *sp = &cx->spans[i];
		KeyStat    *s = map_get(&map, nc_ent_span_key(cx, sp->first, sp->end), true);

		if (s->votes[1] + s->votes[2] + s->votes[3] + s->votes[4] == 0)
			s->first_type = sp->type;
		s->votes[sp->type]++;
		s->len = sp->end - sp->first;
		for (uint32_t k = sp->first; k < sp->end; k++)
			covered[k] = 1;
		if (sp->type == NC_ET_PERSON && sp->end - sp->first >= 2 && cx->up[sp->end - 1])
		{
			KeyStat    *a = map_get(&map, nc_ent_span_key(cx, sp->end - 1, sp->end), true);

			a->alias++;
			a->len = 1;
		}
	}

	/* majority type per string; surnames of people are people */
	for (uint32_t i = 0; i < cx->nspan; i++)
	{
		EntSpan    *sp = &cx->spans[i];
		KeyStat    *s = map_get(&map, nc_ent_span_key(cx, sp->first, sp->end), false);

		if (!s)
			continue;
		if (s->alias && sp->end - sp->first == 1)
			sp->type = NC_ET_PERSON;
		else
			sp->type = best_type(s, s->first_type ? s->first_type : sp->type);
	}

	/* untagged occurrences of typed strings */
	for (uint32_t i = 0; i < doc->ntok; i++)
	{
		uint32_t	send,
					best = 0;
		uint8_t		btype = 0;
		uint64_t	h;

		if (covered[i] || !cx->up[i] || !is_word(doc, i))
			continue;
		send = sent_end_of(doc, i);
		h = nc_ner_mix(NER_PH_SEED ^ cx->wh[i]);
		for (uint32_t j = i; j < send && j - i < NER_MAXPHRASE && !covered[j]; j++)
		{
			KeyStat    *s;

			if (j > i)
				h = nc_ner_mix(h ^ cx->wh[j]);
			s = map_get(&map, h, false);
			if (s && cx->up[j] && is_word(doc, j))
			{
				uint8_t		t = 0;

				if (s->votes[1] + s->votes[2] + s->votes[3] + s->votes[4] > 0)
					t = best_type(s, s->first_type);
				else if (s->alias)
					t = NC_ET_PERSON;
				if (t)
				{
					best = j - i + 1;
					btype = t;
				}
			}
		}
		if (!best)
			continue;
		/* not a piece of a longer capitalised name */
		if (i + best < send && cx->up[i + best] && is_word(doc, i + best) &&
			!covered[i + best] && doc->toks[i + best].kind == NC_TK_WORD)
			continue;
		if (nc_ent_add_span(cx, i, i + best, btype) != NC_OK)
			return NC_ENOMEM;
		for (uint32_t k = i; k < i + best; k++)
			covered[k] = 1;
		i += best - 1;
	}
	/* gazetteer backstop: untagged known organisations and demonyms */
	for (uint32_t i = 0; i < doc->ntok; i++)
	{
		uint8_t		c = cx->phr[i];
		uint32_t	j;

		if (covered[i] || !cx->up[i])
			continue;
		if (c && ((c - 1) & 1) && (((c - 1) >> 1) << 8 & NER_G_ORG))
		{
			/* the match runs over the following tokens with the I code */
			j = i + 1;
			while (j < doc->ntok && cx->phr[j] == (uint8_t) (c - 1) && !covered[j])
				j++;
			if (nc_ent_add_span(cx, i, j, NC_ET_ORG) != NC_OK)
				return NC_ENOMEM;
			for (uint32_t k = i; k < j; k++)
				covered[k] = 1;
			i = j - 1;
		}
		else if ((cx->gz[i] & NER_G_DEMONYM) && doc->toks[i].kind == NC_TK_WORD &&
				 !(doc->toks[i].flags & NC_TF_ALLCAPS) &&
				 !(i + 1 < doc->ntok && cx->up[i + 1] && !covered[i + 1] &&
				   doc->toks[i + 1].kind == NC_TK_WORD))
		{
			if (nc_ent_add_span(cx, i, i + 1, NC_ET_MISC) != NC_OK)
				return NC_ENOMEM;
			covered[i] = 1;
		}
	}
	if (cx->nspan != nspan0)
		normalise_spans(cx);
	return NC_OK;
}

/* Title words before a person mention, and "X, the ... ruler," after it. */
static void
find_role(EntCtx *cx, EntSpan *sp, const uint8_t *covered)
{
	const NcDoc *doc = cx->doc;
	uint32_t	sfirst = sent_first_of(doc, sp->first);
	uint32_t	send = sent_end_of(doc, sp->first);
	int64_t		j = (int64_t) sp->first - 1;
	int64_t		run = sp->first;	/* accepted run [run, sp->first) */
	int64_t		title_at = -1;

	while (j >= (int64_t) sfirst && sp->first - j <= 8)
	{
		uint32_t	t = (uint32_t) j;

		if (covered[t])
			break;
		if (nc_ent_is_title(doc, t, NULL))
		{
			run = j;
			title_at = j;
		}
		else if (doc->toks[t].kind == NC_TK_WORD && cx->up[t] &&
				 !(doc->toks[t].flags & (NC_TF_POSSESSIVE | NC_TF_SENT_START)))
			run = j;			/* "State" in Secretary of State */
		else if ((nc_tok_eq(doc, t, "of") || nc_tok_eq(doc, t, "for") ||
				  nc_tok_eq(doc, t, "-")) && run == j + 1)
			;					/* connector, kept if a title precedes */
		else
			break;
		j--;
	}
	if (title_at >= 0)
	{
		sp->role_first = (int32_t) title_at;
		sp->role_end = (int32_t) sp->first;
		return;
	}

	/* apposition: "Lukashenko, the country's long-time strongman ruler," */
	if (sp->end + 1 < send && *nc_tok_ptr(doc, sp->end) == ',' &&
		nc_tok_len(doc, sp->end) == 1)
	{
		uint32_t	k = sp->end + 1,
					start;

		while (k < send && k - sp->end <= 10)
		{
			const NcToken *t = &doc->toks[k];

			if (t->kind == NC_TK_PUNCT && !nc_tok_eq(doc, k, "-"))
				break;
			if (NC_TK_IS_QUOTE(t->kind))
				return;
			k++;
		}
		if (k >= send || k - sp->end > 10 || k == sp->end + 1)
			return;
		if (!nc_ent_is_title(doc, k - 1, NULL))
			return;
		start = sp->end + 1;
		if (is_article(doc, start) && start + 1 < k)
			start++;
		sp->role_first = (int32_t) start;
		sp->role_end = (int32_t) k;
	}
}

NcStatus
nc_ent_rules(EntCtx *cx)
{
	const NcDoc *doc = cx->doc;
	uint8_t    *covered;
	NcStatus	st;

	for (uint32_t i = 0; i < cx->nspan; i++)
	{
		EntSpan    *sp = &cx->spans[i];

		trim_span(cx, sp);
		/* a given name the tagger left out: "... of State Stephen Biegun" */
		while (sp->type == NC_ET_PERSON && sp->first > sent_first_of(doc, sp->first) &&
			   cx->labels[sp->first - 1] == 0 && cx->up[sp->first - 1] &&
			   doc->toks[sp->first - 1].kind == NC_TK_WORD &&
			   (cx->gz[sp->first - 1] & (NER_G_FIRST_M | NER_G_FIRST_F)) &&
			   !nc_ent_is_title(doc, sp->first - 1, NULL))
			sp->first--;
	}
	normalise_spans(cx);
	if ((st = consistency(cx)) != NC_OK)
		return st;

	covered = nc_alloc(cx->env, doc->ntok);
	if (!covered)
		return NC_ENOMEM;
	memset(covered, 0, doc->ntok);
	for (uint32_t i = 0; i < cx->nspan; i++)
		for (uint32_t k = cx->spans[i].first; k < cx->spans[i].end; k++)
			covered[k] = 1;
	for (uint32_t i = 0; i < cx->nspan; i++)
		if (cx->spans[i].type == NC_ET_PERSON)
			find_role(cx, &cx->spans[i], covered);
	return NC_OK;
}
