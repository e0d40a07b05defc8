/*
 * entities_rules.c
 *		Document-level rules over the tagger's spans:
 *		- trim: titles, "the", possessive 's and punctuation go outside;
 *		- names around head words (lexicon ner_heads: "House of Lords",
 *		  "Securities and Exchange Commission", "X Treaty", and a person's
 *		  name before the head: "Andy Warhol Foundation"), hyphenated
 *		  given names and capitalised words joined by a hyphen
 *		  ("Saxony-Anhalt", "German-American"; not "pro-Beijing"), exact
 *		  gazetteer matches typed by the gazetteer, unseen -ian/-ese/-ish
 *		  demonyms, acronyms of names written out; a person's particle and
 *		  given names, suffix and epithet ("Günter de Bruyn", "Andre
 *		  Price III", "Lucas Cranach the Elder");
 *		- known names: a name of several words the gazetteers type one
 *		  way (WordNet, countries, cities, organisations) wins over the
 *		  tagger's pieces of it and over head-word guesses ("Soviet
 *		  Union" is a place); an office after its body's name is cut
 *		  off ("U.N. High Commissioner ..." -> "U.N.");
 *		- context cues: "Mr X", "President X", "X, who", "X herself",
 *		  "..., said X.", "...,\" X mocked.", "X, now 31,", "X was born",
 *		  "X as First Lady", an unknown place before a reporting verb,
 *		  "X's wife", "X told", a given name before it -> PERSON; "the firm
 *		  X", "founder of X", "X's shares", "X spokeswoman", "firms such as
 *		  X, Y and Z", a lone acronym -> ORG; "B.C." -> LOC; a cue outweighs
 *		  the tagger's votes for the string;
 *		- consistency: a string typed once is typed the same (majority)
 *		  everywhere, untagged occurrences of a typed string or of a
 *		  person's surname become mentions;
 *		- roles: the title or description written with a person mention.
 */
#include <stdlib.h>
#include <string.h>

#include "entities_internal.h"
#include "lexicon_data.h"
#include "nc_keymap.h"

static inline uint8_t head_at(const EntCtx *cx, uint32_t i);
static inline bool tok_title(const EntCtx *cx, uint32_t i);
static bool is_given_name(const EntCtx *cx, uint32_t i);

/*
 * The tokens with an upper-case letter (cx->up) are the only ones most
 * passes look at: their indexes are listed once (cx->caps, ending in
 * UINT32_MAX), and each pass walks the list (for each c, token caps[c])
 * instead of testing every token again.  false when out of memory.
 */
static bool
list_caps(EntCtx *cx)
{
	uint32_t	ntok = cx->doc->ntok,
				n = 0,
				i = 0;

	/* room for every token: no counting pass */
	cx->caps = nc_alloc(cx->env, (size_t) (ntok + 1) * sizeof(uint32_t));
	if (!cx->caps)
		return false;
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* eight tokens a word: most are lower case, one test passes them */
	for (; i + 8 <= ntok; i += 8)
	{
		uint64_t	w = nc_swar_load(cx->up + i);

		for (w = nc_ent_nonzero_marks(w); w != 0; w &= w - 1)
			cx->caps[n++] = i + (uint32_t) (__builtin_ctzll(w) >> 3);
	}
#endif
	for (; i < ntok; i++)
	{
		/* no branch: the slot is overwritten unless token i counts */
		cx->caps[n] = i;
		n += cx->up[i] != 0;
	}
	cx->caps[n] = UINT32_MAX;
	return true;
}

/*
 * The index in cx->caps of the first token at or after i, from index c
 * on (a pass goes forward: the list is never searched back).
 */
static inline uint32_t
caps_from(const EntCtx *cx, uint32_t c, uint32_t i)
{
	while (cx->caps[c] < i)
		c++;
	return c;
}

/*
 * The first token in [i, end) in a phrase of the gazetteer (cx->phr not 0),
 * or end: most tokens are in none, passed over four at a time.
 */
static inline uint32_t
next_phrase(const EntCtx *cx, uint32_t i, uint32_t end)
{
	for (; i + 4 <= end; i += 4)
	{
		uint64_t	w;

		memcpy(&w, cx->phr + i, sizeof(w));
		if (w != 0)
		{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			return i + (uint32_t) (__builtin_ctzll(w) >> 4);
#else
			break;
#endif
		}
	}
	while (i < end && cx->phr[i] == 0)
		i++;
	return i;
}

/*
 * What the rules' lexicons say of a word, cached per word id (EntCtx.wlex):
 * the rules ask about the same words again and again.  The look-ups fold
 * ASCII case only and no key holds a digit, an apostrophe or a quotation
 * mark, so every token of a word id (nc_ner_tok's word key: ASCII case and
 * digits folded, U+2019 read as ') gets the same answers.  One look-up in
 * the union of the six lexicons (tools/lexgen.sh) answers for all of them:
 * most words are in none, and each look-up is a likely cache miss.  WL_DONE
 * marks a word looked up; id 0 (no word) is looked up every time.
 */
#define WL_CUES			0x0000FFFF	/* ner_cue_words: a bit per cue letter */
#define WL_TITLE		0x00010000	/* ner_titles */
#define WL_TITLE_H		0x00020000	/* ... an honorific ('h') */
#define WL_HEAD_SHIFT	18			/* ner_heads: NcEntityType, 3 bits */
#define WL_QVERB		0x00200000	/* quote_cues 'v': a reporting verb */
#define WL_QWORD		0x00400000	/* quote_cues 'w' */
#define WL_STARTER		0x00800000	/* sentence_starters */
#define WL_MONTH		0x01000000	/* claim_months */
#define WL_TITLE_M		0x02000000	/* ner_titles: 'm', a man's title */
#define WL_TITLE_F		0x04000000	/* ... 'f', a woman's */
#define WL_DONE			0x80000000

/* the sources of nc_lex_ner_rule_words, in the order of tools/lexgen.sh */
enum
{
	RW_CUES, RW_TITLES, RW_HEADS, RW_QCUES, RW_STARTERS, RW_MONTHS, RW_N
};
/* (a compile error when the union has another number of sources) */
typedef char rw_sources_check[sizeof(nc_lexu_ner_rule_words[0]) == RW_N * sizeof(uint16_t) ? 1 : -1];

/* the entry of source lexicon lex, or NULL, by its index + 1 in the union */
static inline const NcLexEntry *
rw_entry(const NcLexicon *lex, uint16_t ix)
{
	return ix ? &lex->entries[ix - 1] : NULL;
}

/* the bit of cue letter cls (lexicon/ner_cue_words.txt), 0 if none */
static uint32_t
cue_bit(char cls)
{
	static const char letters[] = "otkvpdrbfanlxcje";
	const char *p = cls ? strchr(letters, cls) : NULL;

	return p ? UINT32_C(1) << (p - letters) : 0;
}

/* the WL_ bits of the word of token i */
static uint32_t
lex_lookup(const NcDoc *doc, uint32_t i)
{
	const NcLexEntry *u = nc_lex_find_lower(&nc_lex_ner_rule_words, nc_tok_ptr(doc, i),
											nc_tok_len(doc, i));
	const uint16_t *ix;
	const NcLexEntry *e;
	uint32_t	b = WL_DONE;

	if (u == NULL)
		return b;
	ix = nc_lexu_ner_rule_words[u - nc_lex_ner_rule_words.entries];
	e = rw_entry(&nc_lex_ner_cue_words, ix[RW_CUES]);
	for (const char *v = e ? e->value : NULL; v && *v; v++)
		b |= cue_bit(*v);
	if ((e = rw_entry(&nc_lex_ner_titles, ix[RW_TITLES])) != NULL)
	{
		b |= WL_TITLE;
		if (e->value && strchr(e->value, 'h'))
			b |= WL_TITLE_H;
		if (e->value && strchr(e->value, 'm'))
			b |= WL_TITLE_M;
		if (e->value && strchr(e->value, 'f'))
			b |= WL_TITLE_F;
	}
	e = rw_entry(&nc_lex_ner_heads, ix[RW_HEADS]);
	if (e && e->value)
		b |= (uint32_t) (e->value[0] == 'O' ? NC_ET_ORG :
						 e->value[0] == 'L' ? NC_ET_LOC :
						 e->value[0] == 'M' ? NC_ET_MISC : 0) << WL_HEAD_SHIFT;
	e = rw_entry(&nc_lex_quote_cues, ix[RW_QCUES]);
	if (e && e->value && e->value[0] == 'v')
		b |= WL_QVERB;
	else if (e && e->value && e->value[0] == 'w')
		b |= WL_QWORD;
	if (ix[RW_STARTERS])
		b |= WL_STARTER;
	if (ix[RW_MONTHS])
		b |= WL_MONTH;
	return b;
}

/*
 * The cached WL_ bits of token i's word.  wlex[0] stays 0: the test for a
 * word not yet looked up is also the one for id 0.
 */
static inline uint32_t
word_lex(const EntCtx *cx, uint32_t i)
{
	uint32_t	id = cx->wid[i];
	uint32_t	b = cx->wlex[id];

	if (b == 0)
	{
		b = lex_lookup(cx->doc, i);
		if (id != 0)
			cx->wlex[id] = b;
	}
	return b;
}

/*
 * covered[first..end) = 1 (covered holds 0 or 1 a token).  Most spans are
 * a token or two: stores, not a call of memset.
 */
static inline void
mark_span(uint8_t *covered, uint32_t first, uint32_t end)
{
	if (end <= first)
		return;
	covered[first] = 1;
	if (end - first > 1)
	{
		covered[first + 1] = 1;
		if (end - first > 2)
			memset(covered + first + 2, 1, end - first - 2);
	}
}

/*
 * The rules' scratch (nc_ent_scratch) with 1 on every token some span
 * covers: what a rule that adds spans must leave alone.  NULL when out of
 * memory.
 */
static uint8_t *
covered_tokens(EntCtx *cx)
{
	uint8_t    *covered = nc_ent_scratch(cx);

	if (!covered)
		return NULL;
	memset(covered, 0, cx->doc->ntok);
	for (uint32_t k = 0; k < cx->nspan; k++)
		mark_span(covered, cx->spans[k].first, cx->spans[k].end);
	return covered;
}

/* nc_ent_cue_word, cached */
static inline bool
cue_word(const EntCtx *cx, uint32_t i, char cls)
{
	return i < cx->doc->ntok && cx->doc->toks[i].kind == NC_TK_WORD &&
		(word_lex(cx, i) & cue_bit(cls)) != 0;
}

/* a title whose value has 'h' (an honorific), from the word cache */
static inline bool
tok_honorific(const EntCtx *cx, uint32_t i)
{
	const NcToken *t = &cx->doc->toks[i];

	return t->kind == NC_TK_WORD && !(t->flags & NC_TF_POSSESSIVE) &&
		(word_lex(cx, i) & WL_TITLE_H) != 0;
}

/*
 * Word i gives the rules' cue cls (a letter of lexicon/ner_cue_words.txt,
 * which says what each means), for the grouping: cached like the rules'.
 */
bool
nc_ent_cue_word(const EntCtx *cx, uint32_t i, char cls)
{
	return cue_word(cx, i, cls);
}

/*
 * The gender a title at token i gives (lexicon ner_titles: 'm' 1, else 'f'
 * 2), 0 when none or no title, for the grouping: cached like the rules'.
 */
uint8_t
nc_ent_title_gender(const EntCtx *cx, uint32_t i)
{
	const NcToken *t = &cx->doc->toks[i];
	uint32_t	b;

	if (t->kind != NC_TK_WORD || (t->flags & NC_TF_POSSESSIVE))
		return 0;
	b = word_lex(cx, i);
	return (b & WL_TITLE_M) ? 1 : (b & WL_TITLE_F) ? 2 : 0;
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
	/*
	 * titles before a person's name; a party or a nationality before a
	 * given name ("Tory Liam Fox", "American John Hale")
	 */
	if (sp->type == NC_ET_PERSON)
		while ((sp->end - sp->first > 1 && tok_title(cx, sp->first)) ||
			   (sp->end - sp->first > 2 && (cx->gz[sp->first] & (NER_G_ORG | NER_G_DEMONYM)) &&
				!is_given_name(cx, sp->first) && is_given_name(cx, sp->first + 1)))
			sp->first++;
	if (sp->first >= sp->end)
		sp->type = 0;
}

/*
 * An office written after the name of its body is a role, not part of the
 * name: "U.N. High Commissioner for Human Rights" -> "U.N.", "Conservative
 * Party Co Chairman" -> "Conservative Party", "State Department
 * spokesperson" -> "State Department".
 */
static bool
office_word(const EntCtx *cx, uint32_t i)
{
	return cue_word(cx, i, 'o');
}

static bool
office_modifier(const NcDoc *doc, uint32_t i)
{
	return nc_tok_eq(doc, i, "high") || nc_tok_eq(doc, i, "co") ||
		nc_tok_eq(doc, i, "vice") || nc_tok_eq(doc, i, "deputy") ||
		nc_tok_eq(doc, i, "chief") || nc_tok_eq(doc, i, "senior") ||
		nc_tok_eq(doc, i, "assistant") || nc_tok_eq(doc, i, "acting") ||
		nc_tok_eq(doc, i, "-");
}

static inline void
cut_office(EntCtx *cx, EntSpan *sp)
{
	const NcDoc *doc = cx->doc;
	uint32_t	k,
				e;

	if (sp->type == NC_ET_PERSON || sp->type == 0)
		return;
	for (k = sp->first + 1; k < sp->end; k++)
		if (office_word(cx, k))
			break;
	if (k >= sp->end)
		return;
	e = k;
	while (e > sp->first + 1 && office_modifier(doc, e - 1))
		e--;
	if (nc_tok_eq(doc, e - 1, "of") || nc_tok_eq(doc, e - 1, "the") ||
		nc_tok_eq(doc, e - 1, "for") || nc_tok_eq(doc, e - 1, "and") ||
		!is_word(doc, e - 1))
		return;
	sp->end = e;
}

/*
 * What the votes know of a span's string.  The map from the strings' keys
 * holds an index into an array of these (EntSlot, 16 bytes): the map is
 * cleared per document, the array not.
 */
typedef struct KeyStat
{
	uint32_t	votes[5];		/* by NcEntityType */
	uint8_t		alias;			/* 1: surname of a multi-word person */
	uint8_t		first_type;
} KeyStat;

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

/* end of the run of spans in order that starts at i */
static inline uint32_t
run_end(const EntSpan *sp, uint32_t i, uint32_t n)
{
	for (i++; i < n && cmp_span(&sp[i - 1], &sp[i]) <= 0; i++)
		;
	return i;
}

/*
 * Merge the runs [a, m) and [m, b) from the back, the right one copied to
 * tmp; on a tie the right one's goes last.
 */
static void
merge_runs(EntSpan *sp, uint32_t a, uint32_t m, uint32_t b, EntSpan *tmp)
{
	int64_t		l = (int64_t) m - 1,
				t = (int64_t) (b - m) - 1,
				out = (int64_t) b - 1;

	memcpy(tmp, sp + m, (size_t) (b - m) * sizeof(EntSpan));
	while (t >= 0)
	{
		if (l >= (int64_t) a && cmp_span(&sp[l], &tmp[t]) > 0)
			sp[out--] = sp[l--];
		else
			sp[out--] = tmp[t--];
	}
}

/*
 * Sort the spans by cmp_span, stably (as glibc's merge sort in qsort did:
 * of two spans over the same tokens the earlier is kept).  A pass leaves
 * the spans in order but for those it appended, in a run or a few: merging
 * neighbouring runs until one is left is short work.  Every right-hand run
 * lies after the first run, [0, k): tmp needs room for n - k spans.
 */
static void
sort_spans(EntCtx *cx)
{
	EntSpan    *sp = cx->spans;
	uint32_t	n = cx->nspan;
	uint32_t	k = run_end(sp, 0, n);
	uint32_t	k0 = k;
	EntSpan    *tmp;

	if (k >= n)
		return;
	tmp = nc_alloc(cx->env, (size_t) (n - k0) * sizeof(EntSpan));
	if (tmp == NULL)
	{
		qsort(sp, n, sizeof(EntSpan), cmp_span);
		return;
	}
	do
	{
		/* a pass: merge the runs two by two; k ends the first */
		uint32_t	a = 0,
					m = k;

		while (m < n)
		{
			uint32_t	b = run_end(sp, m, n);

			merge_runs(sp, a, m, b, tmp);
			if (b >= n)
				break;
			a = b;
			m = run_end(sp, a, n);
		}
		k = a == 0 ? n : run_end(sp, 0, n);
	} while (k < n);
	nc_release(cx->env, tmp, (size_t) (n - k0) * sizeof(EntSpan));
}

/* sort, drop empty and overlapping spans */
static void
normalise_spans(EntCtx *cx)
{
	EntSpan    *spans = cx->spans;
	uint32_t	nspan = cx->nspan,
				n = 0;
	uint32_t	last_end = 0;

	if (nspan > 1)
		sort_spans(cx);
	for (uint32_t i = 0; i < nspan; i++)
	{
		const EntSpan *sp = &spans[i];

		if (sp->type == 0 || sp->first >= sp->end)
			continue;
		if (n > 0 && sp->first < last_end)
			continue;
		last_end = sp->end;
		/* most spans stay where they are */
		if (n != i)
			spans[n] = *sp;
		n++;
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

/*
 * Token i, before a candidate mention, is an untagged capitalised word that
 * would make the candidate only the end of a name: not a title, not an
 * ordinary word opening the sentence.
 */
static bool
left_name_word(const EntCtx *cx, uint32_t i, const uint8_t *covered)
{
	const NcToken *t = &cx->doc->toks[i];

	if (covered[i] || t->kind != NC_TK_WORD || !cx->up[i] ||
		(t->flags & NC_TF_POSSESSIVE))
		return false;
	if (tok_title(cx, i))
		return false;
	if ((t->flags & NC_TF_SENT_START) && (cx->gz[i] & NER_G_COMMON))
		return false;
	return true;
}

static uint16_t gaz_phrase(const EntCtx *cx, uint32_t first, uint32_t end);
static inline bool cap_word(const EntCtx *cx, uint32_t i);
static void normalise_spans(EntCtx *cx);
static bool no_space_between(const NcDoc *doc, uint32_t i);
static inline bool quote_speaker(const EntCtx *cx, uint32_t i, uint32_t e, uint32_t send);

static bool
person_title(const EntCtx *cx, uint32_t i)
{
	if (!tok_title(cx, i))
		return false;
	if (tok_honorific(cx, i))
		return true;
	return cue_word(cx, i, 't');
}

static inline bool
tok_is_lower(const NcDoc *doc, uint32_t i, const char *w)
{
	return i < doc->ntok && nc_tok_eq(doc, i, w);
}

/*
 * An age in apposition after tokens ending at e: ", 31," or ", now 31,"
 * ("Jutting, now 31, is on trial"); a person's.
 */
static inline bool
age_after(const NcDoc *doc, uint32_t e, uint32_t send)
{
	uint32_t	n = e + 1;
	const char *p;
	uint32_t	len;

	if (n >= send || !nc_tok_eq(doc, e, ","))
		return false;
	if (nc_tok_eq(doc, n, "now") || nc_tok_eq(doc, n, "aged"))
		n++;
	if (n + 1 >= send || doc->toks[n].kind != NC_TK_NUMBER || !nc_tok_eq(doc, n + 1, ","))
		return false;
	p = nc_tok_ptr(doc, n);
	len = nc_tok_len(doc, n);
	if (len > 3 || (len == 3 && p[0] != '1') || p[0] == '0')
		return false;
	for (uint32_t k = 0; k < len; k++)
		if (p[k] < '0' || p[k] > '9')
			return false;
	return true;
}

/* "X was born", "X is survived by": only a person */
static inline bool
born_after(const NcDoc *doc, uint32_t e, uint32_t send)
{
	return e + 1 < send && (nc_tok_eq(doc, e, "was") || nc_tok_eq(doc, e, "is")) &&
		(nc_tok_eq(doc, e + 1, "born") || nc_tok_eq(doc, e + 1, "survived"));
}

/* a reporting verb (lexicon quote_cues) */
static bool
speech_verb(const EntCtx *cx, uint32_t i)
{
	return cx->doc->toks[i].kind == NC_TK_WORD &&
		(word_lex(cx, i) & WL_QVERB) != 0;
}

/*
 * A headline in title case glues names to the verb between them: "Chris
 * Christie Calls Hillary Clinton", "Lindsey Graham Says".  A capitalised
 * reporting verb in -s inside a name ends it, and what follows it is a
 * name of its own.
 */
static NcStatus
headline_verbs(EntCtx *cx)
{
	const NcDoc *doc = cx->doc;

	for (uint32_t k = 0; k < cx->nspan; k++)
	{
		uint32_t	first = cx->spans[k].first,
					end = cx->spans[k].end;
		uint8_t		type = cx->spans[k].type;

		if (type == 0 || type == NC_ET_MISC)
			continue;
		for (uint32_t i = first + 1; i < end; i++)
		{
			uint32_t	len = nc_tok_len(doc, i);

			if (!(doc->toks[i].flags & NC_TF_CAP) || len < 4 ||
				(nc_tok_ptr(doc, i)[len - 1] != 's' && nc_tok_ptr(doc, i)[len - 1] != 'S') ||
				!speech_verb(cx, i))
				continue;
			cx->spans[k].end = i;
			/* the span array may move */
			if (i + 1 < end && nc_ent_add_span(cx, i + 1, end, type) != NC_OK)
				return NC_ENOMEM;
			break;
		}
	}
	return NC_OK;
}

/*
 * Context that only a person has: an honorific or a person's title right
 * before the name ("Mr Clinton", "President Obama"), "who", "himself" or
 * "herself" right after it, or "'s wife/son/..." after it; the name
 * between a closing quote and a reporting verb ("...," Obama mocked); an
 * age in apposition or "was born" after it; "as" and a title after it ("X
 * as chief executive"); a place no gazetteer knows that speaks ("Dundar
 * warned").  Such a span becomes PERSON and weighs more in the document's
 * votes, so that the other mentions of the string follow it.  Spans that
 * are exactly a known country or organisation are left alone.
 */
static void
person_cues(EntCtx *cx)
{
	const NcDoc *doc = cx->doc;

	for (uint32_t k = 0; k < cx->nspan; k++)
	{
		EntSpan    *sp = &cx->spans[k];
		uint32_t	e = sp->end;
		uint32_t	sfirst,
					send;
		uint16_t	b;
		bool		cue = false;

		if (sp->type == 0 || sp->type == NC_ET_MISC || sp->end - sp->first > 3 ||
			sp->cue)
			continue;
		b = gaz_phrase(cx, sp->first, sp->end);
		/* a given name and a capitalised word or two: "Donald Trump" */
		if (sp->type != NC_ET_PERSON && e - sp->first >= 2 && b == 0 &&
			is_given_name(cx, sp->first) &&
			!((doc->toks[sp->first].flags & NC_TF_SENT_START) &&
			  (cx->gz[sp->first] & NER_G_COMMON)))
		{
			bool		name = true;

			/* "Adler Planetarium", "Forbes Field": an ordinary noun ends it */
			if ((cx->gz[e - 1] & NER_G_COMMON) && !(cx->gz[e - 1] & NER_G_PROPER))
				name = false;
			for (uint32_t i = sp->first; i < e; i++)
				if (!cap_word(cx, i) || head_at(cx, i) ||
					(cx->gz[i] & (NER_G_GEOORG | NER_G_ORGW | NER_G_LOCW | NER_G_DEMONYM)) ||
					(doc->toks[i].flags & NC_TF_ALLCAPS))
					name = false;
			if (name)
			{
				sp->type = NC_ET_PERSON;
				continue;
			}
		}
		if (b & (NER_G_COUNTRY | NER_G_ORG))
			continue;
		/* a place only, or a plural ("Democrats who"): no */
		if (((b & (NER_G_CITY | NER_G_REGION)) && !(b & NER_G_WNPER)) ||
			nc_tok_ptr(doc, e - 1)[nc_tok_len(doc, e - 1) - 1] == 's' ||
			(cx->gz[e - 1] & NER_G_DEMONYM))
			continue;
		for (uint32_t i = sp->first; i < e; i++)
			if (head_at(cx, i) || !cx->up[i])
				cue = true;		/* "King County": not a name of a person */
		if (cue)
			continue;
		/* the sentence only now: most spans are passed over before */
		sfirst = sent_first_of(doc, sp->first);
		send = sent_end_of(doc, sp->first);
		if (sp->first > sfirst && person_title(cx, sp->first - 1) &&
			!(k > 0 && cx->spans[k - 1].end == sp->first))
			cue = true;
		else if (sp->type != NC_ET_ORG && quote_speaker(cx, sp->first, e, send))
			cue = true;			/* "...," Dundar warned. */
		else if (age_after(doc, e, send) || born_after(doc, e, send))
			cue = true;			/* "Jutting, now 31,", "Cotton was born" */
		else if (sp->type != NC_ET_ORG && e + 1 < send && nc_tok_eq(doc, e, "as") &&
				 (tok_title(cx, e + 1) ||
				  (e + 2 < send && (is_article(doc, e + 1) || cx->up[e + 1]) &&
				   tok_title(cx, e + 2))))
			cue = true;			/* "Clinton as First Lady" */
		else if (sp->first > sfirst && cue_word(cx, sp->first - 1, 'p'))
			;					/* "members of X, who": who are the members */
		else if (e < send && tok_is_lower(doc, e, ",") && e + 1 < send &&
				 (tok_is_lower(doc, e + 1, "who") ||
				  (tok_is_lower(doc, e + 1, "whose") && !(b & NER_G_FULLMASK))))
			cue = true;
		else if (e < send && (tok_is_lower(doc, e, "who") ||
							  tok_is_lower(doc, e, "himself") ||
							  tok_is_lower(doc, e, "herself")))
			cue = true;
		else if (e + 1 < send && (doc->toks[e].flags & NC_TF_POSSESSIVE))
		{
			if (cue_word(cx, e + 1, 'k'))
				cue = true;
		}
		else if (e < send && cue_word(cx, e, 'v'))
			cue = true;
		else if (sp->type == NC_ET_LOC && b == 0 && e < send && speech_verb(cx, e))
			cue = true;			/* a place no gazetteer knows does not speak:
								 * "Dundar warned" (but "Houston warned") */
		if (cue)
		{
			sp->type = NC_ET_PERSON;
			sp->cue = 1;
		}
	}
}

/* a day, a month or "today": a time, not a name */
static bool
calendar_word(const EntCtx *cx, uint32_t i)
{
	return cue_word(cx, i, 'd') || (word_lex(cx, i) & WL_MONTH) != 0;
}

/*
 * The speaker of a quotation written after the verb: one capitalised word
 * between "said" / "says" / "added" and the end of the clause ("...,\" said
 * Guilbeault."), not a day or a month ("said Monday").
 */
static bool
said_name(const EntCtx *cx, uint32_t i, uint32_t sfirst, uint32_t send)
{
	const NcDoc *doc = cx->doc;

	if (i <= sfirst || i + 1 >= send || !cue_word(cx, i - 1, 'r') ||
		!(nc_tok_eq(doc, i + 1, ".") || nc_tok_eq(doc, i + 1, ",")))
		return false;
	return !calendar_word(cx, i);
}

/*
 * The speaker named right after a quotation, before the reporting verb
 * ("...,\" Obama mocked.", "...?\" Halvorsen asked."): tokens [i, e) follow
 * a closing quotation mark that a comma, question or exclamation mark ends,
 * and a reporting verb (lexicon quote_cues) follows them.
 */
static inline bool
quote_speaker(const EntCtx *cx, uint32_t i, uint32_t e, uint32_t send)
{
	const NcDoc *doc = cx->doc;
	const char *p;

	/* ("?\"" may end the sentence before the name: no test of its start) */
	if (i < 2 || e >= send || (doc->toks[i].flags & NC_TF_NEWLINE_BEFORE) ||
		(doc->toks[i - 1].kind != NC_TK_QUOTE_CLOSE &&
		 doc->toks[i - 1].kind != NC_TK_QUOTE_AMBIG) ||
		doc->toks[i - 2].kind != NC_TK_PUNCT || doc->toks[e].kind != NC_TK_WORD ||
		(word_lex(cx, i) & WL_STARTER))
		return false;
	p = nc_tok_ptr(doc, i - 2);
	if (nc_tok_len(doc, i - 2) != 1 || (p[0] != ',' && p[0] != '?' && p[0] != '!'))
		return false;
	return (word_lex(cx, e) & (WL_QVERB | WL_QWORD)) != 0;
}

/*
 * Add a span in a pass that keeps covered (covered_tokens) and mark its
 * tokens, so that the passes after leave them alone.
 */
static NcStatus
add_covered_span(EntCtx *cx, uint8_t *covered, uint32_t i, uint32_t j, uint8_t type)
{
	if (nc_ent_add_span(cx, i, j, type) != NC_OK)
		return NC_ENOMEM;
	mark_span(covered, i, j);
	return NC_OK;
}

/* Add a span that a context cue found (add_covered_span). */
static NcStatus
add_cue_span(EntCtx *cx, uint8_t *covered, uint32_t i, uint32_t j, uint8_t type)
{
	if (add_covered_span(cx, covered, i, j, type) != NC_OK)
		return NC_ENOMEM;
	cx->spans[cx->nspan - 1].cue = 1;
	return NC_OK;
}

/*
 * End of the run of up to three capitalised words from i that a context
 * cue names, stopping at a title or a covered token (covered_tokens).
 */
static uint32_t
cap_run_end(const EntCtx *cx, const uint8_t *covered, uint32_t i, uint32_t send)
{
	uint32_t	j = i;

	while (j < send && j - i < 3 && !covered[j] && cap_word(cx, j) && !tok_title(cx, j))
		j++;
	return j;
}

/*
 * Names the tagger missed that context shows to be people: the capitalised
 * words after an honorific ("Mr Wintour", "Dr. Caplan"), or one capitalised
 * word (not an ordinary word opening the sentence, not a known place or
 * demonym) before "himself", "herself" or ", who" (not after a
 * preposition).
 */
static NcStatus
untagged_people(EntCtx *cx, uint8_t *covered)
{
	const NcDoc *doc = cx->doc;
	uint32_t	nspan0 = cx->nspan;

	for (uint32_t c = 0, i; (i = cx->caps[c]) < doc->ntok; c++)
	{
		uint32_t	sfirst,
					send,
					j;
		if (covered[i] || !cap_word(cx, i) || tok_title(cx, i))
			continue;

		/*
		 * The sentence's bounds are looked up only when a test needs them:
		 * most of these words open a sentence and are passed over.
		 */
		if (i > 0 && tok_honorific(cx, i - 1) &&
			!(doc->toks[i - 1].flags & NC_TF_ALLCAPS) && !nc_tok_eq(doc, i - 1, "miss") &&
			i > sent_first_of(doc, i))
		{
			j = cap_run_end(cx, covered, i, sent_end_of(doc, i));
		}
		else
		{
			/* "...," Obama mocked.  After a quotation the name is
			 * capitalised for itself, wherever the sentence starts. */
			bool		qs = false;

			/* (quote_speaker wants a quotation mark before i) */
			if (i >= 2 && (doc->toks[i - 1].kind == NC_TK_QUOTE_CLOSE ||
						   doc->toks[i - 1].kind == NC_TK_QUOTE_AMBIG))
			{
				send = sent_end_of(doc, i);
				qs = i + 1 < send && quote_speaker(cx, i, i + 1, send);
			}
			if ((!qs && (doc->toks[i].flags & NC_TF_SENT_START) && (cx->gz[i] & NER_G_COMMON)) ||
				(cx->gz[i] & (NER_G_DEMONYM | NER_G_GEOORG)) ||
				(doc->toks[i].flags & NC_TF_ALLCAPS))
				continue;
			sfirst = sent_first_of(doc, i);
			send = sent_end_of(doc, i);
			if (qs)
				;
			else if (i > sfirst && (cx->up[i - 1] ||
							   nc_tok_eq(doc, i - 1, "of") || nc_tok_eq(doc, i - 1, "for") ||
							   nc_tok_eq(doc, i - 1, "from") || nc_tok_eq(doc, i - 1, "with") ||
							   nc_tok_eq(doc, i - 1, "in") || nc_tok_eq(doc, i - 1, "and") ||
							   nc_tok_eq(doc, i - 1, "to") || nc_tok_eq(doc, i - 1, "by")))
				continue;
			else if (!(i + 1 < send &&
				  (nc_tok_eq(doc, i + 1, "himself") || nc_tok_eq(doc, i + 1, "herself") ||
				   ((age_after(doc, i + 1, send) || born_after(doc, i + 1, send)) &&
					!calendar_word(cx, i)) ||
				   (nc_tok_eq(doc, i + 1, ",") && i + 2 < send &&
					nc_tok_eq(doc, i + 2, "who")))) &&
				!said_name(cx, i, sfirst, send))
				continue;
			j = i + 1;
		}
		if (add_cue_span(cx, covered, i, j, NC_ET_PERSON) != NC_OK)
			return NC_ENOMEM;
		c = caps_from(cx, c, j) - 1;
	}
	if (cx->nspan != nspan0)
		normalise_spans(cx);
	return NC_OK;
}

/*
 * An acronym: two to six capital letters, no dots ("FTU", not "J.R." or a
 * single initial), in running text (a word near it has lower case, so it
 * is not a line in capitals).
 */
static bool
acronym_word(const EntCtx *cx, uint32_t i)
{
	const NcDoc *doc = cx->doc;
	const char *p = nc_tok_ptr(doc, i);
	uint32_t	len = nc_tok_len(doc, i);
	uint32_t	lo = sent_first_of(doc, i),
				hi = sent_end_of(doc, i);

	if (doc->toks[i].kind != NC_TK_WORD || len < 2 || len > 6 ||
		!(doc->toks[i].flags & NC_TF_ALLCAPS))
		return false;
	for (uint32_t k = 0; k < len; k++)
		if (p[k] < 'A' || p[k] > 'Z')
			return false;
	lo = i >= lo + 4 ? i - 4 : lo;
	hi = hi > i + 5 ? i + 5 : hi;
	for (uint32_t k = lo; k < hi; k++)
		if (k != i && doc->toks[k].kind == NC_TK_WORD &&
			!(doc->toks[k].flags & NC_TF_ALLCAPS))
			return true;
	return false;
}

/*
 * Context that marks a company or body, for names the tagger took for
 * people or places, or lone acronyms it took for people: a common noun for
 * an organisation right before the name ("the company Blinkx", "search firm
 * Blinkx", "developer Valve"), "founder / spokesman / users of X", or "X's
 * shares / customers / chief executive".
 * Such a span becomes ORG and weighs more in the votes.  Names that start
 * with a given name are left alone.
 */
static NcStatus
org_cues(EntCtx *cx, uint8_t *covered)
{
	const NcDoc *doc = cx->doc;

	for (uint32_t k = 0; k < cx->nspan; k++)
	{
		EntSpan    *sp = &cx->spans[k];
		uint32_t	f = sp->first,
					e = sp->end;
		uint32_t	sfirst,
					send;
		bool		cue = false;

		bool		place = sp->type == NC_ET_LOC;

		/* people, and places no gazetteer knows ("founder of Hack Forums") */
		if ((sp->type != NC_ET_PERSON && !place) || sp->cue || e - f > 3 ||
			is_given_name(cx, f) || (cx->gz[f] & NER_G_TITLE))
			continue;
		if (place)
		{
			bool		known = (gaz_phrase(cx, f, e) & (NER_G_GEOORG | NER_G_REGION)) != 0;

			for (uint32_t i = f; i < e && !known; i++)
				if (cx->gz[i] & (NER_G_GEOORG | NER_G_DEMONYM | NER_G_LOCW))
					known = true;
			if (known || head_at(cx, e - 1))
				continue;
		}
		/* an acronym is a body, not a person ("FTU", "RAF") */
		else if (e - f == 1 && acronym_word(cx, f))
		{
			sp->type = NC_ET_ORG;
			continue;
		}
		/* the sentence only now: most spans are passed over before */
		sfirst = sent_first_of(doc, f);
		send = sent_end_of(doc, f);
		if (!place && f > sfirst && !cx->up[f - 1] &&
			cue_word(cx, f - 1, 'b'))
			cue = true;
		else if (e < send && !cx->up[e] &&
				 cue_word(cx, e, 'n'))
			cue = true;
		else if (f > sfirst + 1 && nc_tok_eq(doc, f - 1, "of") &&
				 cue_word(cx, f - 2, 'f'))
			cue = true;
		else if (e + 1 < send && (doc->toks[e].flags & NC_TF_POSSESSIVE) &&
				 cue_word(cx, e + 1, 'a'))
			cue = true;
		if (cue)
		{
			sp->type = NC_ET_ORG;
			sp->cue = 1;
		}
	}

	/* the same cues before untagged capitalised words: "firm NTL" */
	{
		uint32_t	nspan0 = cx->nspan;

		for (uint32_t c = caps_from(cx, 0, 1), i; (i = cx->caps[c]) < doc->ntok; c++)
		{
			uint32_t	sfirst,
						send,
						j;

			if (covered[i] || !cap_word(cx, i) || tok_title(cx, i) ||
				is_given_name(cx, i) || (cx->gz[i] & (NER_G_DEMONYM | NER_G_GEOORG)) ||
				cx->up[i - 1] || nc_tok_len(doc, i) < 2)
				continue;
			sfirst = sent_first_of(doc, i);
			if (i == sfirst)
				continue;
			if (!cue_word(cx, i - 1, 'b') &&
				!(i > sfirst + 1 && nc_tok_eq(doc, i - 1, "of") &&
				  cue_word(cx, i - 2, 'f')))
				continue;
			send = sent_end_of(doc, i);
			j = cap_run_end(cx, covered, i, send);
			/* a piece of a hyphenated word: "All-American" */
			if (j < send && nc_tok_eq(doc, j, "-") && no_space_between(doc, j - 1))
				continue;
			if (add_cue_span(cx, covered, i, j, NC_ET_ORG) != NC_OK)
				return NC_ENOMEM;
			c = caps_from(cx, c, j) - 1;
		}
		if (cx->nspan != nspan0)
			normalise_spans(cx);
	}
	return NC_OK;
}

/* a plural noun for companies at w (cue 'l'): "companies", "websites" */
static inline bool
list_noun(const EntCtx *cx, uint32_t w)
{
	const NcDoc *doc = cx->doc;
	uint32_t	len = nc_tok_len(doc, w);

	/* ends in "s": a cheap test before the lexicon */
	return len >= 4 && nc_tok_ptr(doc, w)[len - 1] == 's' &&
		!(cx->up[w] && !(doc->toks[w].flags & NC_TF_SENT_START)) &&
		cue_word(cx, w, 'l');
}

/*
 * The list after the noun at w, from mention *k (the first that ends after
 * w + 1) on: retypes its mentions, moves *k past them; returns the last
 * token the list took (w when none).
 */
static uint32_t
org_list_at(EntCtx *cx, uint32_t w, uint32_t *k)
{
	const NcDoc *doc = cx->doc;
	uint32_t	i = w + 1,
				send = sent_end_of(doc, w);

	if (i + 1 < send && nc_tok_eq(doc, i, "such") && nc_tok_eq(doc, i + 1, "as"))
		i += 2;
	else if (i < send && (nc_tok_eq(doc, i, "like") || nc_tok_eq(doc, i, "including")))
		i++;
	while (*k < cx->nspan && cx->spans[*k].end <= i)
		(*k)++;
	/* the list: mentions joined by commas, "and", "or" */
	while (i < send && *k < cx->nspan && cx->spans[*k].first == i)
	{
		EntSpan    *sp = &cx->spans[*k];
		uint32_t	f = sp->first,
					e = sp->end;

		if ((sp->type == NC_ET_PERSON || sp->type == NC_ET_LOC) && !sp->cue &&
			!is_given_name(cx, f) &&
			!(gaz_phrase(cx, f, e) & (NER_G_GEOORG | NER_G_REGION)) &&
			!(cx->gz[f] & (NER_G_GEOORG | NER_G_DEMONYM)))
		{
			sp->type = NC_ET_ORG;
			sp->cue = 1;
		}
		i = e;
		(*k)++;
		if (i < send && nc_tok_eq(doc, i, ","))
			i++;
		if (i < send && (nc_tok_eq(doc, i, "and") || nc_tok_eq(doc, i, "or")))
			i++;
		if (i == e)
			break;
	}
	return i > w ? i - 1 : w;
}

/*
 * The names listed after a plural noun for companies ("companies Dell,
 * Samsung and Matsushita", "websites such as Reddit, Twitter and
 * Spotify"): each mention in the list that the tagger took for a person or
 * an unknown place is an ORG.  Names starting with a given name and places
 * the gazetteers know are left alone.
 */
static void
org_lists(EntCtx *cx)
{
	const NcDoc *doc = cx->doc;
	uint32_t	k = 0,
				w = 0;

	while (w + 1 < doc->ntok)
	{
		uint32_t	wend;

		/*
		 * The list starts at most three tokens after the noun ("such as"):
		 * only the words just before a mention, or in it, need a look.
		 * ("such", "as", "like" and "including" are no such nouns: passing
		 * over them as the list's start does not matter.)
		 */
		while (k < cx->nspan && cx->spans[k].end <= w + 1)
			k++;
		if (k >= cx->nspan)
			break;				/* no mention after w */
		if (cx->spans[k].first > w + 3)
		{
			w = cx->spans[k].first - 3;
			continue;
		}
		/* mention k stays the first after w + 1 while w + 1 < its end */
		wend = cx->spans[k].end - 1 < doc->ntok - 1 ? cx->spans[k].end - 1 : doc->ntok - 1;
		while (w < wend && !list_noun(cx, w))
			w++;
		if (w < wend)
			w = org_list_at(cx, w, &k) + 1;
	}
}

/* a person's name of several words: its surname alone is the person too */
static bool
person_alias(const EntCtx *cx, const EntSpan *sp)
{
	return sp->type == NC_ET_PERSON && sp->end - sp->first >= 2 && cx->up[sp->end - 1];
}

/*
 * The KeyStat of key in map, a new one (zeroed) if absent; NULL when out of
 * memory.  stats has room for every key added.
 */
static KeyStat *
key_stat(NcKeyMap *map, uint64_t key, KeyStat *stats, uint32_t *nstat)
{
	bool		added;
	EntSlot    *slot = nc_keymap_add(map, key, &added);

	if (!slot)
		return NULL;
	if (added)
	{
		slot->val = (*nstat)++;
		memset(&stats[slot->val], 0, sizeof(KeyStat));
	}
	return &stats[slot->val];
}

static NcStatus
consistency(EntCtx *cx, uint8_t *covered)
{
	const NcDoc *doc = cx->doc;
	NcKeyMap	map;
	uint8_t    *lead;			/* per word id: a key's string starts with it */
	KeyStat    *stats;			/* per key */
	uint32_t   *stat_of;		/* per span: its string's index in stats */
	uint32_t	nstat = 0;
	uint32_t	nspan0 = cx->nspan;
	uint32_t	nkeys = cx->nspan;

	/*
	 * one key per span, one more per surname of a person (person_alias,
	 * counted without a branch: which spans are names of people follows no
	 * pattern; a span of one token reads token 0, and counts 0)
	 */
	for (uint32_t i = 0; i < cx->nspan; i++)
	{
		const EntSpan *sp = &cx->spans[i];
		bool		two = sp->end - sp->first >= 2;

		nkeys += (sp->type == NC_ET_PERSON) & two & (cx->up[two ? sp->end - 1 : 0] != 0);
	}
	if (!nc_keymap_init(cx->env, &map, sizeof(EntSlot), nkeys))
		return NC_ENOMEM;
	lead = nc_alloc(cx->env, cx->nwords);
	stats = nc_alloc(cx->env, (size_t) nkeys * sizeof(KeyStat) + (size_t) cx->nspan * sizeof(uint32_t));
	if (!lead || !stats)
		return NC_ENOMEM;
	stat_of = (uint32_t *) (stats + nkeys);
	memset(lead, 0, cx->nwords);

	for (uint32_t i = 0; i < cx->nspan; i++)
	{
		EntSpan    *sp = &cx->spans[i];
		KeyStat    *s = key_stat(&map, nc_ent_span_key(cx, sp->first, sp->end), stats, &nstat);

		if (!s)
			return NC_ENOMEM;
		stat_of[i] = (uint32_t) (s - stats);
		if (s->votes[1] + s->votes[2] + s->votes[3] + s->votes[4] == 0)
			s->first_type = sp->type;
		s->votes[sp->type] += sp->cue ? 1000 : 1;	/* a cue outweighs the tagger */
		lead[cx->wid[sp->first]] = 1;
		if (person_alias(cx, sp))
		{
			KeyStat    *a = key_stat(&map, nc_ent_span_key(cx, sp->end - 1, sp->end), stats, &nstat);

			if (!a)
				return NC_ENOMEM;
			a->alias = 1;
			lead[cx->wid[sp->end - 1]] = 1;
		}
	}

	/* majority type per string; surnames of people are people */
	for (uint32_t i = 0; i < cx->nspan; i++)
	{
		EntSpan    *sp = &cx->spans[i];
		const KeyStat *s = &stats[stat_of[i]];

		if (s->alias && sp->end - sp->first == 1)
			sp->type = NC_ET_PERSON;
		else
			sp->type = best_type(s, s->first_type ? s->first_type : sp->type);
	}

	/* untagged occurrences of typed strings */
	for (uint32_t c = 0, i; (i = cx->caps[c]) < doc->ntok; c++)
	{
		uint32_t	send,
					best = 0;
		uint8_t		btype = 0;
		uint64_t	h;

		/* a string of the map starts with the word, or none can match here
		 * (cx->caps lists only tokens with up set) */
		if (covered[i] || !lead[cx->wid[i]] || !is_word(doc, i))
			continue;
		send = sent_end_of(doc, i);
		h = nc_ner_mix(NER_PH_SEED ^ nc_ent_wh(cx, i));
		for (uint32_t j = i; j < send && j - i < NER_MAXPHRASE && !covered[j]; j++)
		{
			const EntSlot *slot;

			if (j > i)
				h = nc_ner_mix(h ^ nc_ent_wh(cx, j));
			slot = nc_keymap_find(&map, h);
			if (slot && cx->up[j] && is_word(doc, j))
			{
				const KeyStat *s = &stats[slot->val];
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
		/* not the end of a longer capitalised name ("West Jersey", "Battle
		 * of Fredericksburg"); titles and ordinary sentence-initial words
		 * may stand before it */
		if (i > sent_first_of(doc, i) && left_name_word(cx, i - 1, covered))
			continue;
		if (i > sent_first_of(doc, i) + 1 &&
			(nc_tok_eq(doc, i - 1, "of") || nc_tok_eq(doc, i - 1, "to") ||
			 nc_tok_eq(doc, i - 1, "de")) &&
			left_name_word(cx, i - 2, covered))
			continue;
		/* not a piece of a longer capitalised name */
		if (i + best < send && cx->up[i + best] && is_word(doc, i + best) &&
			!covered[i + best] && doc->toks[i + best].kind == NC_TK_WORD)
			continue;
		if (add_covered_span(cx, covered, i, i + best, btype) != NC_OK)
			return NC_ENOMEM;
		c = caps_from(cx, c, i + best) - 1;
	}
	/* gazetteer backstop: untagged known organisations and demonyms */
	for (uint32_t c = 0, i; (i = cx->caps[c]) < doc->ntok; c++)
	{
		uint16_t	pc;
		uint32_t	j;

		if (covered[i])
			continue;
		pc = cx->phr[i];
		if (pc && ((pc - 1) & 1) && (((pc - 1) >> 1) << 8 & NER_G_ORG))
		{
			/* the match runs over the following tokens with the I code */
			j = i + 1;
			while (j < doc->ntok && cx->phr[j] == (uint16_t) (pc - 1) && !covered[j])
				j++;
			/* one word: as the list writes it ("WHO", not "Who") */
			if (j == i + 1 &&
				!nc_lex_find(&nc_lex_ner_orgs, nc_tok_ptr(doc, i), nc_tok_len(doc, i)))
				continue;
			if (add_covered_span(cx, covered, i, j, NC_ET_ORG) != NC_OK)
				return NC_ENOMEM;
			c = caps_from(cx, c, j) - 1;
		}
		else if ((cx->gz[i] & NER_G_DEMONYM) && doc->toks[i].kind == NC_TK_WORD &&
				 !(doc->toks[i].flags & NC_TF_ALLCAPS) &&
				 !(i + 1 < doc->ntok && cx->up[i + 1] && !covered[i + 1] &&
				   doc->toks[i + 1].kind == NC_TK_WORD))
		{
			if (add_covered_span(cx, covered, i, i + 1, NC_ET_MISC) != NC_OK)
				return NC_ENOMEM;
		}
	}
	nc_keymap_free(&map);
	nc_release(cx->env, lead, cx->nwords);
	nc_release(cx->env, stats, (size_t) nkeys * sizeof(KeyStat) + (size_t) nspan0 * sizeof(uint32_t));
	if (cx->nspan != nspan0)
		normalise_spans(cx);
	return NC_OK;
}

/*
 * The full-name gazetteer bits (NER_G_FULLMASK) of tokens [first, end)
 * when they are exactly one phrase match of the tagger's gazetteer, else 0.
 */
static inline uint16_t
gaz_phrase(const EntCtx *cx, uint32_t first, uint32_t end)
{
	uint16_t	c = cx->phr[first];

	if (c == 0 || !((c - 1) & 1))
		return 0;				/* not the first token of a match */
	for (uint32_t k = first + 1; k < end; k++)
		if (cx->phr[k] != (uint16_t) (c - 1))
			return 0;
	if (end < cx->doc->ntok && cx->phr[end] == (uint16_t) (c - 1))
		return 0;				/* the match goes on */
	return (uint16_t) ((((c - 1) >> 1) << 8) & NER_G_FULLMASK);
}

/*
 * The one type the gazetteers give a phrase, or 0 when they give none or
 * disagree: the hand-checked lists (countries, cities and regions LOC,
 * organisations ORG) first, then WordNet's instance types.
 */
static uint8_t
known_type(uint16_t b)
{
	uint16_t	geo = b & (NER_G_COUNTRY | NER_G_CITY | NER_G_REGION);
	uint8_t		t = 0;

	if ((b & NER_G_ORG) && !(b & NER_G_COUNTRY))
		return NC_ET_ORG;
	if (b & NER_G_COUNTRY)
		return NC_ET_LOC;
	if (geo)
		t = NC_ET_LOC;
	if (b & NER_G_WNPER)
		t = t ? 0xFF : NC_ET_PERSON;
	if (b & NER_G_WNORG)
		t = t ? 0xFF : NC_ET_ORG;
	if (b & NER_G_WNMISC)
		t = t ? 0xFF : NC_ET_MISC;
	return t == 0xFF ? 0 : t;
}

/*
 * A span that is exactly a state's or province's abbreviation ("B.C.",
 * "Calif.") is LOC.  A span that is exactly a known organisation is ORG,
 * exactly a known country (and nothing else) LOC: "EU", "Russian
 * Federation"; a name of several words the gazetteers type one way only
 * takes that type ("Soviet Union", "Pacific Ocean").
 */
static void
gazetteer_types(EntCtx *cx)
{
	for (uint32_t k = 0; k < cx->nspan; k++)
	{
		EntSpan    *sp = &cx->spans[k];
		uint16_t	b = gaz_phrase(cx, sp->first, sp->end);
		uint8_t		kt;

		if (sp->end - sp->first == 1 && sp->type != NC_ET_LOC &&
			nc_tok_len(cx->doc, sp->first) >= 3 &&
			nc_tok_ptr(cx->doc, sp->first)[nc_tok_len(cx->doc, sp->first) - 1] == '.' &&
			nc_lex_find(&nc_lex_ner_region_abbrevs, nc_tok_ptr(cx->doc, sp->first),
						nc_tok_len(cx->doc, sp->first)))
			sp->type = NC_ET_LOC;	/* "police in B.C." */
		else if ((b & NER_G_GEOORG) == NER_G_ORG)
			sp->type = NC_ET_ORG;
		else if ((b & NER_G_GEOORG) == NER_G_COUNTRY && sp->type != NC_ET_MISC)
			sp->type = NC_ET_LOC;
		else if (sp->end - sp->first >= 2 && (kt = known_type(b)) != 0 &&
				 !(kt == NC_ET_LOC && sp->type == NC_ET_MISC))
			sp->type = kt;
	}
}

/*
 * Known names of several words that the tagger cut or broke ("Pacific
 * [Ocean]", "[Soviet] [Union]"): the tagger's spans inside the match (none
 * sticking out) give way to one span of the whole name.
 */
static NcStatus
known_names(EntCtx *cx)
{
	const NcDoc *doc = cx->doc;
	uint32_t	nspan0 = cx->nspan;
	uint32_t	k = 0;

	for (uint32_t i = next_phrase(cx, 0, doc->ntok); i < doc->ntok;
		 i = next_phrase(cx, i + 1, doc->ntok))
	{
		uint16_t	c = cx->phr[i];
		uint32_t	j,
					k0;
		uint8_t		kt;
		bool		inside = true,
					exact = false,
					any = false;

		if (c == 0 || !((c - 1) & 1))
			continue;
		j = i + 1;
		while (j < doc->ntok && cx->phr[j] == (uint16_t) (c - 1))
			j++;
		if (j - i < 2 || (kt = known_type(gaz_phrase(cx, i, j))) == 0)
		{
			i = j - 1;
			continue;
		}
		/* the spans touching [i, j) (spans are sorted, k only advances) */
		while (k < nspan0 && cx->spans[k].end <= i)
			k++;
		for (k0 = k; k0 < nspan0 && cx->spans[k0].first < j; k0++)
		{
			const EntSpan *sp = &cx->spans[k0];

			if (sp->type == 0)
				continue;
			any = true;
			if (sp->first < i || sp->end > j)
				inside = false;
			if (sp->first == i && sp->end == j)
				exact = true;
		}
		if (!any)
		{
			/* an untagged known name, every word capitalised */
			bool		caps = true;

			for (uint32_t q = i; q < j; q++)
				if (!cap_word(cx, q) || tok_title(cx, q))
					caps = false;	/* "Prime Minister" is a title */
			/* not a piece of a longer capitalised name */
			if ((i > 0 && cap_word(cx, i - 1) &&
				 !(doc->toks[i - 1].flags & NC_TF_SENT_START)) ||
				(j < doc->ntok && cap_word(cx, j)))
				caps = false;
			if (caps && nc_ent_add_span(cx, i, j, kt) != NC_OK)
				return NC_ENOMEM;
		}
		else if (inside && !exact)
		{
			for (k0 = k; k0 < nspan0 && cx->spans[k0].first < j; k0++)
				cx->spans[k0].type = 0;
			if (nc_ent_add_span(cx, i, j, kt) != NC_OK)
				return NC_ENOMEM;
		}
		i = j - 1;
	}
	if (cx->nspan != nspan0)
		normalise_spans(cx);
	return NC_OK;
}

/* ASCII capital letters of an all-caps token ("SPS", "U.N."), 2..6 of them */
static int
acronym_letters(const NcDoc *doc, uint32_t i, char *out)
{
	const char *p = nc_tok_ptr(doc, i);
	uint32_t	len = nc_tok_len(doc, i);
	int			n = 0;

	if (doc->toks[i].kind != NC_TK_WORD || !(doc->toks[i].flags & NC_TF_ALLCAPS))
		return 0;
	for (uint32_t k = 0; k < len; k++)
	{
		if (p[k] == '.')
			continue;
		if (p[k] < 'A' || p[k] > 'Z' || n >= 6)
			return 0;
		out[n++] = p[k];
	}
	return n >= 2 ? n : 0;
}

/*
 * Untagged acronyms of a multi-word name of the document ("Scottish Prison
 * Service" ... "SPS") become mentions of its type.
 */
static NcStatus
acronyms(EntCtx *cx, uint8_t *covered)
{
	const NcDoc *doc = cx->doc;
	uint32_t	nspan0 = cx->nspan;
	uint32_t	longs[64];
	uint32_t	nlong = 0;

	/* the first 64 multi-word names: bounded work per acronym */
	for (uint32_t k = 0; k < cx->nspan && nlong < 64; k++)
		if (cx->spans[k].end - cx->spans[k].first >= 2 &&
			cx->spans[k].type != NC_ET_PERSON && cx->spans[k].type != 0)
			longs[nlong++] = k;
	if (nlong == 0)
		return NC_OK;
	for (uint32_t c = 0, i; (i = cx->caps[c]) < doc->ntok; c++)
	{
		char		a[6];
		int			na;

		if (covered[i] || (na = acronym_letters(doc, i, a)) == 0)
			continue;
		for (uint32_t q = 0; q < nlong; q++)
		{
			const EntSpan *sp = &cx->spans[longs[q]];
			int			n = 0;
			bool		ok = true;

			for (uint32_t j = sp->first; j < sp->end && ok; j++)
			{
				unsigned char c = (unsigned char) *nc_tok_ptr(doc, j);

				if (doc->toks[j].kind != NC_TK_WORD || !cx->up[j])
					continue;
				if (n >= na || c != (unsigned char) a[n])
					ok = false;
				n++;
			}
			if (ok && n == na)
			{
				if (add_covered_span(cx, covered, i, i + 1, sp->type) != NC_OK)
					return NC_ENOMEM;
				break;
			}
		}
	}
	if (cx->nspan != nspan0)
		normalise_spans(cx);
	return NC_OK;
}

/* ---- names built around a head word ("House of Lords") ---- */

/* NcEntityType of a head word (lexicon ner_heads), or 0 */
static inline uint8_t
head_at(const EntCtx *cx, uint32_t i)
{
	const NcToken *t = &cx->doc->toks[i];

	if (t->kind != NC_TK_WORD || (t->flags & NC_TF_POSSESSIVE))
		return 0;
	return (uint8_t) ((word_lex(cx, i) >> WL_HEAD_SHIFT) & 0x07);
}

/* a title (lexicon ner_titles), from the word cache */
static inline bool
tok_title(const EntCtx *cx, uint32_t i)
{
	const NcToken *t = &cx->doc->toks[i];

	return t->kind == NC_TK_WORD && !(t->flags & NC_TF_POSSESSIVE) &&
		(word_lex(cx, i) & WL_TITLE) != 0;
}

/* a capitalised word that can be part of a name */
static inline bool
cap_word(const EntCtx *cx, uint32_t i)
{
	const NcToken *t = &cx->doc->toks[i];

	return t->kind == NC_TK_WORD && cx->up[i] && !(t->flags & NC_TF_POSSESSIVE);
}

/* roman numerals and numbers that end a name ("World War II", "Vostok 1") */
static bool
name_number(const NcDoc *doc, uint32_t i)
{
	const char *p = nc_tok_ptr(doc, i);
	uint32_t	len = nc_tok_len(doc, i);

	if (doc->toks[i].kind == NC_TK_NUMBER)
		return len <= 4;
	if (len > 4)
		return false;
	for (uint32_t k = 0; k < len; k++)
		if (p[k] != 'I' && p[k] != 'V' && p[k] != 'X')
			return false;
	return true;
}

static bool
is_given_name(const EntCtx *cx, uint32_t i)
{
	return (cx->gz[i] & (NER_G_FIRST_M | NER_G_FIRST_F)) != 0 &&
		!(cx->gz[i] & (NER_G_GEOORG | NER_G_DEMONYM));
}

/*
 * A capitalised word that may continue a name to the right of its head
 * connector: not a title, a given name or the start of a person mention.
 */
static bool
tail_word(const EntCtx *cx, uint32_t i, const uint8_t *person)
{
	return cap_word(cx, i) && !person[i] && !tok_title(cx, i) &&
		!is_given_name(cx, i);
}

static bool
no_space_between(const NcDoc *doc, uint32_t i)
{
	return doc->toks[i].end == doc->toks[i + 1].start;
}

/*
 * The index in cx->caps, from c on, of the first token before end that may
 * be a name's head word, else of the first token at or after end.
 */
static uint32_t
next_head(const EntCtx *cx, uint32_t c, const uint8_t *person, uint32_t end)
{
	uint32_t	i;

	for (; (i = cx->caps[c]) < end; c++)
		if (cap_word(cx, i) && !person[i] && head_at(cx, i) != 0)
			break;
	return c;
}

/*
 * Extend names around head words: the capitalised words before the head
 * (over "and"/"&" between non-heads, over "of" after another head), and
 * after it "of/for/on/de [the] Capitalised..." (then "and Capitalised...")
 * or a number.  The result replaces the tagger's spans it covers.
 */
static NcStatus
head_names(EntCtx *cx)
{
	const NcDoc *doc = cx->doc;
	uint8_t    *person;
	int32_t    *sat = NULL;		/* the sentence's tokens: index of the span
								 * on each, -1 none */
	uint32_t	satcap = 0;
	uint32_t	cur = 0;		/* first span not wholly before the sentence */
	uint32_t	capc = 0,		/* index in cx->caps, and the sentence start */
				capi = 0;		/* it was last moved to */
	uint32_t	nspan0 = cx->nspan;

	person = nc_ent_scratch(cx);
	if (!person)
		return NC_ENOMEM;
	memset(person, 0, doc->ntok);
	for (uint32_t k = 0; k < cx->nspan; k++)
	{
		const EntSpan *sp = &cx->spans[k];
		uint32_t	f = sp->first;

		if (sp->type != NC_ET_PERSON)
			continue;
		/* a head word alone before "of Name" is no person: "Bank of
		 * Scotland" */
		if (sp->end == f + 1 && f + 2 < doc->ntok && head_at(cx, f) &&
			nc_tok_eq(doc, f + 1, "of") && cap_word(cx, f + 2) &&
			doc->toks[f + 2].sentence == doc->toks[f].sentence)
			continue;
		for (uint32_t i = f; i < sp->end; i++)
			person[i] = 1;
	}

	for (uint32_t si = 0; si < doc->nsent; si++)
	{
		uint32_t	sfirst = doc->sents[si].tok_first;
		uint32_t	send = doc->sents[si].tok_end < doc->ntok ? doc->sents[si].tok_end : doc->ntok;
		uint32_t	nw = 0,
					nall = 0;
		uint32_t	floor = sfirst;

		if (sfirst < capi)
			capc = 0;			/* sentences out of order: start over */
		capi = sfirst;
		capc = next_head(cx, caps_from(cx, capc, sfirst), person, send);

		if (cx->caps[capc] >= send)
			continue;			/* no head word: no name to build */
		/* (the first word not in capitals settles it) */
		for (uint32_t i = sfirst; i < send && nall == nw; i++)
			if (doc->toks[i].kind == NC_TK_WORD)
			{
				nw++;
				if (doc->toks[i].flags & NC_TF_ALLCAPS)
					nall++;
			}
		if (nw >= 3 && nall == nw)
			continue;			/* an all-caps line: no case to go by */

		/* spans (sorted, not overlapping) on the sentence's tokens */
		if (!nc_reserve(cx->env, (void **) &sat, &satcap, send - sfirst + 1, sizeof(int32_t)))
			return NC_ENOMEM;
		memset(sat, 0xFF, (size_t) (send - sfirst) * sizeof(int32_t));	/* -1 each */
		while (cur < nspan0 && cx->spans[cur].end <= sfirst)
			cur++;
		for (uint32_t k = cur; k < nspan0 && cx->spans[k].first < send; k++)
			for (uint32_t i = cx->spans[k].first > sfirst ? cx->spans[k].first : sfirst;
				 i < cx->spans[k].end && i < send; i++)
				sat[i - sfirst] = (int32_t) k;
#define spanat(i) sat[(i) - sfirst]

		for (uint32_t h; (h = cx->caps[capc]) < send; capc++)
		{
			uint8_t		type;
			uint32_t	s,
						e;
			bool		ok = true;

			if (!cap_word(cx, h) || person[h] || (type = head_at(cx, h)) == 0)
				continue;
			/* left: capitalised words, "X and Y Head", "Bank of X Corporation" */
			s = h;
			while (s > sfirst && s > floor && h - s < 16)
			{
				uint32_t	p = s - 1;

				if (cap_word(cx, p) && !person[p] && !tok_title(cx, p) &&
					!nc_tok_eq(doc, p, "the"))
				{
					s = p;
					continue;
				}
				if (p > sfirst && cap_word(cx, p - 1) && !person[p - 1] &&
					!tok_title(cx, p - 1) &&
					(((nc_tok_eq(doc, p, "and") || nc_tok_eq(doc, p, "&")) &&
					  !head_at(cx, p - 1) && !head_at(cx, s)) ||
					 (nc_tok_eq(doc, p, "of") && head_at(cx, p - 1)) ||
					 (nc_tok_eq(doc, p, "-") && no_space_between(doc, p - 1) &&
					  no_space_between(doc, p))))
				{
					s = p - 1;
					continue;
				}
				break;
			}
			/* a person's name the head word follows names a body or place
			 * ("Andy Warhol Foundation", "Kennedy Space Center") */
			if (s > sfirst && s - 1 >= floor && person[s - 1] && spanat(s - 1) >= 0)
			{
				const EntSpan *ps = &cx->spans[spanat(s - 1)];

				if (ps->type == NC_ET_PERSON && ps->end == s && ps->first >= floor &&
					ps->first >= sfirst && h - ps->first < 16)
					s = ps->first;
			}
			/* right */
			e = h + 1;
			while (e < send && e - h < 16 && cap_word(cx, e) && head_at(cx, e) && !person[e])
				type = head_at(cx, e++);	/* the last head types the name */
			if (e < send && name_number(doc, e) && (type != NC_ET_LOC))
				e++;
			else if (e + 1 < send &&
					 (nc_tok_eq(doc, e, "of") || nc_tok_eq(doc, e, "for") ||
					  nc_tok_eq(doc, e, "on") || nc_tok_eq(doc, e, "de")))
			{
				uint32_t	j = e + 1;

				if (nc_tok_eq(doc, j, "the") && j + 1 < send)
					j++;
				if (tail_word(cx, j, person))
				{
					while (j < send && j - h < 16 && tail_word(cx, j, person))
						j++;
					e = j;
					/* "... of Work and Pensions" */
					while (e + 1 < send && e - h < 16 &&
						   (nc_tok_eq(doc, e, "and") || nc_tok_eq(doc, e, "&")) &&
						   tail_word(cx, e + 1, person) && !head_at(cx, e + 1))
					{
						j = e + 1;
						while (j < send && j - h < 16 && tail_word(cx, j, person))
							j++;
						e = j;
					}
				}
			}
			if (e - s < 2)
				continue;
			/* a known name of another type is not a head-word name: "Soviet
			 * Union" stays a place */
			{
				uint8_t		kt = known_type(gaz_phrase(cx, s, e));

				if (kt != 0 && kt != type)
					continue;
			}
			/* spans of the tagger that stick out of [s, e) keep their say */
			if ((spanat(s) >= 0 && cx->spans[spanat(s)].first < s) ||
				(spanat(e - 1) >= 0 && cx->spans[spanat(e - 1)].end > e))
				ok = false;
			if (!ok)
			{
				capc = caps_from(cx, capc, e) - 1;
				continue;
			}
			for (uint32_t i = s; i < e; i++)
				if (spanat(i) >= 0)
				{
					cx->spans[spanat(i)].type = 0;
					spanat(i) = -1;
				}
			if (nc_ent_add_span(cx, s, e, type) != NC_OK)
				return NC_ENOMEM;
			for (uint32_t i = s; i < e; i++)
				spanat(i) = (int32_t) (cx->nspan - 1);
			floor = e;
			capc = caps_from(cx, capc, e) - 1;
		}
	}
#undef spanat
	if (cx->nspan != nspan0)
		normalise_spans(cx);
	nc_release(cx->env, sat, (size_t) satcap * sizeof(int32_t));
	return NC_OK;
}

/* ---- demonyms the gazetteer does not know ("Belarusian officials") ---- */

static bool
demonym_shape(const NcDoc *doc, uint32_t i)
{
	const char *p = nc_tok_ptr(doc, i);
	uint32_t	len = nc_tok_len(doc, i);
	const char *z;

	if (doc->toks[i].kind != NC_TK_WORD || len < 6 || p[0] < 'A' || p[0] > 'Z' ||
		(doc->toks[i].flags & (NC_TF_ALLCAPS | NC_TF_POSSESSIVE)))
		return false;

	/*
	 * -ian, -ean, -ese, -ish, -ians, -eans, with at least three letters
	 * before the suffix (len >= 6 gives that for the short ones); the
	 * suffix first, which most words fail
	 */
	z = p + len;
	if (z[-1] == 's')
	{
		if (!(len > 6 && z[-2] == 'n' && z[-3] == 'a' && (z[-4] == 'i' || z[-4] == 'e')))
			return false;
	}
	else if (!((z[-1] == 'n' && z[-2] == 'a' && (z[-3] == 'i' || z[-3] == 'e')) ||
			   (z[-3] == 'e' && z[-2] == 's' && z[-1] == 'e') ||
			   (z[-3] == 'i' && z[-2] == 's' && z[-1] == 'h')))
		return false;
	for (uint32_t k = 1; k < len; k++)
		if (p[k] < 'a' || p[k] > 'z')
			return false;
	return true;
}

static bool
is_compass(const NcDoc *doc, uint32_t i)
{
	return nc_tok_eq(doc, i, "South") || nc_tok_eq(doc, i, "North") ||
		nc_tok_eq(doc, i, "East") || nc_tok_eq(doc, i, "West");
}

/*
 * An untagged capitalised -ian/-ean/-ese/-ish word standing alone (no
 * capitalised neighbour but a compass word) and used as an adjective (a
 * lower-case word follows) or plural noun: MISC.  Given names, titles and
 * words the gazetteers know otherwise are left alone.
 */
static NcStatus
demonyms(EntCtx *cx, uint8_t *covered)
{
	const NcDoc *doc = cx->doc;
	uint32_t	nspan0 = cx->nspan;

	for (uint32_t c = 0, i; (i = cx->caps[c]) < doc->ntok; c++)
	{
		uint32_t	s = i;
		uint32_t	len = nc_tok_len(doc, i);
		bool		plural;

		if (covered[i] || !demonym_shape(doc, i) || is_given_name(cx, i) ||
			(cx->gz[i] & (NER_G_GEOORG | NER_G_TITLE | NER_G_ORGW | NER_G_LOCW)) ||
			tok_title(cx, i))
			continue;
		plural = nc_tok_ptr(doc, i)[len - 1] == 's';
		if (i > 0 && cap_word(cx, i - 1) && doc->toks[i - 1].sentence == doc->toks[i].sentence)
		{
			if (!is_compass(doc, i - 1) || covered[i - 1])
				continue;
			s = i - 1;
		}
		if (i + 1 >= doc->ntok || doc->toks[i + 1].sentence != doc->toks[i].sentence)
		{
			if (!plural)
				continue;
		}
		else if (cx->up[i + 1] && doc->toks[i + 1].kind == NC_TK_WORD)
			continue;
		else if (!plural && doc->toks[i + 1].kind != NC_TK_WORD)
			continue;
		if (add_covered_span(cx, covered, s, i + 1, NC_ET_MISC) != NC_OK)
			return NC_ENOMEM;
	}
	if (cx->nspan != nspan0)
		normalise_spans(cx);
	return NC_OK;
}

/* "Leung Kwok-hung": a person's name goes on over a hyphen and lower case */
static void
hyphen_tails(EntCtx *cx)
{
	const NcDoc *doc = cx->doc;

	for (uint32_t k = 0; k < cx->nspan; k++)
	{
		EntSpan    *sp = &cx->spans[k];
		uint32_t	e = sp->end;
		uint32_t	limit = k + 1 < cx->nspan ? cx->spans[k + 1].first : doc->ntok;

		if (sp->type != NC_ET_PERSON)
			continue;
		while (e + 1 < limit && nc_tok_eq(doc, e, "-") && no_space_between(doc, e - 1) &&
			   no_space_between(doc, e) && doc->toks[e + 1].kind == NC_TK_WORD &&
			   doc->toks[e + 1].sentence == doc->toks[e].sentence)
			e += 2;
		sp->end = e;
	}
}

/*
 * Capitalised words joined by a hyphen with no space are one name
 * ("Saxony-Anhalt", "German-American", "Liberal-Labour", "Mercedes-Benz"):
 * a mention takes in the capitalised word on the other side of such a
 * hyphen, or the mention there.
 */
static inline bool
joining_hyphen(const EntCtx *cx, uint32_t h)
{
	const NcDoc *doc = cx->doc;

	return h >= 1 && h + 1 < doc->ntok && nc_tok_eq(doc, h, "-") &&
		no_space_between(doc, h - 1) && no_space_between(doc, h) &&
		doc->toks[h - 1].sentence == doc->toks[h + 1].sentence;
}

/* "pro-Beijing", "Anti-Jacksonian": a prefix, not a name */
static bool
hyphen_prefix(const EntCtx *cx, uint32_t i)
{
	return cue_word(cx, i, 'x');
}

#define HYPHEN_MAXLEN 24		/* tokens: no chain of hyphenated words
								 * grows a mention without bound */

static void
hyphen_joins(EntCtx *cx)
{
	uint32_t	last_end = 0;
	bool		changed = false;

	for (uint32_t k = 0; k < cx->nspan; k++)
	{
		EntSpan    *sp = &cx->spans[k];
		uint32_t	n = k + 1;	/* the next mention not yet joined */

		if (sp->type == 0)
			continue;
		/* left: an untagged capitalised word */
		while (sp->first >= 2 && sp->first - 2 >= last_end &&
			   sp->end - sp->first < HYPHEN_MAXLEN &&
			   joining_hyphen(cx, sp->first - 1) && cap_word(cx, sp->first - 2) &&
			   !hyphen_prefix(cx, sp->first - 2))
			sp->first -= 2;
		/* right: an untagged capitalised word or the next mention */
		for (;;)
		{
			uint32_t	e = sp->end;

			while (n < cx->nspan && cx->spans[n].type == 0)
				n++;
			if (sp->end - sp->first >= HYPHEN_MAXLEN ||
				!joining_hyphen(cx, e) || !cap_word(cx, e + 1) ||
				hyphen_prefix(cx, e - 1))
				break;
			if (n < cx->nspan && cx->spans[n].first <= e + 1)
			{
				if (cx->spans[n].first != e + 1)
					break;
				sp->end = cx->spans[n].end;
				cx->spans[n].type = 0;
				changed = true;
			}
			else
				sp->end = e + 2;
		}
		last_end = sp->end;
	}
	if (changed)
		normalise_spans(cx);
}

/* a capitalised word that can be a given name: no ordinary word, title,
 * place or demonym, or a known given name */
static bool
name_part(const EntCtx *cx, uint32_t i)
{
	if (!cap_word(cx, i) || tok_title(cx, i) ||
		(cx->gz[i] & (NER_G_GEOORG | NER_G_DEMONYM)))
		return false;
	return is_given_name(cx, i) || !(cx->gz[i] & NER_G_COMMON);
}

/*
 * The parts of a person's name the tagger leaves out: a particle and the
 * given names before it ("Günter de Bruyn", "Alexander von Humboldt"), a
 * generational suffix ("Andre Price III", "John Scheidt Jr.") and an
 * epithet ("Lucas Cranach the Elder", "Frederick the Great").
 */
static void
person_extents(EntCtx *cx)
{
	const NcDoc *doc = cx->doc;
	uint32_t	last_end = 0;
	bool		changed = false;

	for (uint32_t k = 0; k < cx->nspan; k++)
	{
		EntSpan    *sp = &cx->spans[k];
		uint32_t	sfirst,
					send,
					next;

		if (sp->type != NC_ET_PERSON)
		{
			if (sp->type != 0)
				last_end = sp->end;
			continue;
		}
		sfirst = sent_first_of(doc, sp->first);
		send = sent_end_of(doc, sp->first);
		next = k + 1 < cx->nspan ? cx->spans[k + 1].first : doc->ntok;
		/* particle, then capitalised given names */
		if (sp->first >= sfirst + 2 && sp->first - 2 >= last_end &&
			!(doc->toks[sp->first - 1].flags & NC_TF_CAP) &&
			cue_word(cx, sp->first - 1, 'c') &&
			name_part(cx, sp->first - 2))
		{
			sp->first -= 2;
			while (sp->first > sfirst && sp->first - 1 >= last_end &&
				   sp->end - sp->first < 8 && name_part(cx, sp->first - 1))
				sp->first--;
		}
		/* suffix */
		if (sp->end - sp->first >= 2 && sp->end < send && sp->end < next &&
			cue_word(cx, sp->end, 'j') &&
			(doc->toks[sp->end].flags & NC_TF_CAP) && !no_space_between(doc, sp->end - 1))
			sp->end++;
		/* epithet: "the" and one word, which the tagger may have tagged */
		else if (sp->end + 1 < send && nc_tok_eq(doc, sp->end, "the") &&
				 cue_word(cx, sp->end + 1, 'e') &&
				 (doc->toks[sp->end + 1].flags & NC_TF_CAP) &&
				 (next > sp->end + 1 ||
				  (next == sp->end + 1 && cx->spans[k + 1].end == sp->end + 2)))
		{
			if (next == sp->end + 1)
			{
				cx->spans[k + 1].type = 0;
				changed = true;
			}
			sp->end += 2;
		}
		last_end = sp->end;
	}
	if (changed)
		normalise_spans(cx);
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
		if (tok_title(cx, t))
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
		if (!tok_title(cx, k - 1))
			return;
		start = sp->end + 1;
		if (is_article(doc, start) && start + 1 < k)
			start++;
		sp->role_first = (int32_t) start;
		sp->role_end = (int32_t) k;
	}
}

/*
 * Two mentions of one type with nothing between them in one sentence are
 * one name the tagger broke ("Rick" "Santorum", "Winter" "Olympics").
 */
static void
merge_adjacent(EntCtx *cx)
{
	const NcDoc *doc = cx->doc;
	EntSpan    *spans = cx->spans;
	uint32_t	nspan = cx->nspan,
				n = 0;

	for (uint32_t i = 0; i < nspan; i++)
	{
		const EntSpan *sp = &spans[i];

		if (n > 0)
		{
			EntSpan    *pv = &spans[n - 1];

			if (pv->type == sp->type && pv->end == sp->first &&
				doc->toks[pv->end - 1].sentence == doc->toks[sp->first].sentence &&
				doc->toks[sp->first].kind == NC_TK_WORD &&
				!(doc->toks[sp->first].flags & NC_TF_SENT_START) &&
				!tok_title(cx, sp->first))
			{
				pv->end = sp->end;
				continue;
			}
		}
		/* most spans stay where they are */
		if (n != i)
			spans[n] = *sp;
		n++;
	}
	cx->nspan = n;
}

/*
 * What no name holds, whichever rule built the span: an indefinite article
 * before it ("A Government Accountability Office report"), a day after a
 * lower-case word at its end ("the Security Council on Friday").
 */
static void
trim_articles_and_days(EntCtx *cx, uint8_t *covered)
{
	const NcDoc *doc = cx->doc;

	for (uint32_t k = 0; k < cx->nspan; k++)
	{
		EntSpan    *sp = &cx->spans[k];

		if (sp->type == 0)
			continue;
		if (sp->end - sp->first > 1 &&
			(nc_tok_eq(doc, sp->first, "a") || nc_tok_eq(doc, sp->first, "an")) &&
			doc->toks[sp->first + 1].kind == NC_TK_WORD &&
			(doc->toks[sp->first + 1].flags & NC_TF_SPACE_BEFORE))	/* not "A-League" */
			covered[sp->first++] = 0;
		if (sp->end - sp->first > 2 && cue_word(cx, sp->end - 1, 'd') &&
			doc->toks[sp->end - 2].kind == NC_TK_WORD &&
			!(doc->toks[sp->end - 2].flags & NC_TF_CAP))
		{
			covered[--sp->end] = 0;
			covered[--sp->end] = 0;
		}
	}
}

NcStatus
nc_ent_rules(EntCtx *cx)
{
	const NcDoc *doc = cx->doc;
	uint8_t    *covered;
	NcStatus	st;

	cx->wlex = nc_alloc(cx->env, (size_t) cx->nwords * sizeof(uint32_t));
	if (!cx->wlex)
		return NC_ENOMEM;
	memset(cx->wlex, 0, (size_t) cx->nwords * sizeof(uint32_t));
	if (!list_caps(cx))
		return NC_ENOMEM;
	for (uint32_t i = 0; i < cx->nspan; i++)
	{
		EntSpan    *sp = &cx->spans[i];

		trim_span(cx, sp);
		cut_office(cx, sp);
		/* a given name the tagger left out: "... of State Stephen Biegun" */
		while (sp->type == NC_ET_PERSON && sp->first > sent_first_of(doc, sp->first) &&
			   cx->labels[sp->first - 1] == 0 && cx->up[sp->first - 1] &&
			   doc->toks[sp->first - 1].kind == NC_TK_WORD &&
			   (cx->gz[sp->first - 1] & (NER_G_FIRST_M | NER_G_FIRST_F)) &&
			   !tok_title(cx, sp->first - 1))
			sp->first--;
	}
	/* "Mayor" tagged apart from the name it stands before */
	for (uint32_t i = 0; i + 1 < cx->nspan; i++)
	{
		EntSpan    *sp = &cx->spans[i];

		if (sp->type == NC_ET_PERSON && sp->end - sp->first == 1 &&
			cx->spans[i + 1].type == NC_ET_PERSON && cx->spans[i + 1].first == sp->end &&
			tok_title(cx, sp->first))
			sp->type = 0;
	}
	if ((st = headline_verbs(cx)) != NC_OK)
		return st;
	normalise_spans(cx);
	merge_adjacent(cx);
	if ((st = known_names(cx)) != NC_OK)
		return st;
	if ((st = head_names(cx)) != NC_OK)
		return st;
	hyphen_tails(cx);
	hyphen_joins(cx);
	person_extents(cx);
	gazetteer_types(cx);

	/*
	 * From here on the spans do not overlap and none is dropped or shrunk
	 * but by trim_articles_and_days: each pass marks the tokens of the spans
	 * it adds (add_covered_span), and one covered array serves them all.
	 */
	covered = covered_tokens(cx);
	if (!covered)
		return NC_ENOMEM;
	if ((st = demonyms(cx, covered)) != NC_OK)
		return st;
	if ((st = acronyms(cx, covered)) != NC_OK)
		return st;
	if ((st = org_cues(cx, covered)) != NC_OK)
		return st;
	org_lists(cx);
	person_cues(cx);
	if ((st = untagged_people(cx, covered)) != NC_OK)
		return st;
	if ((st = consistency(cx, covered)) != NC_OK)
		return st;
	trim_articles_and_days(cx, covered);
	merge_adjacent(cx);
	for (uint32_t i = 0; i < cx->nspan; i++)
		if (cx->spans[i].type == NC_ET_PERSON)
			find_role(cx, &cx->spans[i], covered);
	nc_release(cx->env, cx->caps, (size_t) (doc->ntok + 1) * sizeof(uint32_t));
	cx->caps = NULL;
	return NC_OK;
}
