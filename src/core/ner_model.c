/*
 * ner_model.c
 *		The entity tagger's model: weights and gazetteer table, compiled in
 *		from src/core/model/ner_model.bin (mk/ner.mk, .incbin).
 *
 * Layout (little-endian): header of 8 uint32 (magic "NCNR", version,
 * wbits, labels, gbits, nnz = used buckets, gazetteer keys, beam width of
 * decoding: 0 or 1 greedy); uint64
 * bitmap[(1 << wbits) / 64] of used buckets; uint32 rank[same] (set bits
 * before each word; padded to 8 bytes); int16 weights[nnz * 9] in bucket
 * order (padded to 8 bytes); uint64 gazetteer slots[1 << gbits] (key bits
 * 16..63 of the phrase hash | value bits 0..15; 0 = empty).
 * Written by tools/ner/train.py.
 */
#include <pthread.h>
#include <string.h>

#include "ner_internal.h"

extern const unsigned char nc_ner_model_data[];
extern const unsigned char nc_ner_model_end[];

static uint32_t
rd32(const unsigned char *p)
{
	return (uint32_t) p[0] | (uint32_t) p[1] << 8 | (uint32_t) p[2] << 16 |
		(uint32_t) p[3] << 24;
}

/*
 * The model as loaded, once per process: it and its row table are derived
 * from the compiled-in data only and never change after the load, so every
 * caller (and thread) sees the same values whenever it comes.
 */
static NerModel loaded;
static NerRowTab loaded_rows;
static bool loaded_ok;
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

/*
 * Validate the data and point *m into it.  The weights are read in place,
 * which needs a little-endian host.
 */
static bool
model_parse(NerModel *m)
{
	static const uint16_t probe = 1;
	const unsigned char *p = nc_ner_model_data;
	size_t		size = (size_t) (nc_ner_model_end - nc_ner_model_data);
	uint32_t	wbits,
				gbits,
				nnz,
				beam;
	size_t		nwords,
				off;

	if (*(const unsigned char *) &probe != 1 || size < 32 ||
		memcmp(p, "NCNR", 4) != 0 || rd32(p + 4) != NER_MODEL_VERSION ||
		rd32(p + 12) != NER_NLAB)
		return false;
	wbits = rd32(p + 8);
	gbits = rd32(p + 16);
	nnz = rd32(p + 20);
	beam = rd32(p + 28);
	if (beam == 0)
		beam = 1;
	if (beam > NER_MAXBEAM)
		return false;
	if (wbits < 8 || wbits > 24 || gbits < 4 || gbits > 24 || nnz > ((uint32_t) 1 << wbits))
		return false;
	nwords = ((size_t) 1 << wbits) / 64;
	off = 32;
	m->bitmap = (const uint64_t *) (const void *) (p + off);
	off += nwords * 8;
	m->rank = (const uint32_t *) (const void *) (p + off);
	off += (nwords * 4 + 7) & ~(size_t) 7;
	m->weights = (const int16_t *) (const void *) (p + off);
	off += ((size_t) nnz * NER_NLAB * 2 + 7) & ~(size_t) 7;
	m->gaz = (const uint64_t *) (const void *) (p + off);
	off += ((size_t) 1 << gbits) * 8;
	if (size < off)
		return false;
	/* the last word's rank plus its bits must be nnz */
	if (m->rank[nwords - 1] + (uint32_t) __builtin_popcountll(m->bitmap[nwords - 1]) != nnz)
		return false;
	m->wbits = wbits;
	m->gbits = gbits;
	m->nnz = nnz;
	m->beam = beam;
	return true;
}

static void
model_load(void)
{
	loaded_ok = model_parse(&loaded);
	if (loaded_ok)
		nc_ner_model_rows(&loaded, &loaded_rows);
}

const NerModel *
nc_ner_model(void)
{
	if (pthread_once(&load_once, model_load) != 0 || !loaded_ok)
		return NULL;
	return &loaded;
}
