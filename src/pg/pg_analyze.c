/*
 * pg_analyze.c
 *		newsclaims.analyze(): every extractor in one pass, as jsonb.
 *
 * The result is the document the core's nc_analysis_json() writes as text
 * (what the CLI prints), but built directly as an in-memory jsonb value and
 * serialised once: no JSON text, no parsing, no per-key sorting.  Every
 * object's keys are added in jsonb's own key order (shorter first, then
 * bytewise), which is what jsonb_in would have produced from the text.
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"
#include "utils/numeric.h"

#include "nc_pg.h"

PG_FUNCTION_INFO_V1(newsclaims_analyze);

#define MAX_KEYS 12

typedef struct Builder
{
	const NcPgInput *in;
	const NcDoc *doc;
	/* bump allocation of pairs and numerics: no per-chunk header/rounding */
	char	   *cur;
	Size		left;
} Builder;

#define BUMP_BLOCK ((Size) 1 << 20)

static void *
bump(Builder *b, Size size)
{
	void	   *p;

	size = MAXALIGN(size);
	if (size > b->left)
	{
		Size		block = Max(size, BUMP_BLOCK);

		b->cur = palloc(block);
		b->left = block;
	}
	p = b->cur;
	b->cur += size;
	b->left -= size;
	return p;
}

typedef struct Obj
{
	int			n;
	JsonbPair	pairs[MAX_KEYS];
} Obj;

/* Add key (a C string literal) to o, keys coming in jsonb order. */
static JsonbValue *
add(Obj *o, const char *key)
{
	JsonbPair  *p = &o->pairs[o->n];
	int			klen = (int) strlen(key);

	Assert(o->n < MAX_KEYS);
#ifdef USE_ASSERT_CHECKING
	if (o->n > 0)
	{
		JsonbValue *prev = &o->pairs[o->n - 1].key;

		Assert(prev->val.string.len < klen ||
			   (prev->val.string.len == klen &&
				memcmp(prev->val.string.val, key, klen) < 0));
	}
#endif
	p->key.type = jbvString;
	p->key.val.string.val = (char *) key;
	p->key.val.string.len = klen;
	p->order = (uint32) o->n;
	o->n++;
	return &p->value;
}

static void
put_null(Obj *o, const char *key)
{
	add(o, key)->type = jbvNull;
}

/*
 * The numerics of the small integers (offsets in a short text, entity,
 * sentence and quote numbers): most integers of a result, each made once per
 * backend, in TopMemoryContext, when first needed (at most SMALL_INTS of
 * them, a few bytes each).  Only read after: jsonb copies what it stores.
 */
#define SMALL_INTS 4096
static Numeric small_ints[SMALL_INTS];

static void
put_int(Builder *b, Obj *o, const char *key, int64 v)
{
	JsonbValue *jv = add(o, key);

	jv->type = jbvNumeric;
	if (v >= 0 && v < SMALL_INTS)
	{
		if (small_ints[v] == NULL)
		{
			MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);

			small_ints[v] = int64_to_numeric(v);
			MemoryContextSwitchTo(old);
		}
		jv->val.numeric = small_ints[v];
	}
	else
	{
		Numeric		n = int64_to_numeric(v);
		Numeric		copy = bump(b, VARSIZE(n));

		memcpy(copy, n, VARSIZE(n));
		pfree(n);
		jv->val.numeric = copy;
	}
}

static void
put_int_or_null(Builder *b, Obj *o, const char *key, int64 v, bool isnull)
{
	if (isnull)
		put_null(o, key);
	else
		put_int(b, o, key, v);
}

/* A numeric literal the core wrote (claim values), or null. */
static void
put_numeric_text(Obj *o, const char *key, const char *s)
{
	JsonbValue *jv;

	if (s == NULL)
	{
		put_null(o, key);
		return;
	}
	jv = add(o, key);
	jv->type = jbvNumeric;
	jv->val.numeric = DatumGetNumeric(DirectFunctionCall3(numeric_in, CStringGetDatum(s),
														  ObjectIdGetDatum(InvalidOid),
														  Int32GetDatum(-1)));
}

/* UTF-8 s[0..len) as a jsonb string in the server encoding, or null. */
static void
put_str(Builder *b, Obj *o, const char *key, const char *s, size_t len)
{
	JsonbValue *jv;

	if (s == NULL)
	{
		put_null(o, key);
		return;
	}
	jv = add(o, key);
	jv->type = jbvString;
	if (b->in->convert_out && len > 0)
	{
		char	   *c = pg_any_to_server(s, (int) len, PG_UTF8);

		if (c != s)
		{
			s = c;
			len = strlen(c);
		}
	}
	jv->val.string.val = (char *) s;
	jv->val.string.len = (int) len;
}

/* Text of tokens [first, end), or null when first < 0. */
static void
put_tokens_text(Builder *b, Obj *o, const char *key, int64 first, int64 end)
{
	const NcDoc *d = b->doc;

	if (first < 0 || end <= first)
		put_null(o, key);
	else
		put_str(b, o, key, d->text + d->toks[first].start,
				d->toks[end - 1].end - d->toks[first].start);
}

static int64
pos_start(Builder *b, int64 first)
{
	const NcToken *t = &b->doc->toks[first];

	return nc_pg_position(b->in, t->start, t->cstart);
}

static int64
pos_end(Builder *b, int64 end)
{
	const NcToken *t = &b->doc->toks[end - 1];

	return nc_pg_position(b->in, t->end, t->cend);
}

static JsonbValue *
new_array(uint32 n)
{
	JsonbValue *arr = palloc(sizeof(JsonbValue));

	arr->type = jbvArray;
	arr->val.array.nElems = (int) n;
	arr->val.array.rawScalar = false;
	arr->val.array.elems = n ? palloc_extended(sizeof(JsonbValue) * (Size) n,
											   MCXT_ALLOC_HUGE) : NULL;
	return arr;
}

/* Store o as element i of arr. */
static void
set_elem(Builder *b, JsonbValue *arr, uint32 i, const Obj *o)
{
	JsonbValue *e = &arr->val.array.elems[i];

	e->type = jbvObject;
	e->val.object.nPairs = o->n;
	e->val.object.pairs = bump(b, sizeof(JsonbPair) * o->n);
	memcpy(e->val.object.pairs, o->pairs, sizeof(JsonbPair) * o->n);
}

static JsonbValue *
entities_array(Builder *b, const NcEntities *e)
{
	JsonbValue *arr = new_array(e->nment);

	for (uint32 i = 0; i < e->nment; i++)
	{
		const NcMention *m = &e->ments[i];
		const NcEntity *ent = &e->ents[m->entity];
		const char *type = nc_entity_type_name(ent->type);
		bool		span = m->tok_end > m->tok_first;
		Obj			o;

		o.n = 0;
		/* end, name, role, type, start, entity, mention, sentence */
		put_int_or_null(b, &o, "end", span ? pos_end(b, m->tok_end) : 0, !span);
		put_str(b, &o, "name", ent->name, ent->name_len);
		put_tokens_text(b, &o, "role", m->role_first, m->role_end);
		put_str(b, &o, "type", type, type ? strlen(type) : 0);
		put_int_or_null(b, &o, "start", span ? pos_start(b, m->tok_first) : 0, !span);
		put_int(b, &o, "entity", (int64) m->entity + 1);
		put_tokens_text(b, &o, "mention", m->tok_first, m->tok_end);
		put_int(b, &o, "sentence", (int64) b->doc->toks[m->tok_first].sentence + 1);
		set_elem(b, arr, i, &o);
	}
	return arr;
}

static JsonbValue *
quotes_array(Builder *b, const NcQuotes *qs)
{
	const NcDoc *d = b->doc;
	JsonbValue *arr = new_array(qs->nquote);

	for (uint32 i = 0; i < qs->nquote; i++)
	{
		const NcQuote *q = &qs->quotes[i];
		bool		has_speaker = q->speaker_first >= 0 && q->speaker_end > q->speaker_first;
		int64		qstart,
					qend;
		Obj			o;

		o.n = 0;
		/*
		 * end, text, verb, quote, start, speaker, sentence, continues,
		 * speaker_end, speaker_start, speaker_entity, speaker_mention
		 */
		if (q->tok_end > q->tok_first)
		{
			qstart = pos_start(b, q->tok_first);
			qend = pos_end(b, q->tok_end);
		}
		else
		{
			/* the empty span where its marks meet */
			const NcToken *t = &d->toks[q->tok_first < d->ntok ? q->tok_first : d->ntok - 1];

			qstart = qend = nc_pg_position(b->in, t->start, t->cstart);
		}
		put_int(b, &o, "end", qend);
		if (q->tok_end > q->tok_first)
			put_tokens_text(b, &o, "text", q->tok_first, q->tok_end);
		else
			put_str(b, &o, "text", "", 0);
		put_tokens_text(b, &o, "verb", q->verb_first, q->verb_end);
		put_int(b, &o, "quote", (int64) i + 1);
		put_int(b, &o, "start", qstart);
		put_str(b, &o, "speaker", q->speaker, q->speaker_len);
		put_int(b, &o, "sentence", (int64) q->sentence + 1);
		put_int_or_null(b, &o, "continues", (int64) q->continues + 1, q->continues < 0);
		put_int_or_null(b, &o, "speaker_end", has_speaker ? pos_end(b, q->speaker_end) : 0, !has_speaker);
		put_int_or_null(b, &o, "speaker_start", has_speaker ? pos_start(b, q->speaker_first) : 0, !has_speaker);
		put_int_or_null(b, &o, "speaker_entity", (int64) q->speaker_entity + 1, q->speaker_entity < 0);
		put_tokens_text(b, &o, "speaker_mention", q->speaker_first, q->speaker_end);
		set_elem(b, arr, i, &o);
	}
	return arr;
}

static JsonbValue *
claims_array(Builder *b, const NcClaims *cs)
{
	JsonbValue *arr = new_array(cs->nclaim);

	for (uint32 i = 0; i < cs->nclaim; i++)
	{
		const NcClaim *c = &cs->claims[i];
		const char *approx = nc_approx_name(c->approx);
		Obj			o;

		o.n = 0;
		/*
		 * end, text, unit, claim, quote, start, value, approx, object,
		 * source, sentence, value_max
		 */
		if (c->tok_end > c->tok_first)
			put_int(b, &o, "end", pos_end(b, c->tok_end));
		else
			put_null(&o, "end");
		put_tokens_text(b, &o, "text", c->tok_first, c->tok_end);
		put_str(b, &o, "unit", c->unit, c->unit ? strlen(c->unit) : 0);
		put_int(b, &o, "claim", (int64) i + 1);
		put_int_or_null(b, &o, "quote", (int64) c->quote + 1, c->quote < 0);
		if (c->tok_end > c->tok_first)
			put_int(b, &o, "start", pos_start(b, c->tok_first));
		else
			put_null(&o, "start");
		put_numeric_text(&o, "value", c->value);
		put_str(b, &o, "approx", approx, strlen(approx));
		put_tokens_text(b, &o, "object", c->object_first, c->object_end);
		put_str(b, &o, "source", c->source, c->source_len);
		put_int(b, &o, "sentence", (int64) c->sentence + 1);
		put_numeric_text(&o, "value_max", c->value_max);
		set_elem(b, arr, i, &o);
	}
	return arr;
}

/*
 * A lower bound of the size of the serialised jsonb, computed before any of
 * it is built: every container's header and entries, every key, the
 * strings' bytes and the smallest numeric per number.  When even that is
 * past what a jsonb can hold (offsets of 28 bits), the call fails at once
 * instead of building a value tree of gigabytes first.
 */
#define MIN_NUMERIC (VARHDRSZ + (Size) sizeof(uint16))

static uint64
str_bound(const NcPgInput *in, size_t bytes)
{
	/* in another server encoding a character may take fewer bytes */
	return in->convert_out ? bytes / 4 : bytes;
}

static uint64
tokens_bound(const NcPgInput *in, const NcDoc *d, int64 first, int64 end)
{
	if (first < 0 || end <= first)
		return 0;
	return str_bound(in, d->toks[end - 1].end - d->toks[first].start);
}

static uint64
object_bound(int nkeys, const char *const *keys)
{
	uint64		n = sizeof(uint32) + 2 * sizeof(JEntry) * (uint64) nkeys;

	for (int k = 0; k < nkeys; k++)
		n += strlen(keys[k]);
	return n;
}

static uint64
analysis_bound(const NcAnalysis *a, const NcPgInput *in)
{
	static const char *const ent_keys[] = {"end", "name", "role", "type", "start",
	"entity", "mention", "sentence"};
	static const char *const quote_keys[] = {"end", "text", "verb", "quote", "start",
		"speaker", "sentence", "continues", "speaker_end", "speaker_start",
	"speaker_entity", "speaker_mention"};
	static const char *const claim_keys[] = {"end", "text", "unit", "claim", "quote",
		"start", "value", "approx", "object", "source", "sentence",
	"value_max"};
	const NcDoc *d = &a->doc;
	uint64		n = object_bound(3, (const char *const[]) {"claims", "quotes", "entities"});
	uint64		eb = object_bound(8, ent_keys),
				qb = object_bound(12, quote_keys),
				cb = object_bound(12, claim_keys);

	if (a->stage >= NC_STAGE_ENTITIES)
	{
		n += sizeof(uint32) + sizeof(JEntry) * (uint64) a->ents.nment;
		for (uint32 i = 0; i < a->ents.nment; i++)
		{
			const NcMention *m = &a->ents.ments[i];

			n += eb + 2 * MIN_NUMERIC + str_bound(in, a->ents.ents[m->entity].name_len) +
				tokens_bound(in, d, m->tok_first, m->tok_end) +
				tokens_bound(in, d, m->role_first, m->role_end);
		}
	}
	if (a->stage >= NC_STAGE_QUOTES)
	{
		n += sizeof(uint32) + sizeof(JEntry) * (uint64) a->quotes.nquote;
		for (uint32 i = 0; i < a->quotes.nquote; i++)
		{
			const NcQuote *q = &a->quotes.quotes[i];

			n += qb + 4 * MIN_NUMERIC + str_bound(in, q->speaker ? q->speaker_len : 0) +
				tokens_bound(in, d, q->tok_first, q->tok_end) +
				tokens_bound(in, d, q->verb_first, q->verb_end) +
				tokens_bound(in, d, q->speaker_first, q->speaker_end);
		}
	}
	if (a->stage >= NC_STAGE_CLAIMS)
	{
		n += sizeof(uint32) + sizeof(JEntry) * (uint64) a->claims.nclaim;
		for (uint32 i = 0; i < a->claims.nclaim; i++)
		{
			const NcClaim *c = &a->claims.claims[i];

			n += cb + 2 * MIN_NUMERIC + str_bound(in, c->source ? c->source_len : 0) +
				tokens_bound(in, d, c->tok_first, c->tok_end) +
				tokens_bound(in, d, c->object_first, c->object_end);
		}
	}
	return n;
}

/* The analysis as a jsonb value, in CurrentMemoryContext. */
static JsonbValue *
analysis_value(const NcAnalysis *a, const NcPgInput *in)
{
	Builder		b = {in, &a->doc, NULL, 0};
	JsonbValue *root = palloc(sizeof(JsonbValue));
	Obj			o;

	/* claims, quotes, entities: jsonb's key order, as add() wants */
	o.n = 0;
	if (a->stage >= NC_STAGE_CLAIMS)
	{
		JsonbValue *v = add(&o, "claims");

		*v = *claims_array(&b, &a->claims);
	}
	if (a->stage >= NC_STAGE_QUOTES)
	{
		JsonbValue *v = add(&o, "quotes");

		*v = *quotes_array(&b, &a->quotes);
	}
	if (a->stage >= NC_STAGE_ENTITIES)
	{
		JsonbValue *v = add(&o, "entities");

		*v = *entities_array(&b, &a->ents);
	}
	root->type = jbvObject;
	root->val.object.nPairs = o.n;
	root->val.object.pairs = palloc(sizeof(JsonbPair) * Max(o.n, 1));
	memcpy(root->val.object.pairs, o.pairs, sizeof(JsonbPair) * o.n);
	return root;
}

Datum
newsclaims_analyze(PG_FUNCTION_ARGS)
{
	text	   *body = PG_GETARG_TEXT_PP(0);
	MemoryContext caller = CurrentMemoryContext;
	MemoryContext work = AllocSetContextCreate(CurrentMemoryContext,
											   "newsclaims analysis",
											   ALLOCSET_DEFAULT_SIZES);
	NcEnv		env;
	NcPgInput	in;
	NcAnalysis	a;
	JsonbValue *root;
	Jsonb	   *result;

	nc_pg_env_init(&env, work);
	nc_pg_prepare_input(body, &in);
	nc_pg_analyze(&env, &in, NC_STAGE_CLAIMS, &a);
	if (analysis_bound(&a, &in) > JENTRY_OFFLENMASK)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("analysis of the text is too large to return as jsonb"),
				 errdetail("A jsonb value holds at most %d bytes.", JENTRY_OFFLENMASK)));

	/* the value tree lives in work; only the serialised result outlives it */
	MemoryContextSwitchTo(work);
	root = analysis_value(&a, &in);
	MemoryContextSwitchTo(caller);
	result = JsonbValueToJsonb(root);
	MemoryContextDelete(work);
	PG_RETURN_JSONB_P(result);
}
