/*
 * quotes_internal.h
 *		Pieces of the quote extractor shared between its files; not part of
 *		the core's interface.
 */
#ifndef NC_QUOTES_INTERNAL_H
#define NC_QUOTES_INTERNAL_H

#include <string.h>

#include "nc_quotes.h"

/* What the pairing found about one quoted stretch, beside its NcQuote. */
typedef struct QSpan
{
	uint32_t	open;			/* token of the opening mark */
	uint32_t	close;			/* token of the closing mark, or UINT32_MAX
								 * when the stretch ends unclosed */
	uint8_t		restart;		/* 1: ended by a new opening mark after a
								 * sentence end (merged paragraphs) */
	uint8_t		drop;			/* 1: not a quote (title, term, nickname) */
} QSpan;

typedef struct QCtx
{
	/*
	 * per token: the word classes, looked up once (QCLS_*); allocated
	 * before the filter and the attribution, which alone ask for them
	 */
	uint8_t    *cls;
	const NcEnv *env;
	const NcDoc *doc;
	const NcEntities *ents;
	NcQuote    *q;
	QSpan	   *sp;
	uint32_t	n;
	uint32_t	cap;
	uint32_t	spcap;
	/* PERSON entities by the hash of their lower-cased last word */
	uint64_t   *surname;		/* (hash << 32) | entity, sorted */
	uint32_t	nsurname;
	/* the speaker of the latest attributed quote */
	int32_t		prev_ent;
	const char *prev_text;
	uint32_t	prev_len;
	uint32_t	prev_para;
	uint32_t	prev_tok;		/* where its attribution was written */
	uint32_t	since_check;
	bool		oom;			/* an allocation failed: NC_ENOMEM */
} QCtx;

/* quotes_pairing.c: quoted stretches of the document, in text order */
extern NcStatus nc_q_pair(QCtx *cx);

/* quotes_filter.c: mark stretches that are titles, names or bare terms */
extern NcStatus nc_q_filter(QCtx *cx);

/* quotes_attrib.c: speakers */
extern NcStatus nc_q_attribute(QCtx *cx);

/* quotes_words.c: word classes */
typedef enum QCue
{
	QC_NONE = 0,
	QC_VERB,					/* said, told, insisted */
	QC_WEAK,					/* believes, found, shows: a source, weakly */
	QC_NOUN,					/* claim, statement, remarks */
	QC_ACCORDING				/* "according" (to) */
} QCue;

/*
 * Both classes of a token, cue in the low three bits, function-word class
 * (an index in nc_q_wclass_code) above, kept per token in cx->cls:
 * QCLS_UNKNOWN before any lookup, QCLS_CUE_ONLY | cue once its cue alone
 * was asked for (the backward searches ask most tokens they step over for
 * nothing more, and the cue lexicon's pre-filter turns away more words than
 * the function words' does).  Most asks find them in the cache, inline; the
 * first goes to the lexicons.
 */
#define QCLS_UNKNOWN 0xFF
#define QCLS_CUE_ONLY 0x80

extern uint8_t nc_q_classes_lookup(const QCtx *cx, uint32_t tok, bool wclass);

static inline QCue
nc_q_cue(const QCtx *cx, uint32_t tok)
{
	if (tok < cx->doc->ntok && cx->cls[tok] != QCLS_UNKNOWN)
		return (QCue) (cx->cls[tok] & 7);
	return (QCue) (nc_q_classes_lookup(cx, tok, false) & 7);
}

/*
 * Class of a function word (quote_words.txt), 0 for other tokens:
 * 'm' 'f' 'n' 'p' 'i' pronouns (he, she, it, they, I/we), 'd' determiner,
 * 's' ends a speaker phrase, 'x' adverb or auxiliary, 'z' time word,
 * 'r' role word.
 */
static const char nc_q_wclass_code[] = "\0mfnpidsxzrocg";

static inline char
nc_q_wclass(const QCtx *cx, uint32_t tok)
{
	if (tok < cx->doc->ntok && cx->cls[tok] < QCLS_CUE_ONLY)
		return nc_q_wclass_code[cx->cls[tok] >> 3];
	return nc_q_wclass_code[nc_q_classes_lookup(cx, tok, true) >> 3];
}
#define QW_IS_PRONOUN(c) ((c) == 'm' || (c) == 'f' || (c) == 'n' || (c) == 'p' || (c) == 'i')
/* Title cues ("film", "titled") come from their own list. */
extern bool nc_q_title_cue(const NcDoc *doc, uint32_t tok);

extern bool nc_q_headline(const NcDoc *doc, uint32_t para);

/* the paragraph of token tok */
static inline uint32_t
nc_q_para_of(const NcDoc *doc, uint32_t tok)
{
	return doc->sents[doc->toks[tok].sentence].paragraph;
}

extern bool nc_q_punct_is(const NcDoc *doc, uint32_t tok, char c);
extern bool nc_q_sentence_final(const NcDoc *doc, uint32_t tok);
extern bool nc_q_is_dash(const NcDoc *doc, uint32_t tok);
extern uint64_t nc_q_hash_lower(const char *s, uint32_t len);

/* A speaker as found: an entity, or words of the text. */
typedef struct QSpk
{
	int32_t		ent;			/* entity, or -1 */
	const char *text;			/* speaker as it will be reported */
	uint32_t	len;
	int32_t		first;			/* tokens of the attributing words */
	int32_t		end;
} QSpk;

/* quotes_speaker.c */
extern bool nc_q_speaker_before(QCtx *cx, uint32_t verb, uint32_t lo, QSpk *out);
extern bool nc_q_speaker_after(QCtx *cx, uint32_t after, uint32_t hi, QSpk *out);
extern bool nc_q_speaker_head(QCtx *cx, uint32_t head, uint32_t lo, QSpk *out);
extern bool nc_q_speaker_name(QCtx *cx, uint32_t first, uint32_t end, QSpk *out);
extern int32_t nc_q_quote_at(const QCtx *cx, uint32_t tok);

/* True when check interval reached and the caller asked to stop. */
static inline bool
nc_q_stop(QCtx *cx, uint32_t work)
{
	cx->since_check += work;
	if (cx->since_check < 4096)
		return false;
	cx->since_check = 0;
	return nc_should_stop(cx->env);
}

#endif							/* NC_QUOTES_INTERNAL_H */
