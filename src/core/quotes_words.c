/*
 * quotes_words.c
 *		Word classes of the quote extractor, from its two lexicons:
 *		quote_cues.txt (reporting verbs and nouns) and quote_words.txt
 *		(pronouns, determiners, words that end a speaker phrase, ...).
 */
#include "quotes_internal.h"
#include "lexicon_data.h"

/* Index in nc_q_wclass_code of each code letter, 0 for other bytes: no search */
static const uint8_t wclass_index[256] = {
	['m'] = 1, ['f'] = 2, ['n'] = 3, ['p'] = 4, ['i'] = 5, ['d'] = 6, ['s'] = 7,
	['x'] = 8, ['z'] = 9, ['r'] = 10, ['o'] = 11, ['c'] = 12, ['g'] = 13
};

/*
 * The classes of token tok from the lexicons, kept in the cache: what
 * nc_q_cue (wclass false) and nc_q_wclass do when the cache does not have
 * them yet.  Returns what it keeps, QCLS_CUE_ONLY | cue for the cue alone.
 */
uint8_t
nc_q_classes_lookup(const QCtx *cx, uint32_t tok, bool wclass)
{
	const NcDoc *doc = cx->doc;
	const NcLexEntry *e;
	uint8_t		known,
				cue = QC_NONE,
				wc = 0,
				res;

	if (tok >= doc->ntok)
		return 0;
	known = cx->cls[tok];
	if (known != QCLS_UNKNOWN)
		cue = known & 7;		/* only the function-word class is missing */
	if (doc->toks[tok].kind == NC_TK_WORD)
	{
		const char *p = nc_tok_ptr(doc, tok);
		uint32_t	len = nc_tok_len(doc, tok);
		bool		in_cues = false,
					in_words = false;
		uint32_t	h = 0;

		if (len > 0 && len < 64)
		{
			unsigned char f = nc_ascii_lower((unsigned char) p[0]),
						s = len > 1 ? nc_ascii_lower((unsigned char) p[1]) : 0,
						l = nc_ascii_lower((unsigned char) p[len - 1]);

			in_cues = known == QCLS_UNKNOWN &&
				nc_lex_may_hold(&nc_lex_quote_cues, f, s, l, len);
			in_words = wclass && nc_lex_may_hold(&nc_lex_quote_words, f, s, l, len);
		}
		/* lower-cased and hashed once for both lexicons, if either may hold it */
		if (in_cues || in_words)
			h = nc_lex_hash_lower(p, len);
		e = in_cues ? nc_lex_find_lower_hashed(&nc_lex_quote_cues, p, len, h) : NULL;
		if (e != NULL && e->value != NULL)
		{
			switch (e->value[0])
			{
				case 'v':
					cue = QC_VERB;
					break;
				case 'w':
					cue = QC_WEAK;
					break;
				case 'n':
					cue = QC_NOUN;
					break;
				case 'a':
					cue = QC_ACCORDING;
					break;
			}
		}
		e = in_words ? nc_lex_find_lower_hashed(&nc_lex_quote_words, p, len, h) : NULL;
		if (e != NULL && e->value != NULL)
			wc = wclass_index[(unsigned char) e->value[0]];
	}
	res = wclass ? (uint8_t) (cue | (wc << 3)) : (uint8_t) (QCLS_CUE_ONLY | cue);
	cx->cls[tok] = res;
	return res;
}

bool
nc_q_punct_is(const NcDoc *doc, uint32_t tok, char c)
{
	const NcToken *t;

	if (tok >= doc->ntok)
		return false;
	t = &doc->toks[tok];
	return t->kind == NC_TK_PUNCT && t->end - t->start == 1 && doc->text[t->start] == c;
}

bool
nc_q_sentence_final(const NcDoc *doc, uint32_t tok)
{
	const NcToken *t;
	unsigned char c;

	if (tok >= doc->ntok)
		return false;
	t = &doc->toks[tok];
	if (t->kind != NC_TK_PUNCT)
		return false;
	c = (unsigned char) doc->text[t->end - 1];
	if (c == '.' && t->end - t->start == 1 && tok > 0 && tok + 1 < doc->ntok &&
		doc->toks[tok - 1].kind == NC_TK_WORD && nc_tok_len(doc, tok - 1) <= 3 &&
		(doc->toks[tok - 1].flags & NC_TF_CAP) &&
		(nc_q_punct_is(doc, tok + 1, ',') || nc_q_punct_is(doc, tok + 1, ')')))
		return false;			/* "R-Ky.," and "(D-Wis.)": an abbreviation */
	return c == '.' || c == '!' || c == '?' || c == ';' ||
		(c == 0xA6 && t->end - t->start == 3);
}

bool
nc_q_is_dash(const NcDoc *doc, uint32_t tok)
{
	const NcToken *t;
	const unsigned char *p;

	if (tok >= doc->ntok)
		return false;
	t = &doc->toks[tok];
	p = (const unsigned char *) doc->text + t->start;
	if (t->kind != NC_TK_PUNCT)
		return false;
	if (p[0] == '-')
		return true;
	/* – — */
	return t->end - t->start == 3 && p[0] == 0xE2 && p[1] == 0x80 &&
		(p[2] == 0x93 || p[2] == 0x94);
}

uint64_t
nc_q_hash_lower(const char *s, uint32_t len)
{
	uint64_t	h = 1469598103934665603ULL;

	for (uint32_t i = 0; i < len; i++)
	{
		h ^= nc_ascii_lower((unsigned char) s[i]);
		h *= 1099511628211ULL;
	}
	return h;
}

bool
nc_q_title_cue(const NcDoc *doc, uint32_t tok)
{
	if (tok >= doc->ntok || doc->toks[tok].kind != NC_TK_WORD)
		return false;
	return nc_lex_find_lower(&nc_lex_quote_titles, nc_tok_ptr(doc, tok),
							 nc_tok_len(doc, tok)) != NULL;
}

/*
 * A headline: what the document model calls one, or a first paragraph
 * written in title case (headlines that end in a full stop).
 */
bool
nc_q_headline(const NcDoc *doc, uint32_t para)
{
	const NcParagraph *p = &doc->paras[para];
	uint32_t	first,
				end,
				words = 0,
				caps = 0;

	if (p->headline)
		return true;
	if (para != 0 || p->sent_end <= p->sent_first)
		return false;
	first = doc->sents[p->sent_first].tok_first;
	end = doc->sents[p->sent_end - 1].tok_end;
	if (end - first > 60)
		return false;
	for (uint32_t i = first; i < end; i++)
	{
		const NcToken *t = &doc->toks[i];

		if (t->kind != NC_TK_WORD || (t->flags & NC_TF_POSSESSIVE) || t->end - t->start < 4)
			continue;			/* short words: of, the, and, in */
		words++;
		if (t->flags & NC_TF_CAP)
			caps++;
	}
	return words >= 2 && words <= 25 && caps * 4 >= words * 3;
}
