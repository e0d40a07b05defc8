/*
 * ner_features.c
 *		Token view and hashed features of the entity tagger.
 *
 * This is the C half of tools/ner/nerspec.py (read its docstring for the
 * specification); every change must be made on both sides.
 */
#include <stddef.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "nc_chars.h"
#include "ner_internal.h"

#define FNV_OFF		UINT64_C(0xCBF29CE484222325)
#define FNV_PRIME	UINT64_C(0x100000001B3)

/* feature templates (nerspec.py T_*) */
enum
{
	T_BIAS = 1, T_W0, T_WM1, T_WP1, T_WM2, T_WP2,
	T_SH0, T_SHM1_SH0, T_SH0_SHP1, T_SUF2, T_SUF3, T_PRE3,
	T_CAPS, T_WM1_W0, T_W0_WP1,
	T_PT, T_PT2, T_PT_W0,
	T_GAZ0, T_GAZM1, T_GAZP1, T_PHR,
	T_LEN, T_PT_SH0,
	T_PHRM1 = 26, T_PHRP1, T_W0_CAP,
	T_RUNLAST, T_RUNFIRST, T_RUNGAZ, T_RUNLEN,
	T_MODE_CAPS, T_MODE_W0, T_DOC, T_CASEGZ
};

uint64_t
nc_ner_fnv(const char *s, size_t len)
{
	uint64_t	h = FNV_OFF;

	for (size_t i = 0; i < len; i++)
	{
		h ^= (unsigned char) s[i];
		h *= FNV_PRIME;
	}
	return h;
}

/*
 * A byte of a word key (byte): ASCII letters lower-cased, digits all '0';
 * and the ASCII letter class of every byte (cls).  One object, so that the
 * loop that reads both for every byte of a document holds one address.
 */
#define KB(c) ((c) >= 'A' && (c) <= 'Z' ? (c) + 32 : (c) >= '0' && (c) <= '9' ? '0' : (c))
#define KC_UPPER	1
#define KC_LOWER	2
#define KC_HIGH		4			/* not ASCII: maybe part of a U+2019 */
#define KC(c) ((c) >= 'A' && (c) <= 'Z' ? KC_UPPER : (c) >= 'a' && (c) <= 'z' ? KC_LOWER : \
			   (c) >= 0x80 ? KC_HIGH : 0)
static const struct
{
	unsigned char byte[256];
	unsigned char cls[256];
}			key_tab = {
	{NC_BYTE_TABLE(KB)},
	{NC_BYTE_TABLE(KC)}
};

/*
 * The shape class of a byte (tok_shape): X, x, d, the byte itself for other
 * ASCII (NUL too), u for a lead byte of a non-ASCII character, SC_SKIP for
 * a continuation byte.
 */
#define SC_SKIP		0x80
#define SC(c) ((c) >= 'A' && (c) <= 'Z' ? 'X' : (c) >= 'a' && (c) <= 'z' ? 'x' : \
			   (c) >= '0' && (c) <= '9' ? 'd' : (c) < 0x80 ? (c) : (c) >= 0xC0 ? 'u' : SC_SKIP)
static const unsigned char shape_class[256] = {
	NC_BYTE_TABLE(SC)
};

static inline uint64_t
fnv_step(uint64_t h, unsigned char c)
{
	return (h ^ c) * FNV_PRIME;
}

/*
 * The word key reads a right single quotation mark (U+2019, E2 80 99) as
 * an ASCII apostrophe ("I\u2019ve" = "I've"; nerspec.Tok.finish).  Byte k
 * of s[0..len) as the key sees it into *c; returns the bytes it takes.
 */
static inline uint32_t
key_at(const unsigned char *s, uint32_t len, uint32_t k, unsigned char *c)
{
	if (s[k] == 0xE2 && k + 2 < len && s[k + 1] == 0x80 && s[k + 2] == 0x99)
	{
		*c = '\'';
		return 3;
	}
	*c = s[k];
	return 1;
}

/* The same, reading backwards: the key byte that ends at e (> 0). */
static inline uint32_t
key_before(const unsigned char *s, uint32_t e, unsigned char *c)
{
	if (e >= 3 && s[e - 3] == 0xE2 && s[e - 2] == 0x80 && s[e - 1] == 0x99)
	{
		*c = '\'';
		return 3;
	}
	*c = s[e - 1];
	return 1;
}

/* how many key bytes s[0..len) has */
static uint32_t
key_len(const unsigned char *s, uint32_t len)
{
	uint32_t	n = 0;

	for (uint32_t k = 0; k < len; n++)
	{
		unsigned char c;

		k += key_at(s, len, k, &c);
	}
	return n;
}

/* FNV hash of the last n key bytes of s[0..len) */
static uint64_t
key_suffix(const unsigned char *s, uint32_t len, int n)
{
	unsigned char b[4];
	int			m = 0;
	uint32_t	e = len;
	uint64_t	p = FNV_OFF;

	while (e > 0 && m < n)
	{
		unsigned char c;

		e -= key_before(s, e, &c);
		b[m++] = c;
	}
	while (m > 0)
		p = fnv_step(p, key_tab.byte[b[--m]]);
	return p;
}

/* FNV hash of the key bytes of s[0..n) (no U+2019 among them) */
static inline uint64_t
key_hash(const unsigned char *s, uint32_t n)
{
	uint64_t	p = FNV_OFF;

	for (uint32_t k = 0; k < n; k++)
		p = fnv_step(p, key_tab.byte[s[k]]);
	return p;
}

/*
 * The affix hashes of the word key of token i into t, whose wh is set
 * (only a scored token needs them: nc_ner_tag leaves them to static_rows);
 * ascii: the token has no byte above 0x7F, so no U+2019.
 */
static void
tok_affixes(const NcDoc *doc, uint32_t i, NerTok *t, bool ascii)
{
	const NcToken *tk = &doc->toks[i];
	const unsigned char *s = (const unsigned char *) doc->text + tk->start;
	uint32_t	len = tk->end - tk->start;
	uint64_t	p = FNV_OFF;
	bool		curly = false;

	t->affix = 1;
	/* a quote mark's and a possessive's affixes are their (one) key */
	if (NC_TK_IS_QUOTE(tk->kind) || (tk->flags & NC_TF_POSSESSIVE))
	{
		t->suf2 = t->suf3 = t->pre3 = t->wh;
		return;
	}
	if (!ascii)
		for (uint32_t k = 0; k + 2 < len && !curly; k++)
			curly = s[k] == 0xE2 && s[k + 1] == 0x80 && s[k + 2] == 0x99;
	if (!curly)
	{
		/* a key of 3 bytes or fewer is its own prefix and suffix */
		if (len <= 3)
		{
			t->pre3 = t->suf3 = t->wh;
			t->suf2 = len <= 2 ? t->wh : key_hash(s + 1, 2);
		}
		else
		{
			t->pre3 = key_hash(s, 3);
			t->suf2 = key_hash(s + len - 2, 2);
			t->suf3 = key_hash(s + len - 3, 3);
		}
	}
	else
	{
		for (uint32_t k = 0, m = 0; k < len && m < 3; m++)
		{
			unsigned char c;

			k += key_at(s, len, k, &c);
			p = fnv_step(p, key_tab.byte[c]);
		}
		t->pre3 = p;
		t->suf2 = key_suffix(s, len, 2);
		t->suf3 = key_suffix(s, len, 3);
	}
}

/*
 * Every quote mark has the key and shape '"', every possessive ending the
 * key "'s" and shape "'x" (nerspec.Tok): their FNV-1a hashes, precomputed
 * (test_entities checks them against nc_ner_fnv).
 */
const uint64_t nc_ner_key_quote = UINT64_C(0xAF639F4C860184E5);
const uint64_t nc_ner_key_poss = UINT64_C(0x07BB4507B485D7AF);
const uint64_t nc_ner_shape_poss = UINT64_C(0x07BB4E07B485E6FA);

/*
 * nc_ner_fnv of the shape of s[0..len) (tok_shape); built twice, for ASCII
 * bytes only and for any.
 */
static inline __attribute__((always_inline)) uint64_t
shape_hash(const unsigned char *s, uint32_t len, bool ascii)
{
	uint64_t	h = FNV_OFF;
	int			ns = 0;
	unsigned char last = 0;

	for (uint32_t k = 0; k < len && ns < 8; k++)
	{
		unsigned char c = s[k];
		unsigned char cls = shape_class[c];

		if (!ascii && c == 0xE2 && k + 2 < len && s[k + 1] == 0x80 && s[k + 2] == 0x99)
		{
			cls = '\'';		/* U+2019 (key_at) */
			k += 2;
		}
		/* a UTF-8 continuation byte adds nothing */
		if ((ascii || cls != SC_SKIP) && cls != last)
		{
			h = fnv_step(h, cls);
			last = cls;
			ns++;
		}
	}
	return h;
}

/*
 * The shape hash of token i of doc into t->sh: the classes of its key
 * bytes (X, x, d, u for non-ASCII, the byte itself for ASCII punctuation),
 * runs collapsed, at most eight.  Only the tokens a scored token looks at
 * need it (static_rows, dyn_find).  ascii: as tok_affixes.
 */
static void
tok_shape(const NcDoc *doc, uint32_t i, NerTok *t, bool ascii)
{
	const NcToken *tk = &doc->toks[i];
	const unsigned char *s = (const unsigned char *) doc->text + tk->start;
	uint32_t	len = tk->end - tk->start;

	t->shaped = 1;
	if (NC_TK_IS_QUOTE(tk->kind))
		t->sh = nc_ner_key_quote;
	else if (tk->flags & NC_TF_POSSESSIVE)
		t->sh = nc_ner_shape_poss;
	else if (ascii)
		t->sh = shape_hash(s, len, true);
	else
		t->sh = shape_hash(s, len, false);
}

/*
 * The fields the tagger sets itself, cleared; not gbits, which the caller
 * sets, nor runfirst, runlast, runlen and rungz, which are read only when
 * runpos is set, and set with it.
 */
static inline void
tok_clear(NerTok *t)
{
	/* phr, affix, shaped and runpos, side by side: one or two stores */
	memset(&t->phr, 0, offsetof(NerTok, upper) - offsetof(NerTok, phr));
}

/*
 * The case view of a token by what decides it: the letters it has
 * (key_tab.cls's KC_UPPER, KC_LOWER), its flags NC_TF_CAP, NC_TF_ALLCAPS and
 * NC_TF_SENT_START, and whether it has 4 key bytes or more (VIEW_LONG).
 * Bits 0-15: the case view (ner_internal.h) of mode 0 but for the key
 * length; above, what the document pass needs of a word (VB_*).
 */
#define VIEW_FLAGS	(NC_TF_CAP | NC_TF_ALLCAPS | NC_TF_SENT_START)
#define VIEW_LONG	0x10
_Static_assert(((KC_UPPER | KC_LOWER) & VIEW_FLAGS) == 0 &&
			   ((KC_UPPER | KC_LOWER | VIEW_FLAGS) & VIEW_LONG) == 0 &&
			   (KC_UPPER | KC_LOWER | VIEW_FLAGS | VIEW_LONG) < 64,
			   "a case view index is 6 bits");
#define VB_WORD		(1u << 16)	/* wordish */
#define VB_CAP		(1u << 17)	/* wordish and capitalised */
#define VB_NOTALL	(1u << 18)	/* wordish, not all caps */
#define VB_LOW4		(1u << 19)	/* wordish, lower-case, 4 key bytes or more */
#define VB_LOWER_SHIFT 20		/* wordish, lower-case: NER_D_LOWER */
#define VB_CAPMID	(1u << 21)	/* wordish, capitalised, not sentence-initial */

#define V_CAP(i)	(((i) & NC_TF_CAP) != 0)
#define V_ALL(i)	(((i) & NC_TF_ALLCAPS) != 0)
#define V_SS(i)		(((i) & NC_TF_SENT_START) != 0)
#define V_UP(i)		(((i) & KC_UPPER) != 0)
#define V_WORD(i)	(V_CAP(i) | V_ALL(i) | V_UP(i) | (((i) & KC_LOWER) != 0))
#define V_LOW(i)	(V_WORD(i) & !V_CAP(i) & !V_ALL(i))
#define VIEW(i) ((uint32_t) ((V_CAP(i) | V_UP(i)) | V_WORD(i) << 1 | \
	(V_CAP(i) | V_ALL(i) << 1 | V_SS(i) << 2 | (V_UP(i) & !V_CAP(i)) << 3) << 2 | \
	V_ALL(i) << 10) | \
	(V_WORD(i) ? VB_WORD : 0) | (V_WORD(i) & V_CAP(i) ? VB_CAP : 0) | \
	(V_WORD(i) & !V_ALL(i) ? VB_NOTALL : 0) | \
	(V_LOW(i) & (((i) & VIEW_LONG) != 0) ? VB_LOW4 : 0) | \
	(uint32_t) (V_LOW(i) ? NER_D_LOWER : 0) << VB_LOWER_SHIFT | \
	(V_WORD(i) & V_CAP(i) & !V_SS(i) ? VB_CAPMID : 0))
static const uint32_t view_tab[64] = {
	NC_BYTES64(VIEW, 0)
};
#undef VIEW
#undef V_LOW
#undef V_WORD
#undef V_UP
#undef V_SS
#undef V_ALL
#undef V_CAP

/*
 * The case view of token i (view_tab) with its key length and
 * NER_CASE_NONASCII, and its word-key hash into *wh: the document pass,
 * for every token.
 */
static inline __attribute__((always_inline)) uint32_t
tok_view(const NcDoc *doc, uint32_t i, uint64_t *wh)
{
	const NcToken *tk = &doc->toks[i];
	const unsigned char *s = (const unsigned char *) doc->text + tk->start;
	uint32_t	len = tk->end - tk->start;
	uint32_t	flags = tk->flags;
	unsigned	seen = 0;

	if (NC_TK_IS_QUOTE(tk->kind) || (flags & NC_TF_POSSESSIVE))
	{
		/*
		 * one key for every quote mark, one for every possessive ending;
		 * not capitalised, not wordish
		 */
		*wh = NC_TK_IS_QUOTE(tk->kind) ? nc_ner_key_quote : nc_ner_key_poss;
		len = key_len(s, len);
		flags &= NC_TF_SENT_START;
	}
	else
	{
		uint64_t	h = FNV_OFF;

		/* by table, no branch on the letters: this runs for every token */
		for (uint32_t k = 0; k < len; k++)
		{
			seen |= key_tab.cls[s[k]];
			h = fnv_step(h, key_tab.byte[s[k]]);
		}
		if (seen & KC_HIGH)
		{
			/* again, reading U+2019 as an apostrophe (key_at) */
			uint32_t	nkey = 0;

			h = FNV_OFF;
			for (uint32_t k = 0; k < len; nkey++)
			{
				unsigned char c;

				k += key_at(s, len, k, &c);
				h = fnv_step(h, key_tab.byte[c]);
			}
			len = nkey;
		}
		*wh = h;
	}
	return view_tab[(seen & (KC_UPPER | KC_LOWER)) | (flags & VIEW_FLAGS) |
					(len >= 4 ? VIEW_LONG : 0)] |
		(len < 15 ? len : 15) << 6 | ((seen & KC_HIGH) ? NER_CASE_NONASCII : 0);
}

/* Only wh, upper and lenc of t. */
static inline void
tok_case(const NcDoc *doc, uint32_t i, NerTok *t)
{
	uint32_t	v = tok_view(doc, i, &t->wh);

	t->upper = v & 1;
	t->lenc = (v >> 6) & 31;
}

void
nc_ner_tok(const NcDoc *doc, uint32_t i, NerTok *t)
{
	tok_case(doc, i, t);
	tok_clear(t);
	t->gbits = 0;
	tok_shape(doc, i, t, false);
	tok_affixes(doc, i, t, false);
}

/* the doc-case table (below) */
static bool doc_case_add_new(const NerModel *m, NerDocCase *dc, uint64_t key,
							 uint32_t slot, uint8_t bits, uint32_t *id);

/*
 * Word wh into dc with its case bits, its id into *id; false when out of
 * memory.  A word seen before is the common case: no call, no room needed.
 * The word of hash 0 (never seen in practice) is id 0, words[0] = 0,
 * outside the table, whose empty slots are 0.
 */
static inline bool
doc_case_add_id(const NerModel *m, NerDocCase *dc, uint64_t wh, uint8_t bits,
				uint32_t *id)
{
	uint32_t	i = (uint32_t) (wh >> 37) & dc->mask;

	if (wh == 0)
	{
		*id = 0;
		dc->wbits[0] |= bits;
		return true;
	}
	while (dc->keys[i] != 0)
	{
		if (dc->keys[i] == wh)
		{
			*id = dc->ids[i];
			dc->wbits[*id] |= bits;
			return true;
		}
		i = (i + 1) & dc->mask;
	}
	return doc_case_add_new(m, dc, wh, i, bits, id);
}

bool
nc_ner_doc_pass(const NerModel *m, const NcDoc *doc, uint32_t first, uint32_t end,
				NerTok *scratch, NerDocCase *dc, uint32_t *wid, uint16_t *tcase)
{
	uint32_t	n = end - first;
	uint32_t	nw = 0,
				ncap = 0,
				any = 0,
				ncand = 0;
	int			mode;

	/*
	 * The views, each word with its id and NER_D_LOWER, and the counts of
	 * the sentence's mode (nerspec sentence_mode), without branches: word
	 * and case change from token to token.  NER_D_CAPMID needs the mode:
	 * the ids of its candidates wait in scratch[0..ncand).wh.
	 */
	for (uint32_t i = 0; i < n; i++)
	{
		uint64_t	wh;
		uint32_t	v = tok_view(doc, first + i, &wh);
		uint32_t	id;

		tcase[i] = (uint16_t) v;
		nw += (v & VB_WORD) != 0;
		ncap += (v & VB_CAP) != 0;
		any |= v;
		if (!doc_case_add_id(m, dc, wh, (uint8_t) (v >> VB_LOWER_SHIFT & NER_D_LOWER), &id))
			return false;
		wid[i] = id;
		scratch[ncand].wh = id;
		ncand += (v & VB_CAPMID) != 0;
	}
	/* all caps: every wordish token is */
	if (nw >= 3 && !(any & VB_NOTALL))
		mode = 2;
	/* title case: no lower-case word of 4 letters or more */
	else if (nw >= 3 && ncap >= 3 && !(any & VB_LOW4))
		mode = 1;
	else
		mode = 0;
	if (mode == 0)
		for (uint32_t k = 0; k < ncand; k++)
			dc->wbits[scratch[k].wh] |= NER_D_CAPMID;
	else
		for (uint32_t i = 0; i < n; i++)
			tcase[i] = (uint16_t) (tcase[i] | (uint32_t) mode << 11);
	return true;
}

/*
 * FNV-1a hashes of the words that join two capitalised words into one run
 * (nerspec.CONNECT: of and for & - de the upon von van der al du la da del
 * bin), precomputed; test_entities checks them against nc_ner_fnv.
 */
const uint64_t nc_ner_connectors[NER_NCONNECT] = {
	UINT64_C(0x08B06007B5567108), UINT64_C(0xE6F79719051FF286),
	UINT64_C(0xDCB27818FED9DA90), UINT64_C(0xAF639B4C86017E19),
	UINT64_C(0xAF63A04C86018698), UINT64_C(0x08915307B53BAA62),
	UINT64_C(0x56F5C9194461D57C), UINT64_C(0x63941BE3F4966669),
	UINT64_C(0x68FD24194ECB52F4), UINT64_C(0x690424194ED171A2),
	UINT64_C(0xCA9A2618F461F930), UINT64_C(0x089C3607B54580A0),
	UINT64_C(0x08914307B53B8F32), UINT64_C(0x08AD3F07B554031E),
	UINT64_C(0x08914F07B53BA396), UINT64_C(0xCA9A2418F461F5CA),
	UINT64_C(0x00541819134FDE3E)
};

/*
 * The capitalised run from toks[i] (upper) on: its tokens' run fields;
 * returns the token after it.
 */
static uint32_t
run_at(NerTok *toks, uint32_t n, uint32_t i)
{
	const uint64_t *conn = nc_ner_connectors;
	uint32_t	j = i,
				len;

	for (;;)
	{
		if (j + 1 < n && toks[j + 1].upper)
			j++;
		else if (j + 2 < n && toks[j + 2].upper)
		{
			bool		c = false;

			for (size_t k = 0; k < NER_NCONNECT; k++)
				if (toks[j + 1].wh == conn[k])
					c = true;
			if (!c)
				break;
			j += 2;
		}
		else
			break;
	}
	len = j - i + 1;
	for (uint32_t k = i; k <= j; k++)
	{
		NerTok	   *t = &toks[k];

		t->runpos = (uint8_t) (i == j ? 4 : k == i ? 1 : k == j ? 3 : 2);
		t->runfirst = toks[i].wh;
		t->runlast = toks[j].wh;
		t->rungz = (uint8_t) (toks[j].gbits & NER_G_WORDMASK);
		t->runlen = (uint8_t) (len < 6 ? len : 6);
	}
	return j + 1;
}

/*
 * The phrase code of the longest gazetteer phrase from toks[i] (upper) on,
 * if any, into its tokens; returns the token after it, or i + 1.
 */
static uint32_t
phrase_at(const NerModel *m, NerTok *toks, uint32_t n, uint32_t i)
{
	uint64_t	ph = nc_ner_mix(NER_PH_SEED ^ toks[i].wh);
	uint16_t	v = toks[i].gbits;
	uint32_t	j = i,
				best = 0;
	uint16_t	bestbits = 0;

	for (;;)
	{
		if (v & NER_G_FULLMASK)
		{
			best = j - i + 1;
			bestbits = v & NER_G_FULLMASK;
		}
		if (!(v & NER_G_PREFIX) || j + 1 >= n || j + 1 - i >= NER_MAXPHRASE)
			break;
		j++;
		ph = nc_ner_mix(ph ^ toks[j].wh);
		v = nc_ner_gaz(m, ph);
	}
	if (!best)
		return i + 1;
	for (uint32_t k = i; k < i + best; k++)
		toks[k].phr = (uint16_t) ((((bestbits >> 8) << 1) | (k == i ? 1 : 0)) + 1);
	return i + best;
}

/*
 * Bit k: tcase[base + k] (base < n) is capitalised, for the eight case
 * views from base on that are below n; by their upper bits (the sign after
 * a shift, packed to bytes).  Three tokens in four are not capitalised:
 * they are passed over eight by eight.
 */
static inline unsigned
caps8(const uint16_t *tcase, uint32_t base, uint32_t n)
{
	unsigned	caps = 0;

#ifdef __SSE2__
	if (base + 8 <= n)
	{
		__m128i		v = _mm_slli_epi16(_mm_loadu_si128((const __m128i *) (tcase + base)), 15);

		return (unsigned) _mm_movemask_epi8(_mm_packs_epi16(v, v)) & 0xFF;
	}
#endif
	for (uint32_t k = 0; k < 8 && base + k < n; k++)
		caps |= (unsigned) (tcase[base + k] & 1) << k;
	return caps;
}

/* the first capitalised token of [from, n), or n */
static inline uint32_t
next_cap(const uint16_t *tcase, uint32_t from, uint32_t n)
{
	for (uint32_t base = from; base < n; base += 8)
	{
		unsigned	caps = caps8(tcase, base, n);

		if (caps)
			return base + (uint32_t) __builtin_ctz(caps);
	}
	return n;
}

/*
 * Phrase codes and capitalised runs of toks[0..n), whose word bits are
 * set: both start only at capitalised tokens, found in one scan of the
 * case views.
 */
static void
caps_pass(const NerModel *m, NerTok *toks, uint32_t n, const uint16_t *tcase)
{
	uint32_t	phr_next = 0,
				run_next = 0;

	for (uint32_t base = 0; base < n; base += 8)
	{
		unsigned	caps = caps8(tcase, base, n);

		for (; caps; caps &= caps - 1)
		{
			uint32_t	i = base + (uint32_t) __builtin_ctz(caps);

			if (i >= phr_next)
				phr_next = phrase_at(m, toks, n, i);
			if (i >= run_next)
				run_next = run_at(toks, n, i);
		}
	}
}

static bool
doc_case_alloc(NerDocCase *dc, uint32_t cap)
{
	dc->keys = nc_alloc(dc->env, (size_t) cap * sizeof(uint64_t));
	dc->ids = nc_alloc(dc->env, (size_t) cap * sizeof(uint32_t));
	if (!dc->keys || !dc->ids)
		return false;
	memset(dc->keys, 0, (size_t) cap * sizeof(uint64_t));
	dc->mask = cap - 1;
	dc->grow_at = cap / 4 * 3;
	return true;
}

bool
nc_ner_doc_case_init(const NcEnv *env, NerDocCase *dc, uint32_t ntok)
{
	uint32_t	cap = 64;

	/*
	 * distinct words are far fewer than tokens (about half in news): start
	 * small, grow; a table that grows now and then costs less than clearing
	 * a larger one for every document
	 */
	while (cap < 4096 && cap < (uint64_t) ntok * 3 / 4 + 16)
		cap <<= 1;
	dc->env = env;
	dc->count = 0;
	dc->words = NULL;
	dc->wordcap = 0;
	dc->wbits = NULL;
	dc->wbitscap = 0;
	dc->wgz = NULL;
	dc->wgzcap = 0;
	if (!nc_reserve(env, (void **) &dc->words, &dc->wordcap, cap, sizeof(uint64_t)) ||
		!nc_reserve(env, (void **) &dc->wbits, &dc->wbitscap, cap, 1) ||
		!nc_reserve(env, (void **) &dc->wgz, &dc->wgzcap, cap, sizeof(uint16_t)))
		return false;
	dc->room = cap;
	dc->words[0] = 0;			/* id 0: no word */
	dc->wbits[0] = 0;
	dc->wgz[0] = 0;
	dc->nwords = 1;
	return doc_case_alloc(dc, cap);
}

/* key wh (not 0, not in the table) into the table with its id */
static void
doc_case_put(NerDocCase *dc, uint64_t wh, uint32_t id)
{
	uint32_t	i = (uint32_t) (wh >> 37) & dc->mask;

	while (dc->keys[i] != 0)
		i = (i + 1) & dc->mask;
	dc->keys[i] = wh;
	dc->ids[i] = id;
	dc->count++;
}

/*
 * Room for one more word: its lists, and the table, grown at 3/4; false
 * when out of memory.  *grown: the table was rebuilt (its slots moved).
 * dc->room and dc->grow_at make the common case (room for both) two
 * tests.
 */
static bool
doc_case_room(NerDocCase *dc, bool *grown)
{
	uint32_t	need = dc->nwords + 1;

	*grown = false;
	if (need > dc->room)
	{
		if (!nc_reserve(dc->env, (void **) &dc->words, &dc->wordcap, need, sizeof(uint64_t)) ||
			!nc_reserve(dc->env, (void **) &dc->wbits, &dc->wbitscap, need, 1) ||
			!nc_reserve(dc->env, (void **) &dc->wgz, &dc->wgzcap, need, sizeof(uint16_t)))
			return false;
		dc->room = dc->wordcap < dc->wbitscap ? dc->wordcap : dc->wbitscap;
		if (dc->wgzcap < dc->room)
			dc->room = dc->wgzcap;
	}
	if (dc->count + 1 > dc->grow_at)
	{
		NerDocCase	old = *dc;

		if (dc->mask >= (UINT32_C(1) << 31) - 1 ||
			!doc_case_alloc(dc, (dc->mask + 1) * 2))
		{
			dc->keys = old.keys;
			dc->ids = old.ids;
			dc->mask = old.mask;
			dc->grow_at = old.grow_at;
			return false;
		}
		dc->count = 0;
		for (uint32_t k = 0; k <= old.mask; k++)
			if (old.keys[k] != 0)
				doc_case_put(dc, old.keys[k], old.ids[k]);
		nc_release(dc->env, old.keys, (size_t) (old.mask + 1) * sizeof(uint64_t));
		nc_release(dc->env, old.ids, (size_t) (old.mask + 1) * sizeof(uint32_t));
		*grown = true;
	}
	return true;
}

/* the gazetteer bits of the word of id whose slot key gazkey[] holds */
static inline void
doc_case_gaz(const NerModel *m, NerDocCase *dc, uint32_t id)
{
	dc->wgz[id] = nc_ner_gaz(m, dc->gazkey[id % NER_GAZ_AHEAD]);
}

/*
 * A word not in the table yet (doc_case_add_id), key at empty slot slot;
 * its gazetteer slot prefetched, and the bits of the word NER_GAZ_AHEAD
 * before it read.
 */
static bool
doc_case_add_new(const NerModel *m, NerDocCase *dc, uint64_t key, uint32_t slot,
				 uint8_t bits, uint32_t *id)
{
	uint32_t	nid = dc->nwords;
	uint64_t	g = nc_ner_mix(NER_PH_SEED ^ key);
	bool		grown;

	__builtin_prefetch(&m->gaz[g >> (64 - m->gbits)]);
	if (!doc_case_room(dc, &grown))
		return false;
	if (grown)
		doc_case_put(dc, key, nid);
	else
	{
		dc->keys[slot] = key;
		dc->ids[slot] = nid;
		dc->count++;
	}
	dc->words[nid] = key;
	dc->wbits[nid] = bits;
	if (nid > NER_GAZ_AHEAD)
		doc_case_gaz(m, dc, nid - NER_GAZ_AHEAD);
	dc->gazkey[nid % NER_GAZ_AHEAD] = g;
	*id = nid;
	dc->nwords++;
	return true;
}

void
nc_ner_doc_case_free(NerDocCase *dc)
{
	nc_release(dc->env, dc->keys, (size_t) (dc->mask + 1) * sizeof(uint64_t));
	nc_release(dc->env, dc->ids, (size_t) (dc->mask + 1) * sizeof(uint32_t));
	nc_release(dc->env, dc->words, (size_t) dc->wordcap * sizeof(uint64_t));
	nc_release(dc->env, dc->wbits, (size_t) dc->wbitscap);
	nc_release(dc->env, dc->wgz, (size_t) dc->wgzcap * sizeof(uint16_t));
	dc->wgz = NULL;
	dc->wgzcap = 0;
	dc->room = 0;
	dc->wbits = NULL;
	dc->keys = NULL;
	dc->ids = NULL;
	dc->words = NULL;
	dc->mask = 0;
	dc->count = 0;
}

void
nc_ner_doc_case_index(const NerModel *m, NerDocCase *dc)
{
	/* id 0 has the bits of the empty key (words[0]) */
	dc->wgz[0] = nc_ner_gaz(m, nc_ner_mix(NER_PH_SEED ^ dc->words[0]));
	/* the words the document pass left in flight */
	for (uint32_t id = dc->nwords > NER_GAZ_AHEAD + 1 ? dc->nwords - NER_GAZ_AHEAD : 1;
		 id < dc->nwords; id++)
		doc_case_gaz(m, dc, id);
}

/* one sentence being tagged */
typedef struct NerSent
{
	const NerModel *m;
	const NcDoc *doc;
	uint32_t	first;			/* doc token of toks[0] */
	NerTok	   *toks;
	uint32_t	n;
	int			mode;
	/* the document pass's, for the tokens scored and their neighbours */
	const NerDocCase *dc;
	const uint32_t *wid;
	const uint16_t *tcase;
} NerSent;

/* the capitalisation pattern of toks[i] (its case view's capcode) */
static inline uint32_t
sent_capcode(const NerSent *S, uint32_t i)
{
	return (S->tcase[i] >> 2) & 15;
}

/* toks[i] has no byte above 0x7F */
static inline bool
sent_ascii(const NerSent *S, uint32_t i)
{
	return !(S->tcase[i] & NER_CASE_NONASCII);
}

/*
 * Weight rows of the static features of toks[i] (nerspec.py's templates)
 * into rows (prefetched); returns how many.  The features of a small set
 * of values come from the model's row table, only those of words, shapes
 * and affixes are hashed; test_entities checks the scores against the
 * trainer's, token for token.  rows is restrict: with -fno-strict-aliasing
 * GCC would otherwise read the model's bitmap, rank and weights and the
 * tokens' fields again after every row it stores.
 */
NER_HOT static int
static_rows(const NerSent *S, uint32_t i, const int16_t **restrict rows)
{
	const NerModel *m = S->m;
	const NerRowTab *rt = m->rt;
	const NerTok *toks = S->toks;
	const NerTok *t = &toks[i];
	uint32_t	n = S->n;
	int			mode = S->mode;
	const uint64_t hb = NER_H_BOS,
				he = NER_H_EOS;
	size_t		nr = 0;
	int			shift = 64 - (int) m->wbits;
	uint64_t	wm1,
				wm2,
				wp1,
				wp2,
				shm1,
				shp1;
	uint32_t	ccm1,
				ccp1,
				cc,
				caps,
				wb;

/* a row, prefetched (it may span two lines) */
#define ADD(row) \
	do { \
		const int16_t *r_ = (row); \
		__builtin_prefetch(r_); \
		__builtin_prefetch(r_ + NER_NLAB - 1); \
		rows[nr++] = r_; \
	} while (0)
/* the row of a feature of the row table, if it has one */
#define PUT(row) \
	do { \
		const int16_t *p_ = (row); \
		if (p_) \
			ADD(p_); \
	} while (0)
/* the row of a hashed feature, if its bucket has one (one test) */
#define HASHED(tid, a, b) \
	do { \
		uint64_t	b_ = nc_ner_fh((tid), (a), (b)) >> shift; \
		uint64_t	y_ = nc_ner_bucket_bits(m, b_); \
		if (y_ >> 63) \
			ADD(nc_ner_bucket_row(m, b_, y_)); \
	} while (0)

	if (!t->affix)
		tok_affixes(S->doc, S->first + i, &S->toks[i], sent_ascii(S, i));
	for (uint32_t j = i > 0 ? i - 1 : 0; j <= i + 1 && j < n; j++)
		if (!toks[j].shaped)
			tok_shape(S->doc, S->first + j, &S->toks[j], sent_ascii(S, j));
	wm1 = i >= 1 ? toks[i - 1].wh : hb;
	wm2 = i >= 2 ? toks[i - 2].wh : hb;
	wp1 = i + 1 < n ? toks[i + 1].wh : he;
	wp2 = i + 2 < n ? toks[i + 2].wh : he;
	shm1 = i >= 1 ? toks[i - 1].sh : hb;
	shp1 = i + 1 < n ? toks[i + 1].sh : he;
	cc = sent_capcode(S, i);
	ccm1 = i >= 1 ? sent_capcode(S, i - 1) : 15;
	ccp1 = i + 1 < n ? sent_capcode(S, i + 1) : 15;
	caps = ccm1 | cc << 4 | ccp1 << 8;

	/* hashed: words, shapes, affixes */
	HASHED(T_W0, t->wh, 0);
	HASHED(T_WM1, wm1, 0);
	HASHED(T_WP1, wp1, 0);
	HASHED(T_WM2, wm2, 0);
	HASHED(T_WP2, wp2, 0);
	HASHED(T_SH0, t->sh, 0);
	HASHED(T_SHM1_SH0, shm1, t->sh);
	HASHED(T_SH0_SHP1, t->sh, shp1);
	HASHED(T_SUF2, t->suf2, 0);
	HASHED(T_SUF3, t->suf3, 0);
	HASHED(T_PRE3, t->pre3, 0);
	HASHED(T_WM1_W0, wm1, t->wh);
	HASHED(T_W0_WP1, t->wh, wp1);
	HASHED(T_W0_CAP, t->wh, cc);
	if (t->runpos)
	{
		HASHED(T_RUNLAST, t->runlast, t->runpos);
		HASHED(T_RUNFIRST, t->runfirst, t->runpos);
	}
	if (mode)
		HASHED(T_MODE_W0, t->wh, (uint64_t) mode);

	/* from the row table */
	PUT(rt->bias);
	PUT(rt->caps[caps]);
	PUT(rt->len[(S->tcase[i] >> 6) & 31]);
	for (wb = t->gbits & NER_G_WORDMASK; wb; wb &= wb - 1)
		PUT(rt->gaz[0][__builtin_ctz(wb)]);
	if (i >= 1)
		for (wb = toks[i - 1].gbits & NER_G_WORDMASK; wb; wb &= wb - 1)
			PUT(rt->gaz[1][__builtin_ctz(wb)]);
	if (i + 1 < n)
		for (wb = toks[i + 1].gbits & NER_G_WORDMASK; wb; wb &= wb - 1)
			PUT(rt->gaz[2][__builtin_ctz(wb)]);
	if (t->runpos)
	{
		PUT(rt->rungaz[(uint32_t) t->rungz << 3 | t->runpos]);
		PUT(rt->runlen[(uint32_t) t->runlen << 3 | t->runpos]);
	}
	if (t->phr)
		PUT(rt->phr[0][t->phr]);
	if (i >= 1 && toks[i - 1].phr)
		PUT(rt->phr[1][toks[i - 1].phr]);
	if (i + 1 < n && toks[i + 1].phr)
		PUT(rt->phr[2][toks[i + 1].phr]);
	if (mode)
		PUT(rt->mode_caps[mode - 1][caps]);
	if (t->upper)
	{
		uint32_t	cm = cc | (uint32_t) mode << 4;
		uint32_t	dcase = S->dc->wbits[S->wid[i]] & 3;

		PUT(rt->doc[dcase][cm]);
		PUT(rt->casegz[((t->gbits >> 6) & 3) | dcase << 2][cm]);
	}
#undef HASHED
#undef PUT
#undef ADD
	return (int) nr;
}

/*
 * The scores of the nine labels as they are summed: labels 0-3 and 4-7 in
 * two vectors of 32-bit sums (SSE2 is part of x86-64), label 8 on its own;
 * passed by value from the rows to the beam's keys, so that they stay in
 * registers.
 */
typedef struct LabSum
{
#ifdef __SSE2__
	__m128i		lo,
				hi;
	int32_t		s8;
#else
	int32_t		s[NER_NLAB];
#endif
} LabSum;

static inline LabSum
labsum_zero(void)
{
	LabSum		a;

#ifdef __SSE2__
	a.lo = _mm_setzero_si128();
	a.hi = _mm_setzero_si128();
	a.s8 = 0;
#else
	memset(a.s, 0, sizeof(a.s));
#endif
	return a;
}

/* sc[0..NER_NLAB) = the sums of a */
static inline void
labsum_store(LabSum a, int32_t *sc)
{
#ifdef __SSE2__
	_mm_storeu_si128((__m128i *) sc, a.lo);
	_mm_storeu_si128((__m128i *) (sc + 4), a.hi);
	sc[8] = a.s8;
#else
	memcpy(sc, a.s, sizeof(a.s));
#endif
}

/* the row of a feature without weights where a row must be given */
static const int16_t zero_row[NER_NLAB];

/*
 * a plus the rows.  Labels 0-7 of a row are one 16-byte load; two rows at
 * a time are interleaved and summed pairwise by multiply-add with ones,
 * exactly; label 8 on its own.
 */
static inline LabSum
add_rows(LabSum a, const int16_t *const *r, int nr)
{
#if NER_NLAB != 9
#error "add_rows assumes nine labels"
#endif
#ifdef __SSE2__
	const __m128i ones = _mm_set1_epi16(1);
	int			k = 0;

	for (; k + 1 < nr; k += 2)
	{
		__m128i		x = _mm_loadu_si128((const __m128i *) r[k]),
					y = _mm_loadu_si128((const __m128i *) r[k + 1]);

		a.lo = _mm_add_epi32(a.lo, _mm_madd_epi16(_mm_unpacklo_epi16(x, y), ones));
		a.hi = _mm_add_epi32(a.hi, _mm_madd_epi16(_mm_unpackhi_epi16(x, y), ones));
		a.s8 += r[k][8] + r[k + 1][8];
	}
	if (k < nr)
	{
		__m128i		x = _mm_loadu_si128((const __m128i *) r[k]),
					z = _mm_setzero_si128();

		a.lo = _mm_add_epi32(a.lo, _mm_madd_epi16(_mm_unpacklo_epi16(x, z), ones));
		a.hi = _mm_add_epi32(a.hi, _mm_madd_epi16(_mm_unpackhi_epi16(x, z), ones));
		a.s8 += r[k][8];
	}
#else
	for (int k = 0; k < nr; k++)
		for (int l = 0; l < NER_NLAB; l++)
			a.s[l] += r[k][l];
#endif
	return a;
}

/*
 * May label follow label pt (nerspec.allowed)?  O and B-X anywhere, I-X
 * only after B-X or I-X.
 */
#define NER_ALLOWED(label, pt) \
	((label) == 0 || ((label) & 1) || (pt) == (label) - 1 || (pt) == (label))

static inline bool
allowed(int label, int pt)
{
	return NER_ALLOWED(label, pt);
}

/*
 * The rows of the features of one token that pair it with the previous
 * label (T_PT_W0, T_PT_SH0), found once per label however many hypotheses
 * share it, and found early (prefetched) while the token before is scored.
 */
typedef struct DynRows
{
	const int16_t *w0[NER_START + 1];
	const int16_t *sh0[NER_START + 1];
	uint32_t	have;			/* bit pt: w0[pt], sh0[pt] are set */
} DynRows;

/* always inlined: an out-of-line copy would miss the popcnt build of its callers */
static inline __attribute__((always_inline)) void
dyn_find(const NerModel *m, const NerTok *t, int pt, DynRows *d)
{
	int			shift = 64 - (int) m->wbits;
	const int16_t *a = nc_ner_weights(m, nc_ner_fh(T_PT_W0, t->wh, (uint64_t) pt) >> shift);
	const int16_t *b = nc_ner_weights(m, nc_ner_fh(T_PT_SH0, t->sh, (uint64_t) pt) >> shift);

	if (a)
		__builtin_prefetch(a);
	if (b)
		__builtin_prefetch(b);
	d->w0[pt] = a ? a : zero_row;
	d->sh0[pt] = b ? b : zero_row;
	d->have |= (uint32_t) 1 << pt;
}

/*
 * a plus the rows that pair token t with the previous labels pt, pt2, from
 * d (always inlined, as dyn_find); a missing one is zero_row, so always
 * four rows, two pairs, no test.
 */
static inline __attribute__((always_inline)) LabSum
add_dynamic_rows(const NerModel *m, const NerTok *t, int pt, int pt2,
				 DynRows *d, LabSum a)
{
	const int16_t *w[4];

	if (!(d->have & ((uint32_t) 1 << pt)))
		dyn_find(m, t, pt, d);
	w[0] = m->pt_rows[pt];
	w[1] = m->pt2_rows[pt2 * (NER_START + 1) + pt];
	w[2] = d->w0[pt];
	w[3] = d->sh0[pt];
	return add_rows(a, w, 4);
}

/*
 * sc[0..NER_NLAB) = the scores of token t after labels pt2, pt, from its
 * static rows: what greedy decoding picks from, and what the beam reports
 * along its best path (not inlined: the beam's hot loop does without it;
 * built twice, as its callers, for dyn_find's lookups).
 */
NER_HOT static __attribute__((noinline)) void
score_token(const NerModel *m, const NerTok *t, int pt, int pt2,
			const int16_t *const *rows, int nr, int32_t *sc)
{
	DynRows		d;

	d.have = 0;
	labsum_store(add_dynamic_rows(m, t, pt, pt2, &d, add_rows(labsum_zero(), rows, nr)),
				 sc);
}

/* Greedy decoding (beam width 1) of toks[0..n) (prepared). */
NER_HOT static void
tag_greedy(const NerSent *S, uint8_t *labels, int32_t *scores)
{
	const NerModel *m = S->m;
	const NerTok *toks = S->toks;
	uint32_t	n = S->n;
	int			pt = NER_START,
				pt2 = NER_START;
	const int16_t *rows[2][64];
	int			nrows[2] = {0, 0};

	/*
	 * Software pipeline: the static rows of the next capitalised token are
	 * found and prefetched before the current token is scored, so the
	 * cache misses on the weights overlap.
	 */
	if (n > 0 && toks[0].upper)
		nrows[0] = static_rows(S, 0, rows[0]);
	for (uint32_t i = 0; i < n; i++)
	{
		const NerTok *t = &toks[i];
		int			lab = 0;
		int			cur = (int) (i & 1);

		if (scores)
			for (int k = 0; k < NER_NLAB; k++)
				scores[(size_t) i * NER_NLAB + k] = 0;
		if (!t->upper && pt != 0 && pt != NER_START)
			nrows[cur] = static_rows(S, i, rows[cur]);
		if (i + 1 < n && toks[i + 1].upper)
			nrows[cur ^ 1] = static_rows(S, i + 1, rows[cur ^ 1]);
		if (t->upper || (pt != 0 && pt != NER_START))
		{
			int32_t		sc[NER_NLAB];
			int32_t		best;

			score_token(m, t, pt, pt2, rows[cur], nrows[cur], sc);
			best = sc[0];
			for (int l = 1; l < NER_NLAB; l++)
				if (allowed(l, pt) && sc[l] > best)
				{
					best = sc[l];
					lab = l;
				}
			if (scores)
				for (int k = 0; k < NER_NLAB; k++)
					scores[(size_t) i * NER_NLAB + k] = sc[k];
		}
		labels[i] = (uint8_t) lab;
		pt2 = pt;
		pt = lab;
	}
}

/* once per process (ner_model.c): no need of the popcnt build */
void
nc_ner_model_rows(NerModel *m, NerRowTab *rt)
{
	int			shift = 64 - (int) m->wbits;

#define ROW(tid, a, b) nc_ner_weights(m, nc_ner_fh((tid), (uint64_t) (a), (uint64_t) (b)) >> shift)
	for (int pt = 0; pt <= NER_START; pt++)
	{
		const int16_t *r = ROW(T_PT, pt, 0);

		m->pt_rows[pt] = r ? r : zero_row;
		for (int pt2 = 0; pt2 <= NER_START; pt2++)
		{
			r = ROW(T_PT2, pt2 * 16 + pt, 0);
			m->pt2_rows[pt2 * (NER_START + 1) + pt] = r ? r : zero_row;
		}
	}
	rt->bias = ROW(T_BIAS, 0, 0);
	for (int k = 0; k < 32; k++)
		rt->len[k] = ROW(T_LEN, k, 0);
	for (int b = 0; b < NER_NWORDBITS; b++)
	{
		rt->gaz[0][b] = ROW(T_GAZ0, b, 0);
		rt->gaz[1][b] = ROW(T_GAZM1, b, 0);
		rt->gaz[2][b] = ROW(T_GAZP1, b, 0);
	}
	for (int c = 0; c < NER_RT_CAPS; c++)
	{
		rt->caps[c] = ROW(T_CAPS, c, 0);
		rt->mode_caps[0][c] = ROW(T_MODE_CAPS, 1, c);
		rt->mode_caps[1][c] = ROW(T_MODE_CAPS, 2, c);
	}
	for (int k = 0; k < (256 << 3); k++)
		rt->rungaz[k] = ROW(T_RUNGAZ, k, 0);
	for (int k = 0; k < (8 << 3); k++)
		rt->runlen[k] = ROW(T_RUNLEN, k, 0);
	for (int k = 0; k < NER_RT_PHR; k++)
	{
		rt->phr[0][k] = ROW(T_PHR, k, 0);
		rt->phr[1][k] = ROW(T_PHRM1, k, 0);
		rt->phr[2][k] = ROW(T_PHRP1, k, 0);
	}
	for (int a = 0; a < 16; a++)
		for (int b = 0; b < 64; b++)
		{
			if (a < 4)
				rt->doc[a][b] = ROW(T_DOC, a, b);
			rt->casegz[a][b] = ROW(T_CASEGZ, a, b);
		}
#undef ROW
	m->rt = rt;
}

typedef struct BeamHyp
{
	int64_t		score;
	uint8_t		pt,
				pt2;
} BeamHyp;

/*
 * Candidate keys of the beam (tag_beam).  A score relative to the best
 * hypothesis is at most NER_BEAM_MARGIN plus the rows of one token (at most
 * 64 static and 4 dynamic ones, of int16) away from 0: under 2^22, so times
 * KEY_SCALE it fits an int32, and the low KEY_SHIFT bits number the
 * candidate: hypothesis h, label l is h << CAND_SHIFT | l, so that both
 * come back by shift and mask.
 */
#define KEY_SHIFT	7
#define KEY_SCALE	(1 << KEY_SHIFT)
#define KEY_NONE	INT32_MIN
#define CAND_SHIFT	4
_Static_assert(NER_NLAB <= (1 << CAND_SHIFT) &&
			   ((NER_MAXBEAM - 1) << CAND_SHIFT) + NER_NLAB <= KEY_SCALE,
			   "candidate numbers fit a key");

/*
 * Bit l: label l may be proposed.  Entry 0: only O (a token not scored for
 * the hypothesis); entry pt + 1: the labels allowed() after label pt.
 */
#define AL(pt) (uint16_t) (NER_ALLOWED(0, pt) | NER_ALLOWED(1, pt) << 1 | \
	NER_ALLOWED(2, pt) << 2 | NER_ALLOWED(3, pt) << 3 | NER_ALLOWED(4, pt) << 4 | \
	NER_ALLOWED(5, pt) << 5 | NER_ALLOWED(6, pt) << 6 | NER_ALLOWED(7, pt) << 7 | \
	NER_ALLOWED(8, pt) << 8)
static const uint16_t proposable[NER_START + 2] = {
	1, AL(0), AL(1), AL(2), AL(3), AL(4), AL(5), AL(6), AL(7), AL(8), AL(9)
};
#undef AL

/*
 * The largest key of a token so far, kept as beam_keys makes them, so that
 * beam_select need not read them all for it.
 */
typedef struct KeyMax
{
#ifdef __SSE2__
	__m128i		v;				/* by lane: of labels 0 and 4, 1 and 5, ... */
#endif
	int32_t		s;				/* of label 8 (without SSE2, of all) */
} KeyMax;

#ifdef __SSE2__
/* the larger of a and b by lane (SSE2 has no signed 32-bit max) */
static inline __m128i
max_epi32(__m128i a, __m128i b)
{
	__m128i		gt = _mm_cmpgt_epi32(a, b);

	return _mm_or_si128(_mm_and_si128(gt, a), _mm_andnot_si128(gt, b));
}
#endif

static inline void
keymax_init(KeyMax *mx)
{
#ifdef __SSE2__
	mx->v = _mm_set1_epi32(KEY_NONE);
#endif
	mx->s = KEY_NONE;
}

/*
 * out[l] = (rel + score of l) * KEY_SCALE + off - l for the labels that
 * may be proposed (proposable[which]), KEY_NONE for the others; *mx takes
 * them in.
 */
static inline __attribute__((always_inline)) void
beam_keys(LabSum sc, int32_t rel, int32_t off, int which, int32_t *out,
		  KeyMax *mx)
{
	uint32_t	ok = proposable[which];

#ifdef __SSE2__
	const __m128i lane0 = _mm_setr_epi32(0, 1, 2, 3),
				lane1 = _mm_setr_epi32(4, 5, 6, 7),
				bit0 = _mm_setr_epi32(1, 2, 4, 8),
				bit1 = _mm_setr_epi32(16, 32, 64, 128),
				none = _mm_set1_epi32(KEY_NONE);
	__m128i		r = _mm_set1_epi32(rel),
				o = _mm_set1_epi32(off),
				okv = _mm_set1_epi32((int32_t) ok);
	__m128i		k0 = _mm_sub_epi32(_mm_add_epi32(_mm_slli_epi32(_mm_add_epi32(sc.lo, r), KEY_SHIFT), o), lane0),
				k1 = _mm_sub_epi32(_mm_add_epi32(_mm_slli_epi32(_mm_add_epi32(sc.hi, r), KEY_SHIFT), o), lane1),
				m0 = _mm_cmpeq_epi32(_mm_and_si128(okv, bit0), bit0),
				m1 = _mm_cmpeq_epi32(_mm_and_si128(okv, bit1), bit1);

	__m128i		s0 = _mm_or_si128(_mm_and_si128(m0, k0), _mm_andnot_si128(m0, none)),
				s1 = _mm_or_si128(_mm_and_si128(m1, k1), _mm_andnot_si128(m1, none));

	_mm_storeu_si128((__m128i *) out, s0);
	_mm_storeu_si128((__m128i *) (out + 4), s1);
	mx->v = max_epi32(mx->v, max_epi32(s0, s1));
	out[8] = (ok >> 8 & 1) ? (rel + sc.s8) * KEY_SCALE + off - 8 : KEY_NONE;
	if (out[8] > mx->s)
		mx->s = out[8];
#else
	for (int l = 0; l < NER_NLAB; l++)
	{
		out[l] = (ok >> l & 1) ? (rel + sc.s[l]) * KEY_SCALE + off - l : KEY_NONE;
		if (out[l] > mx->s)
			mx->s = out[l];
	}
#endif
}

/*
 * The new hypotheses from the keys of nhyp hypotheses (key[] has room for
 * 3 more), the largest of which *mx has: candidates more than the margin
 * behind the best are out; the rest are sorted, best first; the first of
 * each state (label, previous label) is its best, and the first width
 * states become nh[], their labels and parents t->bl, t->bp.  All are within the margin of the best,
 * so nerspec.BEAM_MARGIN's drop after the selection has nothing to do.
 * Returns how many.
 */
static inline __attribute__((always_inline)) uint32_t
beam_select(int32_t *key, uint32_t nhyp, const KeyMax *mx, const BeamHyp *hyps,
			int64_t base, uint32_t width, NerTok *t, BeamHyp *nh)
{
	uint32_t	nl = nhyp * NER_NLAB,
				nk = 0,
				nnew = 0;
	int32_t		best,
				floor;
	int32_t		list[NER_MAXBEAM * NER_NLAB];
	uint64_t	seen[2] = {0, 0};

#ifdef __SSE2__
	__m128i		v = mx->v,
				fl;

	key[nl] = key[nl + 1] = key[nl + 2] = KEY_NONE;
	v = max_epi32(v, _mm_shuffle_epi32(v, _MM_SHUFFLE(1, 0, 3, 2)));
	v = max_epi32(v, _mm_shuffle_epi32(v, _MM_SHUFFLE(2, 3, 0, 1)));
	best = _mm_cvtsi128_si32(v);
	if (mx->s > best)
		best = mx->s;
	floor = ((best >> KEY_SHIFT) - NER_BEAM_MARGIN) * KEY_SCALE;
	fl = _mm_set1_epi32(floor - 1);
	for (uint32_t a = 0; a < nl; a += 4)
	{
		__m128i		x = _mm_loadu_si128((const __m128i *) (key + a));
		unsigned	bits = (unsigned) _mm_movemask_ps(_mm_castsi128_ps(_mm_cmpgt_epi32(x, fl)));

		for (; bits; bits &= bits - 1)
			list[nk++] = key[a + (uint32_t) __builtin_ctz(bits)];
	}
#else
	best = mx->s;
	floor = ((best >> KEY_SHIFT) - NER_BEAM_MARGIN) * KEY_SCALE;
	for (uint32_t a = 0; a < nl; a++)
		if (key[a] >= floor)
			list[nk++] = key[a];
#endif
	for (uint32_t a = 1; a < nk; a++)
	{
		int32_t		v = list[a];
		uint32_t	b = a;

		for (; b > 0 && list[b - 1] < v; b--)
			list[b] = list[b - 1];
		list[b] = v;
	}
	for (uint32_t a = 0; a < nk && nnew < width; a++)
	{
		uint32_t	idx = (uint32_t) (KEY_SCALE - 1 - (list[a] & (KEY_SCALE - 1)));
		uint32_t	h = idx >> CAND_SHIFT,
					l = idx & ((1 << CAND_SHIFT) - 1);
		uint32_t	state = l * (NER_START + 1) + hyps[h].pt;

		if (seen[state >> 6] >> (state & 63) & 1)
			continue;
		seen[state >> 6] |= (uint64_t) 1 << (state & 63);
		nh[nnew].score = base + (list[a] >> KEY_SHIFT);
		nh[nnew].pt = (uint8_t) l;
		nh[nnew].pt2 = hyps[h].pt;
		t->bl[nnew] = (uint8_t) l;
		t->bp[nnew] = (uint8_t) h;
		nnew++;
	}
	return nnew;
}

/*
 * labels[from..to) of the path of the best hypothesis at token to - 1 (its
 * 0), back along the parents; the beam at token from - 1 had one.
 */
static void
beam_back(const NerTok *toks, uint32_t from, uint32_t to, uint8_t *labels)
{
	uint32_t	h = 0;

	for (uint32_t i = to; i-- > from;)
	{
		labels[i] = toks[i].bl[h];
		h = toks[i].bp[h];
	}
}

/*
 * Beam decoding (nerspec.py, train.py beam_decode): each hypothesis is
 * extended by every allowed label (only O on a token it does not score);
 * candidates rank by score, then hypothesis, then label; of candidates with
 * the same (label, previous label) the first is kept, up to m->beam.
 * Linear in n: at most NER_MAXBEAM * NER_NLAB candidates per token.
 */
NER_HOT static void
tag_beam(const NerSent *S, uint8_t *labels, int32_t *scores)
{
	const NerModel *m = S->m;
	NerTok	   *toks = S->toks;
	uint32_t	n = S->n;
	BeamHyp		hyps[NER_MAXBEAM],
				nh[NER_MAXBEAM];
	uint32_t	nhyp = 1,
				width = m->beam;
	const int16_t *rows[2][64];
	int			nrows[2] = {0, 0};
	bool		ready[2] = {false, false};
	DynRows		dyn[2];
	uint32_t	settled = 0;	/* labels[settled..n) are not known yet */

	if (n > 0)
		memset(labels, 0, n);
	dyn[0].have = 0;
	hyps[0].score = 0;
	hyps[0].pt = NER_START;
	hyps[0].pt2 = NER_START;
	for (uint32_t i = 0; i < n; i++)
	{
		NerTok	   *t = &toks[i];
		LabSum		st = labsum_zero();
		int32_t		key[NER_MAXBEAM * NER_NLAB + 3];	/* + room for a vector */
		KeyMax		mx;
		int64_t		base = hyps[0].score;
		bool		have_static = false;
		uint32_t	nnew = 0;
		int			cur = (int) (i & 1);
		bool		busy = t->upper;

		/*
		 * Software pipeline as in tag_greedy: the static rows of the next
		 * token are found and prefetched now when it will be scored for
		 * sure (it is capitalised); a lower-case one is scored only if a
		 * hypothesis ends this token inside a name, known further down.
		 */
		for (uint32_t h = 0; h < nhyp && !busy; h++)
			if (hyps[h].pt != 0 && hyps[h].pt != NER_START)
				busy = true;
		ready[cur ^ 1] = false;
		dyn[cur ^ 1].have = 0;
		if (i + 1 < n && toks[i + 1].upper)
		{
			nrows[cur ^ 1] = static_rows(S, i + 1, rows[cur ^ 1]);
			ready[cur ^ 1] = true;
		}

		if (!busy)
		{
			uint32_t	i0 = i;
			uint32_t	j = next_cap(S->tcase, i + 1, n);

			/*
			 * No hypothesis scores this token: all go on with O from the
			 * best, one state; and so on over the lower-case tokens after it
			 * (two thirds of all tokens are passed over here), labelled O
			 * already.  The path before is settled: the best's.  Then the
			 * next one's rows, as the top of the loop would have found them.
			 */
			beam_back(toks, settled, i, labels);
			settled = j;
			hyps[0].pt2 = j - i > 1 ? 0 : hyps[0].pt;
			hyps[0].pt = 0;
			nhyp = 1;
			i = j - 1;
			if (i != i0)
			{
				int			next = (int) ((i + 1) & 1);

				ready[next] = false;
				dyn[next].have = 0;
				if (i + 1 < n)
				{
					nrows[next] = static_rows(S, i + 1, rows[next]);
					ready[next] = true;
				}
			}
			continue;
		}
		/*
		 * Every candidate (hypothesis h, label l) as one int32 key: its
		 * score relative to the best hypothesis, times KEY_SCALE, plus
		 * KEY_SCALE - 1 - (h << CAND_SHIFT | l).  Keys are distinct, and one key
		 * is above another exactly when its candidate ranks before the other
		 * (higher score; on a tie, the earlier hypothesis, then label).
		 * Labels that may not follow a hypothesis get KEY_NONE.
		 */
		keymax_init(&mx);
		for (uint32_t h = 0; h < nhyp; h++)
		{
			int			pt = hyps[h].pt;
			int32_t		rel = (int32_t) (hyps[h].score - base);
			int32_t		off = KEY_SCALE - 1 - (int32_t) (h << CAND_SHIFT);

			if (!t->upper && (pt == 0 || pt == NER_START))
			{
				/* not scored: it goes on with O */
				beam_keys(labsum_zero(), rel, off, 0, key + h * NER_NLAB, &mx);
				continue;
			}
			if (!have_static)
			{
				if (!ready[cur])
				{
					nrows[cur] = static_rows(S, i, rows[cur]);
					ready[cur] = true;
				}
				st = add_rows(st, rows[cur], nrows[cur]);
				have_static = true;
			}
			beam_keys(add_dynamic_rows(m, t, pt, hyps[h].pt2, &dyn[cur], st),
					  rel, off, pt + 1, key + h * NER_NLAB, &mx);
		}
		nnew = beam_select(key, nhyp, &mx, hyps, base, width, t, nh);
		memcpy(hyps, nh, nnew * sizeof(BeamHyp));
		nhyp = nnew;
		/* the next token's rows, early */
		if (i + 1 < n && !ready[cur ^ 1])
			for (uint32_t h = 0; h < nhyp; h++)
				if (hyps[h].pt != 0)
				{
					nrows[cur ^ 1] = static_rows(S, i + 1, rows[cur ^ 1]);
					ready[cur ^ 1] = true;
					break;
				}
		if (i + 1 < n)
			for (uint32_t h = 0; h < nhyp; h++)
			{
				int			pt = hyps[h].pt;

				if ((toks[i + 1].upper || pt != 0) &&
					!(dyn[cur ^ 1].have & ((uint32_t) 1 << pt)))
				{
					if (!toks[i + 1].shaped)
						tok_shape(S->doc, S->first + i + 1, &toks[i + 1],
								  sent_ascii(S, i + 1));
					dyn_find(m, &toks[i + 1], pt, &dyn[cur ^ 1]);
				}
			}
	}
	beam_back(toks, settled, n, labels);
	if (scores)
	{
		int			pt = NER_START,
					pt2 = NER_START;

		for (uint32_t i = 0; i < n; i++)
		{
			int32_t    *sc = scores + (size_t) i * NER_NLAB;

			memset(sc, 0, NER_NLAB * sizeof(int32_t));
			if (toks[i].upper || (pt != 0 && pt != NER_START))
				score_token(m, &toks[i], pt, pt2, rows[0],
							static_rows(S, i, rows[0]), sc);
			pt2 = pt;
			pt = labels[i];
		}
	}
}

void
nc_ner_tag(const NerModel *m, const NcDoc *doc, uint32_t first, uint32_t end,
		   NerTok *toks, const NerDocCase *dc, const uint32_t *wid,
		   const uint16_t *tcase, uint8_t *labels, int32_t *scores)
{
	NerSent		S;
	uint32_t	n = end - first;
	const uint64_t *words = dc->words;
	const uint16_t *wgz = dc->wgz;

	/*
	 * The document pass hashed every word, indexed its bits and kept each
	 * token's case view: nothing to read from the text here (the shapes and
	 * affixes come when a token is scored, and with them what static_rows
	 * reads from tcase and dc).
	 */
	for (uint32_t i = 0; i < n; i++)
	{
		uint32_t	id = wid[i];
		NerTok	   *t = &toks[i];

		t->upper = tcase[i] & 1;
		t->wh = words[id];		/* words[0] = 0 */
		tok_clear(t);
		t->gbits = wgz[id];
	}
	caps_pass(m, toks, n, tcase);
	S.m = m;
	S.doc = doc;
	S.first = first;
	S.toks = toks;
	S.n = n;
	S.mode = n > 0 ? nc_ner_case_mode(tcase[0]) : 0;
	S.dc = dc;
	S.wid = wid;
	S.tcase = tcase;
	if (m->beam <= 1)
		tag_greedy(&S, labels, scores);
	else
		tag_beam(&S, labels, scores);
}
