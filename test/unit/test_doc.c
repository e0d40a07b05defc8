/*
 * test_doc.c
 *		The document model: paragraphs, sentences, tokens, quotation marks and
 *		offsets, on passages written for these tests.
 */
#include "unit.h"

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "doc_internal.h"
#include "lexicon_data.h"
#include "nc_lexicon.h"

/* Assert that text splits into exactly the given sentences. */
static void
check_sentences(const char *text, const char *const *expected, uint32_t n)
{
	UnitDoc		u;

	unit_doc_build(&u, text);
	for (uint32_t i = 0; i < n && i < u.doc.nsent; i++)
		assert_string_equal(unit_sentence(&u, i), expected[i]);
	assert_int_equal(u.doc.nsent, n);
	unit_doc_free(&u);
}

#define CHECK_SENTENCES(text, ...) do { \
	static const char *const exp_[] = {__VA_ARGS__}; \
	check_sentences(text, exp_, sizeof(exp_) / sizeof(exp_[0])); \
} while (0)

static void
test_abbreviations_do_not_end_sentences(void **state)
{
	CHECK_SENTENCES("Mr. Okafor met Dr. Lindqvist and Gen. Ruiz. They spoke for an hour.",
					"Mr. Okafor met Dr. Lindqvist and Gen. Ruiz.",
					"They spoke for an hour.");
	CHECK_SENTENCES("The U.S. Senate and the U.N. Security Council agreed. Sen. Marsh voted no.",
					"The U.S. Senate and the U.N. Security Council agreed.",
					"Sen. Marsh voted no.");
	CHECK_SENTENCES("The vote is set for Jan. 12 at No. 10 Downing Street. Talks resume today.",
					"The vote is set for Jan. 12 at No. 10 Downing Street.",
					"Talks resume today.");
	CHECK_SENTENCES("Shares of Harbor Freight Inc. rose after the novel by P. D. Whitcombe sold out.",
					"Shares of Harbor Freight Inc. rose after the novel by P. D. Whitcombe sold out.");
}

static void
test_abbreviation_can_end_sentence(void **state)
{
	/* before a word that starts sentences, the abbreviation's period ends one */
	CHECK_SENTENCES("The company moved its headquarters to the U.S. The decision surprised analysts.",
					"The company moved its headquarters to the U.S.",
					"The decision surprised analysts.");
	CHECK_SENTENCES("The suit names Corvane Holdings Inc. It was filed on Monday.",
					"The suit names Corvane Holdings Inc.",
					"It was filed on Monday.");
}

static void
test_datelines_and_states(void **state)
{
	CHECK_SENTENCES("SALEM, Ore. (Newswire) - The vote was close. It ended late.",
					"SALEM, Ore. (Newswire) - The vote was close.",
					"It ended late.");
	CHECK_SENTENCES("Dover, Del. - Ann Kirby spoke. She was ill. Doctors came.",
					"Dover, Del. - Ann Kirby spoke.",
					"She was ill.",
					"Doctors came.");
}

static void
test_decimals_and_ellipses(void **state)
{
	CHECK_SENTENCES("Growth slowed to 2.5 percent... and then stalled. Prices fell 0.3%.",
					"Growth slowed to 2.5 percent... and then stalled.",
					"Prices fell 0.3%.");
}

static void
test_closing_quote_stays_with_sentence(void **state)
{
	CHECK_SENTENCES("\"We will not back down.\" The minister left the room.",
					"\"We will not back down.\"",
					"The minister left the room.");
	CHECK_SENTENCES("“Is this fair?” she asked. “No,” he said.",
					"“Is this fair?” she asked.",
					"“No,” he said.");
	CHECK_SENTENCES("He called it \"a disgrace!\" and walked out.",
					"He called it \"a disgrace!\" and walked out.");
}

static void
test_paragraphs_blank_lines(void **state)
{
	UnitDoc		u;

	unit_doc_build(&u, "Harbour Strike Enters Third Week\n"
				   "Dock workers in Port Aldane stayed out on Monday,\n"
				   "union leaders said.\n\n"
				   "The port handles a fifth of the region's grain.\n");
	assert_true(u.doc.blank_line_paragraphs);
	assert_int_equal(u.doc.npara, 3);
	assert_true(u.doc.paras[0].headline);
	assert_false(u.doc.paras[1].headline);
	/* the soft wrap did not end the sentence */
	assert_int_equal(u.doc.paras[1].sent_end - u.doc.paras[1].sent_first, 1);
	assert_string_equal(unit_sentence(&u, 1),
						"Dock workers in Port Aldane stayed out on Monday,\nunion leaders said.");
	unit_doc_free(&u);
}

static void
test_paragraphs_one_per_line(void **state)
{
	UnitDoc		u;

	unit_doc_build(&u, "Council Approves Budget\r\n"
				   "The council approved the budget on Tuesday.\r\n"
				   "Opposition members walked out.\r\n");
	assert_false(u.doc.blank_line_paragraphs);
	assert_int_equal(u.doc.npara, 3);
	assert_true(u.doc.paras[0].headline);
	assert_int_equal(u.doc.nsent, 3);
	assert_string_equal(unit_sentence(&u, 2), "Opposition members walked out.");
	unit_doc_free(&u);
}

static void
test_form_feed_breaks_paragraph(void **state)
{
	UnitDoc		u;

	unit_doc_build(&u, "First page ends here.\fSecond page starts here.");
	assert_int_equal(u.doc.npara, 2);
	unit_doc_free(&u);
}

/* kind of the token whose text is s */
static int
kind_of(const UnitDoc *u, const char *s)
{
	int			i = unit_find_token(u, s);

	assert_true(i >= 0);
	return u->doc.toks[i].kind;
}

static void
test_quote_marks_every_style(void **state)
{
	static const struct
	{
		const char *text;
		const char *open;
		const char *close;
	}			cases[] = {
		{"She said “yes” today.", "“", "”"},
		{"She said ‘yes’ today.", "‘", "’"},
		{"Elle a dit «oui» hier.", "«", "»"},
		{"Elle a dit ‹oui› hier.", "‹", "›"},
		{"Er sagte „ja“ heute.", "„", "“"},
		{"Er sagte ‚ja‘ heute.", "‚", "‘"},
		{"Det var »ja« sagt.", "»", "«"},
	};

	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++)
	{
		UnitDoc		u;
		int			o,
					c;

		unit_doc_build(&u, cases[k].text);
		o = unit_find_token(&u, cases[k].open);
		/* the closing glyph may equal another family's opening one */
		c = -1;
		for (uint32_t i = (uint32_t) o + 1; i < u.doc.ntok; i++)
			if (nc_tok_len(&u.doc, i) == strlen(cases[k].close) &&
				memcmp(nc_tok_ptr(&u.doc, i), cases[k].close, strlen(cases[k].close)) == 0)
			{
				c = (int) i;
				break;
			}
		assert_true(o >= 0 && c > o);
		assert_int_equal(u.doc.toks[o].kind, NC_TK_QUOTE_OPEN);
		assert_int_equal(u.doc.toks[c].kind, NC_TK_QUOTE_CLOSE);
		assert_int_not_equal(u.doc.toks[o].mark, NC_MARK_NONE);
		unit_doc_free(&u);
	}
}

static void
test_straight_quotes_by_context(void **state)
{
	UnitDoc		u;

	unit_doc_build(&u, "\"We are ready,\" he said, calling it 'historic'.");
	assert_int_equal(u.doc.toks[0].kind, NC_TK_QUOTE_OPEN);
	assert_int_equal(u.doc.toks[0].mark, NC_MARK_DOUBLE);
	assert_int_equal(u.doc.toks[5].kind, NC_TK_QUOTE_CLOSE);
	assert_int_equal(kind_of(&u, "historic"), NC_TK_WORD);
	assert_int_equal(u.doc.toks[unit_find_token(&u, "historic") - 1].kind, NC_TK_QUOTE_OPEN);
	assert_int_equal(u.doc.toks[unit_find_token(&u, "historic") + 1].kind, NC_TK_QUOTE_CLOSE);
	unit_doc_free(&u);

	/* a mark between two spaces cannot be placed */
	unit_doc_build(&u, "height 6 \" wide");
	assert_int_equal(kind_of(&u, "\""), NC_TK_QUOTE_AMBIG);
	unit_doc_free(&u);

	/* the '' digraph of some wire copy is one double mark */
	unit_doc_build(&u, "He said, ''It is over.''");
	assert_int_equal(kind_of(&u, "''"), NC_TK_QUOTE_OPEN);
	assert_int_equal(u.doc.toks[unit_find_token(&u, "''")].mark, NC_MARK_DOUBLE);
	unit_doc_free(&u);
}

static void
test_apostrophes_are_not_quotes(void **state)
{
	UnitDoc		u;

	unit_doc_build(&u, "Varga’s allies don't trust O'Neill; the workers' union recalls the '90s.");
	assert_int_equal(kind_of(&u, "Varga"), NC_TK_WORD);
	assert_true(u.doc.toks[unit_find_token(&u, "’s")].flags & NC_TF_POSSESSIVE);
	assert_int_equal(kind_of(&u, "don't"), NC_TK_WORD);
	assert_int_equal(kind_of(&u, "O'Neill"), NC_TK_WORD);
	assert_true(u.doc.toks[unit_find_token(&u, "workers") + 1].flags & NC_TF_POSSESSIVE);
	assert_int_equal(kind_of(&u, "'90s"), NC_TK_NUMBER);
	for (uint32_t i = 0; i < u.doc.ntok; i++)
		assert_false(NC_TK_IS_QUOTE(u.doc.toks[i].kind));
	unit_doc_free(&u);
}

static void
test_token_kinds_and_flags(void **state)
{
	UnitDoc		u;
	int			i;

	unit_doc_build(&u, "NATO spent $1,250.75m on G7 talks - about 12% more.");
	assert_int_equal(kind_of(&u, "$"), NC_TK_SYMBOL);
	assert_int_equal(kind_of(&u, "1,250.75"), NC_TK_NUMBER);
	i = unit_find_token(&u, "m");
	assert_false(u.doc.toks[i].flags & NC_TF_SPACE_BEFORE);
	assert_int_equal(kind_of(&u, "G7"), NC_TK_WORD);
	assert_int_equal(kind_of(&u, "-"), NC_TK_PUNCT);
	assert_int_equal(kind_of(&u, "%"), NC_TK_SYMBOL);
	i = unit_find_token(&u, "NATO");
	assert_true(u.doc.toks[i].flags & NC_TF_ALLCAPS);
	assert_true(u.doc.toks[i].flags & NC_TF_SENT_START);
	unit_doc_free(&u);
}

static void
test_offsets_count_code_points(void **state)
{
	UnitDoc		u;
	const char *text = "Zoë’s café – “naïve”.";
	int			i;

	unit_doc_build(&u, text);
	i = unit_find_token(&u, "café");
	assert_true(i >= 0);
	/* Z o ë ’ s space = 6 code points before "café" */
	assert_int_equal(u.doc.toks[i].cstart, 6);
	assert_int_equal(u.doc.toks[i].cend, 10);
	assert_int_equal(u.doc.toks[i].start, 9);	/* ë and ’ take 2 + 3 bytes */
	for (uint32_t k = 0; k < u.doc.ntok; k++)
		assert_true(u.doc.toks[k].start < u.doc.toks[k].end);
	assert_int_equal(u.doc.nchars, 21);
	unit_doc_free(&u);
}

static void
test_empty_and_blank(void **state)
{
	UnitDoc		u;

	unit_doc_build(&u, "");
	assert_int_equal(u.doc.nsent, 0);
	assert_int_equal(u.doc.ntok, 0);
	unit_doc_free(&u);
	unit_doc_build(&u, " \n\n\t \r\n ");
	assert_int_equal(u.doc.npara, 0);
	unit_doc_free(&u);
}

/*
 * Title lines are judged from their last characters first: trailing white
 * space, closing quotes and brackets, multi-byte punctuation and invalid
 * bytes must not change the verdict.
 */
static void
test_title_line_endings(void **state)
{
	UnitDoc		u;

	unit_doc_build(&u, "Council Approves Budget \t \n"
				   "Talks Went On Past Midnight, Officials Said.\xe2\x80\x9d  \n"
				   "Members Walked Out In Protest\xe2\x80\xa6 \n"
				   "Mayor Speaks To Reporters (Briefly)\n"
				   "Mayor Thanks Voters \xff\n");
	assert_int_equal(u.doc.npara, 5);
	assert_true(u.doc.paras[0].headline);
	assert_false(u.doc.paras[1].headline);	/* a period before the quote */
	assert_false(u.doc.paras[2].headline);	/* an ellipsis */
	assert_true(u.doc.paras[3].headline);
	assert_true(u.doc.paras[4].headline);
	unit_doc_free(&u);
}

/* Every key of the compiled lexicons is found through the hash index. */
static void
test_lexicon_hash_index(void **state)
{
	const NcLexicon *lexs[] = {&nc_lex_abbreviations, &nc_lex_sentence_starters,
		&nc_lex_ner_first_names, &nc_lex_claim_units, &nc_lex_quote_cues};

	for (size_t l = 0; l < sizeof(lexs) / sizeof(lexs[0]); l++)
	{
		const NcLexicon *lex = lexs[l];

		assert_non_null(lex->slots);
		for (size_t i = 0; i < lex->count; i++)
			assert_ptr_equal(nc_lex_find(lex, lex->entries[i].key, lex->entries[i].keylen),
							 &lex->entries[i]);
		assert_null(nc_lex_find(lex, "zzqxv", 5));
		assert_null(nc_lex_find(lex, "", 0));
	}
	assert_non_null(nc_lex_find_lower(&nc_lex_abbreviations, "MR", 2));
	assert_null(nc_lex_find(&nc_lex_abbreviations, "MR", 2));
	assert_null(nc_lex_find_lower(&nc_lex_abbreviations, "mrs.", 4));
}

/* a word's first four bytes as the prefix filters read them (NC_LEX_KEY4) */
static uint32_t
key4(const char *w, size_t n)
{
	unsigned char b[4] = {0, 0, 0, 0};

	for (size_t j = 0; j < 4 && j < n; j++)
		b[j] = (unsigned char) w[j] | 0x20;
	return NC_LEX_KEY4(b[0], b[1], b[2], b[3]);
}

/*
 * The prefix filters the claims read let every key by (written in any
 * case: the key is read with bit 0x20 set) and turn another word away.
 */
static void
test_lexicon_prefix_filter(void **state)
{
	const NcLexicon *lexs[] = {&nc_lex_claim_numwords, &nc_lex_claim_report_verbs,
	&nc_lex_claim_denominators, &nc_lex_claim_scales};

	for (size_t l = 0; l < sizeof(lexs) / sizeof(lexs[0]); l++)
	{
		const NcLexicon *lex = lexs[l];

		for (size_t i = 0; i < lex->count; i++)
			assert_true(nc_lex_prefix_maybe(&lex->prefix,
											key4(lex->entries[i].key,
												 (size_t) lex->entries[i].keylen)));
		assert_false(nc_lex_prefix_maybe(&lex->prefix, key4("zqxv", 4)));
	}
}

/*
 * The sentence boundaries of sentences.c (UAX #29) are those of ICU's
 * iterator, which the tests compare them with.  check_boundaries gives
 * ICU's iterator the UTF-8 text with its line breaks made spaces (soft
 * wraps, see sentences.c) and our splitter the raw bytes.
 */
static void
check_boundaries(UBreakIterator *bi, UText **ut, const char *s, uint32_t len)
{
	char		t[256];
	UErrorCode	status = U_ZERO_ERROR;
	uint32_t	pos = 0;
	int32_t		icu;

	assert_true(len <= sizeof(t));
	for (uint32_t i = 0; i < len; i++)
		t[i] = (s[i] == '\n' || s[i] == '\r' || s[i] == '\v' || s[i] == '\f') ?
			' ' : s[i];
	*ut = utext_openUTF8(*ut, t, (int64_t) len, &status);
	ubrk_setUText(bi, *ut, &status);
	assert_true(U_SUCCESS(status));
	for (icu = ubrk_next(bi); icu != UBRK_DONE && (uint32_t) icu < len; icu = ubrk_next(bi))
	{
		int32_t		mine = nc_sentence_next(s, len, pos);

		if (mine != icu)
			fail_msg("boundary of \"%.*s\": ICU %d, ours %d", (int) len, s, icu, mine);
		pos = (uint32_t) mine;
	}
	if (nc_sentence_next(s, len, pos) != -1)
		fail_msg("extra boundary in \"%.*s\"", (int) len, s);
}

/* Every string of up to maxlen pieces of the alphabet. */
static void
check_all_strings(UBreakIterator *bi, UText **ut, const char *const *alphabet,
				  uint32_t nalpha, uint32_t maxlen)
{
	char		s[256];

	for (uint32_t len = 1; len <= maxlen; len++)
	{
		uint32_t	idx[8] = {0};

		assert_true(maxlen <= 8);
		for (;;)
		{
			uint32_t	k = 0,
						n = 0;

			for (uint32_t i = 0; i < len; i++)
			{
				memcpy(s + n, alphabet[idx[i]], strlen(alphabet[idx[i]]));
				n += strlen(alphabet[idx[i]]);
			}
			check_boundaries(bi, ut, s, n);
			while (k < len && ++idx[k] == nalpha)
				idx[k++] = 0;
			if (k == len)
				break;
		}
	}
}

/* nrand random strings of up to maxlen pieces. */
static void
check_random_strings(UBreakIterator *bi, UText **ut, const char *const *pieces,
					 uint32_t npieces, uint32_t maxlen, uint32_t nrand)
{
	char		s[256];
	uint32_t	seed = 12345;

	for (uint32_t r = 0; r < nrand; r++)
	{
		uint32_t	len,
					n = 0;

		seed = seed * 1103515245 + 12345;
		len = 1 + (seed >> 16) % maxlen;
		for (uint32_t i = 0; i < len; i++)
		{
			const char *p;

			seed = seed * 1103515245 + 12345;
			p = pieces[(seed >> 16) % npieces];
			assert_true(n + strlen(p) <= sizeof(s));
			memcpy(s + n, p, strlen(p));
			n += strlen(p);
		}
		check_boundaries(bi, ut, s, n);
	}
}

/*
 * ASCII: every string up to five characters over an alphabet with one
 * character of each Sentence_Break class (and a line break, a space for
 * ICU), then random longer strings over all of ASCII.
 */
static void
test_ascii_boundaries_match_icu(void **state)
{
	static const char *const alphabet[] = {"a", "A", "1", ".", "?", "\"", ")",
	"_", " ", ",", "-", "\n"};
	static const char *const all[] = {"a", "A", "b", "1", ".", " ", "?", "!",
		"\"", "(", ")", "[", "]", "'", "x", ",", "-", ":", ";", "Z", "9", "\t",
	"\n"};
	const char *pieces[128 + sizeof(all) / sizeof(all[0])];
	char		ascii[128][2];
	uint32_t	n = 0;
	UErrorCode	status = U_ZERO_ERROR;
	UBreakIterator *bi = ubrk_open(UBRK_SENTENCE, "en", NULL, 0, &status);
	UText	   *ut = NULL;

	assert_true(U_SUCCESS(status));
	check_all_strings(bi, &ut, alphabet, sizeof(alphabet) / sizeof(alphabet[0]), 5);
	/* a quarter of the pieces any ASCII character but NUL, as before */
	for (uint32_t c = 1; c < 128; c++)
	{
		ascii[c][0] = (char) c;
		ascii[c][1] = '\0';
		if (c % 3 == 0)
			pieces[n++] = ascii[c];
	}
	for (uint32_t k = 0; k < 3; k++)
		for (uint32_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
			pieces[n++] = all[i];
	check_random_strings(bi, &ut, pieces, n, 40, 200000);
	utext_close(ut);
	ubrk_close(bi);
}

/*
 * Beyond ASCII: one character of each class (Lower é, Upper É, OLetter 東,
 * Numeric ٣, ATerm U+FF0E, STerm 。, Close ”, SContinue –, Extend U+0301,
 * Format U+00AD, Sp U+3000, Sep U+2028, Other …, an invalid byte) with
 * ASCII ones, every string of up to four; then random strings over news
 * punctuation, letters of several scripts, marks, ZWJ, emoji and bad bytes.
 */
static void
test_unicode_boundaries_match_icu(void **state)
{
	static const char *const alphabet[] = {"a", "A", ".", "?", ")", " ",
		"\xc3\xa9", "\xc3\x89", "\xe6\x9d\xb1", "\xd9\xa3", "\xef\xbc\x8e",
		"\xe3\x80\x82", "\xe2\x80\x9d", "\xe2\x80\x93", "\xcc\x81",
	"\xc2\xad", "\xe3\x80\x80", "\xe2\x80\xa8", "\xe2\x80\xa6", "\xff"};
	static const char *const pieces[] = {
		"a", "b", "z", "A", "Q", "1", "7", ".", ".", "?", "!", ",", "-", ":",
		";", " ", " ", " ", "\n", "\"", "'", "(", ")", "_", "%",
		"said", "Minister", "the council", "GOVERNMENT", "e.g", "U.S", "3.5",	/* runs of 8 */
		"\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x98", "\xe2\x80\x99",	/* “ ” ‘ ’ */
		"\xc2\xab", "\xc2\xbb", "\xe2\x80\xb9", "\xe2\x80\xba",	/* « » ‹ › */
		"\xe2\x80\x93", "\xe2\x80\x94", "\xe2\x80\xa6",	/* – — … */
		"\xc3\xa9", "\xc3\xbc", "\xc3\x9f", "\xc3\x89", "\xc3\x9c", "\xc4\xb0",	/* é ü ß É Ü İ */
		"\xc7\x85", "\xce\xa3", "\xcf\x83", "\xd0\x96", "\xd0\xb6",	/* ǅ Σ σ Ж ж */
		"\xe6\x9d\xb1", "\xe4\xba\xac", "\xe3\x81\x82",	/* 東 京 あ */
		"\xd9\x85", "\xd8\xb1", "\xd7\xa9", "\xd7\x9c",	/* Arabic, Hebrew */
		"\xcc\x81", "\xcc\x88", "\xe0\xa4\x83",	/* U+0301 U+0308 U+0903 */
		"\xe2\x80\x8d", "\xe2\x80\x8c", "\xc2\xad", "\xe2\x81\xa0", "\xef\xbb\xbf",	/* ZWJ ZWNJ SHY WJ BOM */
		"\xe2\x80\x8b",			/* ZWSP: Other */
		"\xd9\xa3", "\xe0\xa5\xa7", "\xef\xbc\x91",	/* ٣ १ １ */
		"\xef\xbc\x8e", "\xef\xbc\x81", "\xef\xbc\x9f", "\xe3\x80\x82",	/* ． ！ ？ 。 */
		"\xef\xbd\xa1", "\xe2\x80\xa4", "\xef\xb9\x92", "\xd8\x9f", "\xdb\x94",	/* ｡ ․ ﹒ ؟ ۔ */
		"\xe0\xa5\xa4", "\xe2\x80\xbc",	/* । ‼ */
		"\xef\xbc\xa1", "\xef\xbd\x81", "\xef\xbc\x8c", "\xef\xbc\x9a",	/* Ａ ａ ， ： */
		"\xe3\x80\x8c", "\xe3\x80\x8d", "\xef\xbc\x88", "\xef\xbc\x89",	/* 「 」 （ ） */
		"\xf0\x9f\x98\x80", "\xf0\x9f\x91\x8d", "\xf0\x9f\x8f\xbd", "\xef\xb8\x8f",	/* emoji, skin tone, VS16 */
		"\xf0\x9d\x90\x80", "\xf0\x9d\x90\x9a", "\xf3\xa0\x80\x81",	/* math A, a; tag */
		"\xc2\xa0", "\xe2\x80\x89", "\xe3\x80\x80",	/* NBSP, thin space, ideographic */
		"\xe2\x80\xa8", "\xe2\x80\xa9", "\xc2\x85",	/* LS PS NEL: Sep */
		"\xef\xbf\xbd", "\xff", "\x80", "\xe2\x80", "\xc3", "\xed\xa0\x80",	/* bad UTF-8 */
	"\xf0\x9f\x98"};
	UErrorCode	status = U_ZERO_ERROR;
	UBreakIterator *bi = ubrk_open(UBRK_SENTENCE, "en", NULL, 0, &status);
	UText	   *ut = NULL;

	assert_true(U_SUCCESS(status));
	check_all_strings(bi, &ut, alphabet, sizeof(alphabet) / sizeof(alphabet[0]), 4);
	check_random_strings(bi, &ut, pieces, sizeof(pieces) / sizeof(pieces[0]), 40, 300000);
	/* a mark right where the scan resumes after 8 plain bytes (SB5, SB7) */
	for (uint32_t k = 0; k < 20; k++)
	{
		static const char tail[] = "e\xcc\x81.A e\xcc\x81. A";
		char		s[64];

		memset(s, 'x', k);
		memcpy(s + k, tail, sizeof(tail) - 1);
		check_boundaries(bi, &ut, s, k + sizeof(tail) - 1);
		s[k] = 'E';
		check_boundaries(bi, &ut, s, k + sizeof(tail) - 1);
	}
	utext_close(ut);
	ubrk_close(bi);
}

static const struct CMUnitTest doc_tests[] = {
	cmocka_unit_test(test_ascii_boundaries_match_icu),
	cmocka_unit_test(test_unicode_boundaries_match_icu),
	cmocka_unit_test(test_abbreviations_do_not_end_sentences),
	cmocka_unit_test(test_abbreviation_can_end_sentence),
	cmocka_unit_test(test_datelines_and_states),
	cmocka_unit_test(test_decimals_and_ellipses),
	cmocka_unit_test(test_closing_quote_stays_with_sentence),
	cmocka_unit_test(test_paragraphs_blank_lines),
	cmocka_unit_test(test_paragraphs_one_per_line),
	cmocka_unit_test(test_form_feed_breaks_paragraph),
	cmocka_unit_test(test_quote_marks_every_style),
	cmocka_unit_test(test_straight_quotes_by_context),
	cmocka_unit_test(test_apostrophes_are_not_quotes),
	cmocka_unit_test(test_token_kinds_and_flags),
	cmocka_unit_test(test_offsets_count_code_points),
	cmocka_unit_test(test_empty_and_blank),
	cmocka_unit_test(test_title_line_endings),
	cmocka_unit_test(test_lexicon_hash_index),
	cmocka_unit_test(test_lexicon_prefix_filter),
};

int
run_doc_tests(void)
{
	return cmocka_run_group_tests_name("document model", doc_tests, NULL, NULL);
}
