/*
 * test_entities.c
 *		Entity extractor: parity of the C tagger with the Python trainer
 *		(ner_fixture.h, printed by tools/ner/train.py --fixture), mentions,
 *		grouping, roles, and robustness on hostile input.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "../failing_env.h"
#include "unit.h"
#include "lexicon_data.h"
#include "nc_entities.h"
#include "ner_internal.h"

typedef struct NerFixTok
{
	const char *text;
	int			flags;			/* 1 cap, 2 allcaps, 4 sent_start, 8 poss, 16 quote */
	int			label;
	int32_t		scores[NER_NLAB];
} NerFixTok;

typedef struct NerFixSent
{
	const NerFixTok *toks;
	size_t		n;
} NerFixSent;

#include "ner_fixture.h"

/* ---- helpers ---- */

typedef struct Ent
{
	UnitDoc		u;
	NcEntities	e;
} Ent;

static void
ent_build(Ent *x, const char *text)
{
	unit_doc_build(&x->u, text);
	assert_int_equal(nc_entities_extract(&x->u.env, &x->u.doc, &x->e), NC_OK);
}

/* index of the mention whose text is s (n-th occurrence), or -1 */
static int
find_mention(const Ent *x, const char *s, int nth)
{
	size_t		n = strlen(s);

	for (uint32_t i = 0; i < x->e.nment; i++)
	{
		const NcMention *m = &x->e.ments[i];
		uint32_t	b = x->u.doc.toks[m->tok_first].start;
		uint32_t	e = x->u.doc.toks[m->tok_end - 1].end;

		if (e - b == n && memcmp(x->u.doc.text + b, s, n) == 0 && nth-- == 0)
			return (int) i;
	}
	return -1;
}

/* the first mentions written a and b are both found; are they one entity? */
static bool
same_entity(const Ent *x, const char *a, const char *b)
{
	int			ma = find_mention(x, a, 0);
	int			mb = find_mention(x, b, 0);

	assert_true(ma >= 0 && mb >= 0);
	return x->e.ments[ma].entity == x->e.ments[mb].entity;
}

static const char *
ent_name(const Ent *x, int mention, char *buf, size_t size)
{
	const NcEntity *e = &x->e.ents[x->e.ments[mention].entity];
	size_t		n = e->name_len < size - 1 ? e->name_len : size - 1;

	memcpy(buf, e->name, n);
	buf[n] = '\0';
	return buf;
}

static uint8_t
ent_type(const Ent *x, int mention)
{
	return x->e.ents[x->e.ments[mention].entity].type;
}

static void
check_sorted(const Ent *x)
{
	for (uint32_t i = 0; i < x->e.nment; i++)
	{
		const NcMention *m = &x->e.ments[i];

		assert_true(m->tok_first < m->tok_end);
		assert_true(m->tok_end <= x->u.doc.ntok);
		assert_true(m->entity < x->e.nent);
		if (i > 0)
			assert_true(x->e.ments[i - 1].tok_end <= m->tok_first);
		assert_int_equal(nc_entities_mention_at(&x->e, m->tok_first), (int32_t) i);
	}
	/* entities numbered in order of first mention */
	for (uint32_t k = 0; k < x->e.nent; k++)
	{
		assert_true(x->e.ents[k].first_mention < x->e.nment);
		assert_int_equal(x->e.ments[x->e.ents[k].first_mention].entity, k);
		if (k > 0)
			assert_true(x->e.ents[k - 1].first_mention < x->e.ents[k].first_mention);
	}
}

/* ---- tests ---- */

static void
test_model_loads(void **state)
{
	const NerModel *m = nc_ner_model();

	(void) state;
	assert_non_null(m);
	assert_true(m->nnz > 1000);
	assert_string_equal(nc_entity_type_name(NC_ET_PERSON), "PERSON");
	assert_string_equal(nc_entity_type_name(NC_ET_ORG), "ORG");
	assert_string_equal(nc_entity_type_name(NC_ET_LOC), "LOC");
	assert_string_equal(nc_entity_type_name(NC_ET_MISC), "MISC");
	assert_null(nc_entity_type_name(0));
}

/* The precomputed hashes are the hashes of their words (nerspec.py). */
static void
test_precomputed_hashes(void **state)
{
	static const char *const conn[NER_NCONNECT] = {
		"of", "and", "for", "&", "-", "de", "the", "upon", "von", "van",
		"der", "al", "du", "la", "da", "del", "bin"
	};

	(void) state;
	assert_true(nc_ner_fnv("<S>", 3) == NER_H_BOS);
	assert_true(nc_ner_fnv("</S>", 4) == NER_H_EOS);
	assert_true(nc_ner_fnv("\"", 1) == nc_ner_key_quote);
	assert_true(nc_ner_fnv("'s", 2) == nc_ner_key_poss);
	assert_true(nc_ner_fnv("'x", 2) == nc_ner_shape_poss);
	for (int k = 0; k < NER_NCONNECT; k++)
		assert_true(nc_ner_fnv(conn[k], strlen(conn[k])) == nc_ner_connectors[k]);
}

/* The C features and decoder give the trainer's scores, token for token. */
static void
test_parity_with_trainer(void **state)
{
	const NerModel *m = nc_ner_model();

	(void) state;
	assert_non_null(m);
	for (size_t s = 0; s < sizeof(fix_sents) / sizeof(fix_sents[0]); s++)
	{
		const NerFixSent *fs = &fix_sents[s];
		char		text[1024];
		NcToken		toks[64];
		NcSentence	sent;
		NcDoc		doc;
		NerTok		scratch[64];
		uint8_t		labels[64];
		int32_t		scores[64 * NER_NLAB];
		size_t		pos = 0;

		assert_true(fs->n <= 64);
		memset(&doc, 0, sizeof(doc));
		for (size_t i = 0; i < fs->n; i++)
		{
			const NerFixTok *ft = &fs->toks[i];
			size_t		len = strlen(ft->text);

			assert_true(pos + len + 1 < sizeof(text));
			memset(&toks[i], 0, sizeof(NcToken));
			memcpy(text + pos, ft->text, len);
			toks[i].start = toks[i].cstart = (uint32_t) pos;
			toks[i].end = toks[i].cend = (uint32_t) (pos + len);
			toks[i].kind = (ft->flags & 16) ? NC_TK_QUOTE_AMBIG : NC_TK_WORD;
			toks[i].flags = (uint16_t) (((ft->flags & 1) ? NC_TF_CAP : 0) |
										((ft->flags & 2) ? NC_TF_ALLCAPS : 0) |
										((ft->flags & 4) ? NC_TF_SENT_START : 0) |
										((ft->flags & 8) ? NC_TF_POSSESSIVE : 0));
			pos += len;
			text[pos++] = ' ';
		}
		doc.text = text;
		doc.len = (uint32_t) pos;
		doc.toks = toks;
		doc.ntok = (uint32_t) fs->n;
		memset(&sent, 0, sizeof(sent));
		sent.tok_end = (uint32_t) fs->n;
		doc.sents = &sent;
		doc.nsent = 1;
		{
			NcArena    *arena = nc_arena_create();
			NcEnv		env;
			NerDocCase	dc;
			uint32_t	wid[64];
			uint16_t	tcase[64];

			assert_non_null(arena);
			nc_arena_env(arena, &env);
			/* the document pass and the tagging of entities.c */
			assert_true(nc_ner_doc_case_init(&env, &dc, doc.ntok));
			assert_true(nc_ner_doc_pass(m, &doc, 0, doc.ntok, scratch, &dc, wid, tcase));
			nc_ner_doc_case_index(m, &dc);
			nc_ner_tag(m, &doc, 0, (uint32_t) fs->n, scratch, &dc, wid, tcase, labels, scores);
			nc_arena_destroy(arena);
		}
		for (size_t i = 0; i < fs->n; i++)
		{
			for (int k = 0; k < NER_NLAB; k++)
				if (scores[i * NER_NLAB + k] != fs->toks[i].scores[k])
				{
					print_error("sentence %zu token %zu \"%s\" label %d: C %d, Python %d\n",
								s, i, fs->toks[i].text, k,
								scores[i * NER_NLAB + k], fs->toks[i].scores[k]);
					fail();
				}
			assert_int_equal(labels[i], fs->toks[i].label);
		}
	}
}

static void
test_people_grouped_with_roles(void **state)
{
	Ent			x;
	char		buf[128];
	int			a, b, c;

	(void) state;
	ent_build(&x,
			  "Deputy Secretary of State Stephen Biegun said on Wednesday that the "
			  "United States would work with its allies.\n\n"
			  "Biegun, who visited Lithuania last week, spoke to reporters. "
			  "Mr Biegun's comments came as President Alexander Lukashenko "
			  "faced protests.");
	check_sorted(&x);
	a = find_mention(&x, "Stephen Biegun", 0);
	b = find_mention(&x, "Biegun", 0);
	c = find_mention(&x, "Biegun", 1);
	assert_true(a >= 0 && b >= 0 && c >= 0);
	assert_int_equal(ent_type(&x, a), NC_ET_PERSON);
	assert_int_equal(x.e.ments[a].entity, x.e.ments[b].entity);
	assert_int_equal(x.e.ments[a].entity, x.e.ments[c].entity);
	assert_string_equal(ent_name(&x, b, buf, sizeof(buf)), "Stephen Biegun");
	/* role: the title outside the span */
	assert_true(x.e.ments[a].role_first >= 0);
	assert_int_equal(x.u.doc.toks[x.e.ments[a].role_first].start, 0);
	assert_int_equal(x.e.ments[a].role_end, (int32_t) x.e.ments[a].tok_first);
	/* "Mr" gives the gender; the possessive stays outside */
	assert_int_equal(x.e.ents[x.e.ments[c].entity].gender, 1);
	assert_true(find_mention(&x, "Lukashenko", 0) < 0 ||
				ent_type(&x, find_mention(&x, "Lukashenko", 0)) == NC_ET_PERSON);
	a = find_mention(&x, "Alexander Lukashenko", 0);
	if (a >= 0)
	{
		assert_int_equal(ent_type(&x, a), NC_ET_PERSON);
		assert_true(x.e.ments[a].role_first >= 0);
		assert_true(nc_tok_eq(&x.u.doc, (uint32_t) x.e.ments[a].role_first, "President"));
	}
	a = find_mention(&x, "Lithuania", 0);
	assert_true(a >= 0);
	assert_int_equal(ent_type(&x, a), NC_ET_LOC);
	unit_doc_free(&x.u);
}

static void
test_acronyms_join_full_form(void **state)
{
	Ent			x;
	int			a, b;
	char		buf[128];

	(void) state;
	ent_build(&x,
			  "Regulators at the Securities and Exchange Commission (SEC) fined the "
			  "company. The SEC said the fine was the largest this year.\n\n"
			  "Officials of the European Union met in Brussels. The EU will "
			  "decide next month.");
	check_sorted(&x);
	a = find_mention(&x, "Securities and Exchange Commission", 0);
	b = find_mention(&x, "SEC", 1);
	assert_true(a >= 0 && b >= 0);
	assert_int_equal(ent_type(&x, a), NC_ET_ORG);
	assert_int_equal(x.e.ments[a].entity, x.e.ments[b].entity);
	assert_int_equal(x.e.ments[a].entity, x.e.ments[find_mention(&x, "SEC", 0)].entity);
	a = find_mention(&x, "European Union", 0);
	b = find_mention(&x, "EU", 0);
	assert_true(a >= 0 && b >= 0);
	assert_int_equal(x.e.ments[a].entity, x.e.ments[b].entity);
	assert_string_equal(ent_name(&x, b, buf, sizeof(buf)), "European Union");
	unit_doc_free(&x.u);
}

static void
test_consistent_types(void **state)
{
	Ent			x;
	uint8_t		t = 0;
	int			seen = 0;

	(void) state;
	ent_build(&x,
			  "Acme Widgets Corporation said profits rose. Shares of Acme Widgets "
			  "Corporation fell in New York. Acme Widgets Corporation employs 200 "
			  "people in Ohio.");
	check_sorted(&x);
	for (int k = 0; k < 3; k++)
	{
		int			m = find_mention(&x, "Acme Widgets Corporation", k);

		if (m < 0)
			continue;
		if (seen++ == 0)
			t = ent_type(&x, m);
		assert_int_equal(ent_type(&x, m), t);
	}
	/* typed once, typed everywhere: all three or none */
	assert_true(seen == 0 || seen == 3);
	unit_doc_free(&x.u);
}

static void
test_demonyms_and_places(void **state)
{
	Ent			x;
	int			a;

	(void) state;
	ent_build(&x, "On Sunday Belarusian protesters marched through Minsk, "
			  "while Russian officials met in Moscow.");
	check_sorted(&x);
	a = find_mention(&x, "Belarusian", 0);
	assert_true(a >= 0);
	assert_int_equal(ent_type(&x, a), NC_ET_MISC);
	a = find_mention(&x, "Moscow", 0);
	assert_true(a >= 0);
	assert_int_equal(ent_type(&x, a), NC_ET_LOC);
	unit_doc_free(&x.u);
}

static void
test_mention_at(void **state)
{
	Ent			x;

	(void) state;
	ent_build(&x, "Angela Merkel met Emmanuel Macron in Paris.");
	check_sorted(&x);
	for (uint32_t i = 0; i < x.u.doc.ntok; i++)
	{
		int32_t		m = nc_entities_mention_at(&x.e, i);

		if (m >= 0)
			assert_true(x.e.ments[m].tok_first <= i && i < x.e.ments[m].tok_end);
		else
			for (uint32_t k = 0; k < x.e.nment; k++)
				assert_false(x.e.ments[k].tok_first <= i && i < x.e.ments[k].tok_end);
	}
	unit_doc_free(&x.u);
}

static void
run_hostile(const char *text, size_t len)
{
	NcArena    *a = nc_arena_create();
	NcEnv		env;
	NcDoc		doc;
	NcEntities	e;
	Ent			x;

	assert_non_null(a);
	nc_arena_env(a, &env);
	assert_int_equal(nc_doc_build(&env, text, len, &doc), NC_OK);
	assert_int_equal(nc_entities_extract(&env, &doc, &e), NC_OK);
	x.u.doc = doc;
	x.e = e;
	check_sorted(&x);
	nc_arena_destroy(a);
}

static void
test_hostile_input(void **state)
{
	size_t		big = 1 << 20;
	char	   *buf = malloc(big);

	(void) state;
	assert_non_null(buf);
	run_hostile("", 0);
	run_hostile("   \n\n  ", 7);
	/* 1 MB without spaces */
	memset(buf, 'A', big);
	run_hostile(buf, big);
	/* 1 MB of capitalised words and no sentence end */
	for (size_t i = 0; i < big; i++)
		buf[i] = (i % 6 == 5) ? ' ' : (i % 6 == 0 ? 'Q' : 'x');
	run_hostile(buf, big);
	/* invalid bytes among words */
	{
		const char *bad = "Mr \xff\xfe Smith went to \xc3 Paris \x80. \xe2\x80 Tony \xc0\xaf Blair";

		run_hostile(bad, strlen(bad));
	}
	{
		const char *caps = "PRESIDENT JOE BIDEN MET CHANCELLOR OLAF SCHOLZ IN BERLIN ON "
			"FRIDAY, THE WHITE HOUSE SAID.";
		const char *cjk = "\xe6\x9d\xb1\xe4\xba\xac\xe3\x81\xaf\xe6\x97\xa5\xe6\x9c\xac"
			"\xe3\x81\xae\xe9\xa6\x96\xe9\x83\xbd\xe3\x81\xa7\xe3\x81\x99\xe3\x80\x82 Tokyo "
			"is in Japan.";
		const char *odd = "( ) 's 's ' \" Mr. Mr. Mr. - - - U.S. U.S. (SEC) (SEC ) , , the The";

		run_hostile(caps, strlen(caps));
		run_hostile(cjk, strlen(cjk));
		run_hostile(odd, strlen(odd));
	}
	free(buf);
}

static void
test_cancel(void **state)
{
	size_t		big = 200000;
	char	   *buf = malloc(big);
	NcArena    *a = nc_arena_create();
	FailingEnv	f = {a, {0}, INT_MAX, 0};	/* a cancel at the first check */
	NcEnv		env = {failing_alloc, failing_grow, failing_interrupted, &f};
	NcDoc		doc;
	NcEntities	e;

	(void) state;
	assert_non_null(buf);
	for (size_t i = 0; i < big; i++)
		buf[i] = (i % 7 == 6) ? ' ' : (i % 7 == 0 ? 'M' : 'a');
	nc_arena_env(a, &f.inner);
	assert_int_equal(nc_doc_build(&f.inner, buf, big, &doc), NC_OK);
	assert_int_equal(nc_entities_extract(&env, &doc, &e), NC_ECANCEL);
	assert_int_equal(e.nment, 0);
	nc_arena_destroy(a);
	free(buf);
}

/* Names around head words, hyphenated given names, unseen demonyms and
 * acronyms of a name written out earlier. */
static void
test_head_words_and_morphology(void **state)
{
	Ent			x;
	int			a;

	(void) state;
	ent_build(&x,
			  "The Highland Fisheries and Marine Protection Authority met members "
			  "of the Chamber of Commerce on Tuesday. Officials said the Highland "
			  "Fisheries and Marine Protection Authority (HFMPA) would act.\n\n"
			  "Later the HFMPA chairman, Leung Kwok-hung, spoke of the Ostrovan "
			  "fleet and the Kelmar Water Treaty.");
	check_sorted(&x);
	a = find_mention(&x, "Highland Fisheries and Marine Protection Authority", 0);
	assert_true(a >= 0);
	assert_int_equal(ent_type(&x, a), NC_ET_ORG);
	a = find_mention(&x, "Chamber of Commerce", 0);
	assert_true(a >= 0);
	assert_int_equal(ent_type(&x, a), NC_ET_ORG);
	a = find_mention(&x, "HFMPA", 1);
	assert_true(a >= 0);
	assert_int_equal(ent_type(&x, a), NC_ET_ORG);
	a = find_mention(&x, "Leung Kwok-hung", 0);
	assert_true(a >= 0);
	assert_int_equal(ent_type(&x, a), NC_ET_PERSON);
	a = find_mention(&x, "Ostrovan", 0);
	assert_true(a >= 0);
	assert_int_equal(ent_type(&x, a), NC_ET_MISC);
	a = find_mention(&x, "Kelmar Water Treaty", 0);
	assert_true(a >= 0);
	assert_int_equal(ent_type(&x, a), NC_ET_MISC);
	unit_doc_free(&x.u);
}

/*
 * Hyphenated names are one mention, a person's name before a head
 * word names the body, "said X." names a speaker, particles, suffixes and
 * epithets are part of a person's name, and the word key reads a curly
 * apostrophe as a straight one.
 */
static void
test_hyphens_heads_and_speakers(void **state)
{
	Ent			x;
	int			a;
	NcDoc		d;
	NerTok		straight,
				curly;

	(void) state;
	ent_build(&x,
			  "Voters in Saxony-Anhalt went to the polls on Sunday. Many "
			  "Italian-American families moved to Ohio. The pro-Beijing camp "
			  "lost seats. The Andy Warhol Foundation for the Visual Arts "
			  "gave money. \"We will grow,\" said Kovalenko.");
	check_sorted(&x);
	a = find_mention(&x, "Saxony-Anhalt", 0);
	assert_true(a >= 0);
	assert_int_equal(ent_type(&x, a), NC_ET_LOC);
	assert_true(find_mention(&x, "Italian-American", 0) >= 0);
	assert_int_equal(find_mention(&x, "pro-Beijing", 0), -1);
	a = find_mention(&x, "Andy Warhol Foundation for the Visual Arts", 0);
	assert_true(a >= 0);
	assert_int_equal(ent_type(&x, a), NC_ET_ORG);
	a = find_mention(&x, "Kovalenko", 0);
	assert_true(a >= 0);
	assert_int_equal(ent_type(&x, a), NC_ET_PERSON);
	unit_doc_free(&x.u);

	/* particles, generational suffixes and epithets belong to the name */
	ent_build(&x,
			  "The novelist Maren de Vries wrote the book. Tomas Halder III "
			  "joined the board. A portrait by Pieter Brandt the Younger was "
			  "sold.");
	check_sorted(&x);
	a = find_mention(&x, "Maren de Vries", 0);
	assert_true(a >= 0);
	assert_int_equal(ent_type(&x, a), NC_ET_PERSON);
	a = find_mention(&x, "Tomas Halder III", 0);
	assert_true(a >= 0);
	assert_int_equal(ent_type(&x, a), NC_ET_PERSON);
	a = find_mention(&x, "Pieter Brandt the Younger", 0);
	assert_true(a >= 0);
	assert_int_equal(ent_type(&x, a), NC_ET_PERSON);
	unit_doc_free(&x.u);

	/* "I\u2019ve" and "I've": one word key, one shape, the same affixes */
	ent_build(&x, "I\xE2\x80\x99ve seen it. I've seen it.");
	d = x.u.doc;
	nc_ner_tok(&d, 0, &curly);
	for (uint32_t i = 1; i < d.ntok; i++)
		if (nc_tok_eq(&d, i, "I've"))
		{
			nc_ner_tok(&d, i, &straight);
			assert_true(curly.wh == straight.wh);
			assert_true(curly.sh == straight.sh);
			assert_true(curly.suf2 == straight.suf2);
			assert_true(curly.suf3 == straight.suf3);
			assert_true(curly.pre3 == straight.pre3);
			assert_int_equal(curly.lenc, straight.lenc);
		}
	assert_true(nc_tok_eq(&d, 0, "I\xE2\x80\x99ve"));
	assert_int_equal(find_mention(&x, "I\xE2\x80\x99ve", 0), -1);
	unit_doc_free(&x.u);
}

static void
test_context_and_known_names(void **state)
{
	Ent			x;
	int			a;
	char		buf[128];

	(void) state;
	ent_build(&x,
			  "The Soviet Union collapsed in 1991. Mr Varkoni told reporters "
			  "that the Kestrel Party Co Chairman had resigned. Analysts said "
			  "search firm Zentrivo would grow; Zentrivo declined to comment. "
			  "Halvorsen, who founded the group, said little. The U.N. High "
			  "Commissioner for Human Rights issued a statement. Clinton met "
			  "voters in Ohio.");
	check_sorted(&x);
	a = find_mention(&x, "Soviet Union", 0);
	assert_true(a >= 0);
	assert_int_equal(ent_type(&x, a), NC_ET_LOC);
	a = find_mention(&x, "Varkoni", 0);
	assert_true(a >= 0);
	assert_int_equal(ent_type(&x, a), NC_ET_PERSON);
	for (int k = 0; k < 2; k++)
	{
		a = find_mention(&x, "Zentrivo", k);
		assert_true(a >= 0);
		assert_int_equal(ent_type(&x, a), NC_ET_ORG);
	}
	a = find_mention(&x, "Halvorsen", 0);
	assert_true(a >= 0);
	assert_int_equal(ent_type(&x, a), NC_ET_PERSON);
	a = find_mention(&x, "Clinton", 0);
	assert_true(a >= 0);
	assert_int_equal(ent_type(&x, a), NC_ET_PERSON);
	assert_true(find_mention(&x, "U.N.", 0) >= 0);
	/* offices stay outside the names of their bodies */
	for (uint32_t i = 0; i < x.e.nment; i++)
	{
		const NcMention *m = &x.e.ments[i];
		uint32_t	b = x.u.doc.toks[m->tok_first].start;
		uint32_t	e = x.u.doc.toks[m->tok_end - 1].end;
		size_t		n = e - b < sizeof(buf) - 1 ? e - b : sizeof(buf) - 1;

		memcpy(buf, x.u.doc.text + b, n);
		buf[n] = '\0';
		assert_null(strstr(buf, "Chairman"));
		assert_null(strstr(buf, "Commissioner"));
	}
	unit_doc_free(&x.u);
}

/* mentions the grouping joins into one person, or keeps apart */
static void
test_grouping_by_title(void **state)
{
	static const struct
	{
		const char *text;
		const char *a,
				   *b;
		bool		same;
	}			cases[] = {
		/* a knight named by his given name */
		{"Auditor General Sir Alan Pryce said the contracts were badly "
			"managed.\n\nOn the unpaid invoices, Sir Alan said the department "
		"had been slow.", "Alan Pryce", "Alan", true},
		/* "Mr. Marsh" is not Helen Marsh */
		{"Helen Marsh opened the new library on Monday. Mr. Marsh, her "
		"husband, said the building was too small.", "Helen Marsh", "Marsh", false},
	};

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		Ent			x;

		ent_build(&x, cases[i].text);
		assert_int_equal(same_entity(&x, cases[i].a, cases[i].b), cases[i].same);
		unit_doc_free(&x.u);
	}
}

/* the gender of a person comes from the given name of the canonical name */
static void
test_gender_from_given_name(void **state)
{
	Ent			x;
	int			a;

	ent_build(&x,
			  "Volodymyr Marchenko, the mayor of Lviv, said the bridge would "
			  "reopen in May. Marchenko thanked the engineers.\n\n"
			  "Kamala Osei, the city's finance director, said the repairs had "
			  "cost less than planned.");
	a = find_mention(&x, "Volodymyr Marchenko", 0);
	if (a >= 0 && ent_type(&x, a) == NC_ET_PERSON)
		assert_int_equal(x.e.ents[x.e.ments[a].entity].gender, 1);
	a = find_mention(&x, "Kamala Osei", 0);
	if (a >= 0 && ent_type(&x, a) == NC_ET_PERSON)
		assert_int_equal(x.e.ents[x.e.ments[a].entity].gender, 2);
	/* at least one of the two is found as a person */
	assert_true((find_mention(&x, "Volodymyr Marchenko", 0) >= 0 &&
				 ent_type(&x, find_mention(&x, "Volodymyr Marchenko", 0)) == NC_ET_PERSON) ||
				(find_mention(&x, "Kamala Osei", 0) >= 0 &&
				 ent_type(&x, find_mention(&x, "Kamala Osei", 0)) == NC_ET_PERSON));
	unit_doc_free(&x.u);
}

/* assert that the n-th mention written s exists and has type t */
static void
expect_type(const Ent *x, const char *s, int nth, uint8_t t)
{
	int			a = find_mention(x, s, nth);

	if (a < 0)
		fail_msg("no mention \"%s\" (%d)", s, nth);
	if (ent_type(x, a) != t)
		fail_msg("\"%s\" typed %s, expected %s", s,
				 nc_entity_type_name(ent_type(x, a)), nc_entity_type_name(t));
}

/* context that types a name the tagger alone gets wrong */
typedef struct TypeCue
{
	const char *text;
	struct
	{
		const char *mention;	/* its nth appearance as a mention */
		int			nth;
		uint8_t		type;
	}			want[4];		/* up to a NULL mention */
} TypeCue;

static const TypeCue type_cues[] = {
	/* a city the gazetteer knows still does not speak; a company joined
	 * "as chief executive" stays a company */
	{"Houston warned residents to stay indoors as the storm neared. "
		"She joined Zoopla as chief executive in March.",
		{{"Houston", 0, NC_ET_LOC}, {"Zoopla", 0, NC_ET_ORG}}},
	/* an acronym is a body, not a person */
	{"Tanya Fung of the RDP won 40,000 votes. ZTU's Alan Kwok lost.",
		{{"ZTU", 0, NC_ET_ORG}, {"Alan Kwok", 0, NC_ET_PERSON}}},
	/* the speaker after a quotation, before the reporting verb */
	{"\"If they can't run a bakery, they can't run the country,\" "
		"Winters mocked. \"Is that a plan?\" Gable asked.",
		{{"Winters", 0, NC_ET_PERSON}, {"Gable", 0, NC_ET_PERSON}}},
	/* a body's customers and shares; a founder's place-like company */
	{"Customers could open two Fennick accounts and earn 2%. "
		"Analysts said Dravel shareholders would vote on Tuesday. "
		"The idea came from Ola Berg, founder of Quillstack Forums.",
		{{"Fennick", 0, NC_ET_ORG}, {"Dravel", 0, NC_ET_ORG}, {"Quillstack Forums", 0, NC_ET_ORG}}},
	/* the names listed after a plural noun for companies */
	{"Shoppers now buy from retailers such as Fennick, Dravel and "
		"Quorra instead.",
		{{"Fennick", 0, NC_ET_ORG}, {"Dravel", 0, NC_ET_ORG}, {"Quorra", 0, NC_ET_ORG}}},
	/* a province's abbreviation is a place */
	{"The RCMP in B.C. said the suspect fled. A judge in B.C. "
		"ruled on Friday.",
		{{"RCMP", 0, NC_ET_ORG}, {"B.C.", 0, NC_ET_LOC}, {"B.C.", 1, NC_ET_LOC}}},
	/* an age in apposition, "was born": a person */
	{"Two years later, Stalling, now 31, is on trial in Leeds. "
		"But Cotton's crimes were not random. Cotton was born in 1832.",
		{{"Stalling", 0, NC_ET_PERSON}, {"Cotton", 0, NC_ET_PERSON}, {"Cotton", 1, NC_ET_PERSON}}},
	/* "X as <title>" */
	{"The board confirmed the appointment of Kendal as chief "
		"executive.",
		{{"Kendal", 0, NC_ET_PERSON}}},
	/* a place no gazetteer knows does not speak */
	{"\xC3\x96zkaya warned Europe about its tolerance of the government.",
		{{"\xC3\x96zkaya", 0, NC_ET_PERSON}, {"Europe", 0, NC_ET_LOC}}},
	/* a headline's verb between two names ends the first */
	{"Governor Mark Dalton Slams Helen Rourke Over Budget\n\n"
		"The talks ended on Monday.",
		{{"Mark Dalton", 0, NC_ET_PERSON}, {"Helen Rourke", 0, NC_ET_PERSON}}},
	{"Mark Dalton Tells Helen Rourke To Resign\n\nThe talks ended on Monday.",
		{{"Mark Dalton", 0, NC_ET_PERSON}, {"Helen Rourke", 0, NC_ET_PERSON}}},
	/* a party before a given name is not part of the name */
	{"Tory Helen Marsh said the plan was late.",
		{{"Helen Marsh", 0, NC_ET_PERSON}}},
	/* no name starts with "A" or ends with "on Friday" */
	{"A Northfield Transit Authority report found the trains were late.",
		{{"Northfield Transit Authority", 0, NC_ET_ORG}}},
	{"The Maritime Safety Council on Friday called the test a threat.",
		{{"Maritime Safety Council", 0, NC_ET_ORG}}},
	/* ... but "A-League" is a name */
	{"Sydney FC won the A-League title on Saturday.",
		{{"A-League", 0, NC_ET_ORG}}},
	/* a head word the tagger took for a person still heads its name */
	{"Meanwhile, Bank of Scotland customers earn 3% on balances.",
		{{"Bank of Scotland", 0, NC_ET_ORG}}},
};

static void
test_type_cues(void **state)
{
	(void) state;
	for (size_t k = 0; k < sizeof(type_cues) / sizeof(type_cues[0]); k++)
	{
		const TypeCue *c = &type_cues[k];
		Ent			x;

		ent_build(&x, c->text);
		check_sorted(&x);
		for (int w = 0; w < 4 && c->want[w].mention; w++)
			expect_type(&x, c->want[w].mention, c->want[w].nth, c->want[w].type);
		unit_doc_free(&x.u);
	}
}

/*
 * The rules' union lexicon (tools/lexgen.sh) finds every key of each
 * source, and points from each of its keys to the source entries of that
 * key, in the order of entities_rules.c; the pre-filters let every key by.
 */
static void
test_rule_words_union(void **state)
{
	const NcLexicon *srcs[] = {&nc_lex_ner_cue_words, &nc_lex_ner_titles,
		&nc_lex_ner_heads, &nc_lex_quote_cues, &nc_lex_sentence_starters,
	&nc_lex_claim_months};
	const NcLexicon *u = &nc_lex_ner_rule_words;

	(void) state;
	assert_int_equal(sizeof(nc_lexu_ner_rule_words[0]), sizeof(srcs) / sizeof(srcs[0]) * sizeof(uint16_t));
	for (size_t s = 0; s < sizeof(srcs) / sizeof(srcs[0]); s++)
		for (size_t k = 0; k < srcs[s]->count; k++)
		{
			const NcLexEntry *e = nc_lex_find(u, srcs[s]->entries[k].key, srcs[s]->entries[k].keylen);

			assert_non_null(e);
			assert_int_equal(nc_lexu_ner_rule_words[e - u->entries][s], k + 1);
			/* past the source's own pre-filter too */
			assert_ptr_equal(nc_lex_find(srcs[s], srcs[s]->entries[k].key, srcs[s]->entries[k].keylen),
							 &srcs[s]->entries[k]);
		}
	for (size_t k = 0; k < u->count; k++)
		for (size_t s = 0; s < sizeof(srcs) / sizeof(srcs[0]); s++)
		{
			uint16_t	ix = nc_lexu_ner_rule_words[k][s];

			if (ix == 0)
				assert_null(nc_lex_find(srcs[s], u->entries[k].key, u->entries[k].keylen));
			else
				assert_string_equal(srcs[s]->entries[ix - 1].key, u->entries[k].key);
		}
}

const struct CMUnitTest entities_tests[] = {
	cmocka_unit_test(test_model_loads),
	cmocka_unit_test(test_precomputed_hashes),
	cmocka_unit_test(test_parity_with_trainer),
	cmocka_unit_test(test_people_grouped_with_roles),
	cmocka_unit_test(test_acronyms_join_full_form),
	cmocka_unit_test(test_consistent_types),
	cmocka_unit_test(test_demonyms_and_places),
	cmocka_unit_test(test_head_words_and_morphology),
	cmocka_unit_test(test_context_and_known_names),
	cmocka_unit_test(test_hyphens_heads_and_speakers),
	cmocka_unit_test(test_type_cues),
	cmocka_unit_test(test_gender_from_given_name),
	cmocka_unit_test(test_grouping_by_title),
	cmocka_unit_test(test_mention_at),
	cmocka_unit_test(test_hostile_input),
	cmocka_unit_test(test_cancel),
	cmocka_unit_test(test_rule_words_union),
};

int
run_entities_tests(void)
{
	return cmocka_run_group_tests_name("entities", entities_tests, NULL, NULL);
}
