/*
 * entities_group.c
 *		Group mentions into entities: the same string and type; a person's
 *		surname (or "Mr X", whose title is already outside the span) with the
 *		full name; an acronym with the full form it abbreviates or that
 *		defines it in parentheses.  The canonical name is the fullest form;
 *		entities are numbered by first mention.
 */
#include <string.h>

#include "entities_internal.h"
#include "lexicon_data.h"
#include "nc_keymap.h"

/*
 * The maps' entries (EntSlot) hold a word or name key and the span it leads
 * to.  find key; when absent and add, insert it with val; returns the entry
 * (NULL when absent, or with add when out of memory).  Adding may move the
 * entries: pointers from earlier calls are then stale.
 */
static inline EntSlot *
map_find(NcKeyMap *m, uint64_t key, bool add, uint32_t val)
{
	bool		added;
	EntSlot    *s;

	if (!add)
		return nc_keymap_find(m, key);
	s = nc_keymap_add(m, key, &added);
	if (s && added)
		s->val = val;
	return s;
}

static uint32_t
uf_find(uint32_t *parent, uint32_t x)
{
	while (parent[x] != x)
	{
		parent[x] = parent[parent[x]];
		x = parent[x];
	}
	return x;
}

static void
uf_union(uint32_t *parent, uint32_t a, uint32_t b)
{
	a = uf_find(parent, a);
	b = uf_find(parent, b);
	if (a == b)
		return;
	/* the earlier mention stays the root */
	if (a < b)
		parent[b] = a;
	else
		parent[a] = b;
}

/* ASCII letters of an acronym token ("U.N.", "NATO"), or 0 */
static uint64_t
acronym_key(const NcDoc *doc, uint32_t i, int *nletters)
{
	const char *p = nc_tok_ptr(doc, i);
	uint32_t	len = nc_tok_len(doc, i);
	uint64_t	h = UINT64_C(0xCBF29CE484222325);
	int			n = 0;

	if (!(doc->toks[i].flags & NC_TF_ALLCAPS))
		return 0;
	for (uint32_t k = 0; k < len; k++)
	{
		unsigned char c = (unsigned char) p[k];

		if (c == '.')
			continue;
		if (c < 'A' || c > 'Z')
			return 0;
		h = (h ^ c) * UINT64_C(0x100000001B3);
		n++;
	}
	*nletters = n;
	return (n >= 2 && n <= 8) ? h : 0;
}

/* initials of a multi-word name's capitalised words, or 0 */
static uint64_t
initials_key(const EntCtx *cx, uint32_t first, uint32_t end)
{
	const NcDoc *doc = cx->doc;
	uint64_t	h = UINT64_C(0xCBF29CE484222325);
	int			n = 0;

	for (uint32_t k = first; k < end; k++)
	{
		unsigned char c = (unsigned char) *nc_tok_ptr(doc, k);

		if (doc->toks[k].kind != NC_TK_WORD || !cx->up[k])
			continue;
		if (c < 'A' || c > 'Z')
			return 0;
		h = (h ^ c) * UINT64_C(0x100000001B3);
		n++;
	}
	return (n >= 2 && n <= 8) ? h : 0;
}

/* gender from a title written with the mention (Mr, Mrs, Queen...), or 0 */
static uint8_t
title_gender(const EntCtx *cx, const EntSpan *sp)
{
	for (int32_t k = sp->role_first; k >= 0 && k < sp->role_end; k++)
	{
		uint8_t		g = nc_ent_title_gender(cx, (uint32_t) k);

		if (g)
			return g;
	}
	return 0;
}

/* gender from the canonical name's given name, or 0 */
static uint8_t
name_gender(const EntCtx *cx, const EntSpan *canon)
{
	const NcDoc *doc = cx->doc;
	const NcLexEntry *e;

	if (canon->end - canon->first < 2)
		return 0;
	e = nc_lex_find(&nc_lex_ner_first_names, nc_tok_ptr(doc, canon->first),
					nc_tok_len(doc, canon->first));
	if (!e)
		e = nc_lex_find(&nc_lex_ner_first_names_extra, nc_tok_ptr(doc, canon->first),
						nc_tok_len(doc, canon->first));
	if (e && e->value)
	{
		if (strcmp(e->value, "m") == 0)
			return 1;
		if (strcmp(e->value, "f") == 0)
			return 2;
	}
	return 0;
}

/* "Sir" or "Dame" right before token i: British style names a knight by it */
static bool
knighted(const NcDoc *doc, uint32_t i)
{
	if (i == 0 || !(doc->toks[i].flags & NC_TF_CAP))
		return false;
	return nc_tok_eq(doc, i - 1, "Sir") || nc_tok_eq(doc, i - 1, "Dame");
}

NcStatus
nc_ent_group(EntCtx *cx, NcEntities *out)
{
	const NcDoc *doc = cx->doc;
	EntSpan    *sp = cx->spans;
	uint32_t	n = cx->nspan;
	uint32_t   *parent,
			   *entof,
			   *canon;
	NcKeyMap	same,
				first_full,
				latest_full,
				given_full,
				initials;

	uint32_t	nfull = 0,		/* full names of people: keys of the surname
								 * and given-name maps */
				nlong = 0;		/* other names of several words: keys of
								 * initials */

	if (n == 0)
		return NC_OK;
	for (uint32_t i = 0; i < n; i++)
		if (sp[i].end - sp[i].first >= 2)
		{
			if (sp[i].type == NC_ET_PERSON)
				nfull++;
			else
				nlong++;
		}
	/* parent, entof and canon: one block */
	parent = nc_alloc(cx->env, (size_t) n * 3 * sizeof(uint32_t));
	if (!parent ||
		!nc_keymap_init(cx->env, &same, sizeof(EntSlot), n) || !nc_keymap_init(cx->env, &first_full, sizeof(EntSlot), nfull) ||
		!nc_keymap_init(cx->env, &latest_full, sizeof(EntSlot), nfull) || !nc_keymap_init(cx->env, &initials, sizeof(EntSlot), nlong) ||
		!nc_keymap_init(cx->env, &given_full, sizeof(EntSlot), nfull))
		return NC_ENOMEM;
	entof = parent + n;
	canon = entof + n;
	for (uint32_t i = 0; i < n; i++)
		parent[i] = i;

	/* same string, same type; first full name per surname; initials */
	for (uint32_t i = 0; i < n; i++)
	{
		uint64_t	key = nc_ent_span_key(cx, sp[i].first, sp[i].end) ^ sp[i].type;
		EntSlot    *s = map_find(&same, key, true, i);

		if (!s)
			return NC_ENOMEM;
		if (s->val != i)
			uf_union(parent, s->val, i);
		if (sp[i].type == NC_ET_PERSON && sp[i].end - sp[i].first >= 2)
		{
			if (!map_find(&first_full, nc_ent_wh(cx, sp[i].end - 1), true, i) ||
				!map_find(&given_full, nc_ent_wh(cx, sp[i].first), true, i))
				return NC_ENOMEM;
		}
		if (sp[i].type != NC_ET_PERSON && sp[i].end - sp[i].first >= 2)
		{
			uint64_t	ik = initials_key(cx, sp[i].first, sp[i].end);

			if (ik && !map_find(&initials, ik, true, i))
				return NC_ENOMEM;
		}
	}

	for (uint32_t i = 0; i < n; i++)
	{
		uint32_t	len = sp[i].end - sp[i].first;

		if (sp[i].type == NC_ET_PERSON)
		{
			if (len >= 2)
			{
				EntSlot    *s;

				/* "De Vries" opening a sentence: Anneke de Vries's surname */
				if (len == 2 && nc_ent_cue_word(cx, sp[i].first, 'c'))
				{
					s = map_find(&latest_full, nc_ent_wh(cx, sp[i].end - 1), false, 0);
					if (!s)
						s = map_find(&first_full, nc_ent_wh(cx, sp[i].end - 1), false, 0);
					if (s && sp[s->val].end - sp[s->val].first >= 3 &&
						nc_ent_wh(cx, sp[s->val].end - 2) == nc_ent_wh(cx, sp[i].first))
						uf_union(parent, s->val, i);
				}
				s = map_find(&latest_full, nc_ent_wh(cx, sp[i].end - 1), true, i);
				if (!s)
					return NC_ENOMEM;
				s->val = i;
			}
			else
			{
				uint8_t		g = title_gender(cx, &sp[i]);
				EntSlot    *s = map_find(&latest_full, nc_ent_wh(cx, sp[i].first), false, 0);

				/* "Mr. Obama" is not the Michelle Obama of the article */
				if (s && g && name_gender(cx, &sp[s->val]) == 3 - g)
					s = NULL;
				if (!s)
					s = map_find(&first_full, nc_ent_wh(cx, sp[i].first), false, 0);
				if (s && g && name_gender(cx, &sp[s->val]) == 3 - g)
					s = NULL;
				/* "Sir John", "Dame Judi": a knight by the given name */
				if (!s && knighted(doc, sp[i].first))
					s = map_find(&given_full, nc_ent_wh(cx, sp[i].first), false, 0);
				if (s)
					uf_union(parent, s->val, i);
			}
		}
		if (len == 1)
		{
			int			nl = 0;
			uint64_t	ak = acronym_key(doc, sp[i].first, &nl);

			if (ak)
			{
				EntSlot    *s = map_find(&initials, ak, false, 0);

				if (s)
				{
					sp[i].type = sp[s->val].type;
					uf_union(parent, s->val, i);
				}
			}
		}
		/* "Securities and Exchange Commission (SEC)" */
		if (i + 1 < n && sp[i + 1].end - sp[i + 1].first == 1 &&
			sp[i + 1].first == sp[i].end + 1 && sp[i + 1].end < doc->ntok &&
			sp[i].type != NC_ET_PERSON && len >= 2 &&
			*nc_tok_ptr(doc, sp[i].end) == '(' && *nc_tok_ptr(doc, sp[i + 1].end) == ')' &&
			(doc->toks[sp[i + 1].first].flags & NC_TF_ALLCAPS))
		{
			sp[i + 1].type = sp[i].type;
			uf_union(parent, i, i + 1);
		}
	}

	/* canonical mention: the longest (code points), earliest on ties */
	for (uint32_t i = 0; i < n; i++)
		canon[i] = UINT32_MAX;
	for (uint32_t i = 0; i < n; i++)
	{
		uint32_t	r = uf_find(parent, i);
		uint32_t	c = canon[r];
		uint32_t	li = doc->toks[sp[i].end - 1].cend - doc->toks[sp[i].first].cstart;

		if (c == UINT32_MAX ||
			li > doc->toks[sp[c].end - 1].cend - doc->toks[sp[c].first].cstart)
			canon[r] = i;
	}

	out->ments = nc_alloc(cx->env, (size_t) n * sizeof(NcMention));
	out->ents = nc_alloc(cx->env, (size_t) n * sizeof(NcEntity));
	if (!out->ments || !out->ents)
	{
		out->ments = NULL;
		out->ents = NULL;
		return NC_ENOMEM;
	}
	for (uint32_t i = 0; i < n; i++)
	{
		uint32_t	r = uf_find(parent, i);
		NcMention  *m = &out->ments[i];

		if (r == i)
		{
			const EntSpan *c = &sp[canon[r]];
			NcEntity   *e = &out->ents[out->nent];

			memset(e, 0, sizeof(*e));
			e->type = c->type;
			e->name = doc->text + doc->toks[c->first].start;
			e->name_len = doc->toks[c->end - 1].end - doc->toks[c->first].start;
			e->first_mention = i;
			e->gender = c->type == NC_ET_PERSON ? name_gender(cx, c) : 0;
			entof[r] = out->nent++;
		}
		m->tok_first = sp[i].first;
		m->tok_end = sp[i].end;
		m->entity = entof[r];
		m->role_first = sp[i].role_first;
		m->role_end = sp[i].role_first >= 0 ? sp[i].role_end : -1;
		out->ents[m->entity].nmentions++;
		if (out->ents[m->entity].type == NC_ET_PERSON)
		{
			uint8_t		g = title_gender(cx, &sp[i]);

			if (g)
				out->ents[m->entity].gender = g;
		}
	}
	out->nment = n;
	/* give back the scratch, and the entity slots left unused */
	nc_keymap_free(&same);
	nc_keymap_free(&first_full);
	nc_keymap_free(&latest_full);
	nc_keymap_free(&initials);
	nc_keymap_free(&given_full);
	nc_release(cx->env, parent, (size_t) n * 3 * sizeof(uint32_t));
	if ((size_t) (n - out->nent) * sizeof(NcEntity) >= NC_RELEASE_MIN)
	{
		NcEntity   *e = cx->env->grow(cx->env->ctx, out->ents,
									  (size_t) (out->nent ? out->nent : 1) * sizeof(NcEntity));

		if (e)
			out->ents = e;
	}
	return NC_OK;
}
