/*
 * nc_entities.h
 *		Named entities of a document: typed mentions grouped into entities
 *		under their fullest name.
 *
 * A compact statistical tagger (averaged perceptron over hashed features,
 * beam-search BIO decoding; model trained offline by tools/ner/train.py and
 * compiled in from src/core/model/ner_model.bin) finds the mentions; rules
 * then make the document consistent (a string typed once is typed the same
 * everywhere), move titles and possessives out of spans into roles, and
 * group mentions (surnames and "Mr X" with the full name, acronyms with
 * their full form).
 */
#ifndef NC_ENTITIES_H
#define NC_ENTITIES_H

#include "nc_doc.h"

typedef enum NcEntityType
{
	NC_ET_PERSON = 1,
	NC_ET_ORG,
	NC_ET_LOC,
	NC_ET_MISC
} NcEntityType;

typedef struct NcMention
{
	uint32_t	tok_first;		/* tokens [tok_first, tok_end) of the mention
								 * as written: titles and possessive 's
								 * outside */
	uint32_t	tok_end;
	uint32_t	entity;			/* 0-based index into NcEntities.ents;
								 * entities numbered in order of first
								 * mention */
	int32_t		role_first;		/* tokens of the title/description written
								 * with it ("Deputy Secretary of State",
								 * "leader"); -1 when none */
	int32_t		role_end;
} NcMention;

typedef struct NcEntity
{
	uint8_t		type;			/* NcEntityType */
	uint8_t		gender;			/* 0 unknown, 1 male, 2 female */
	const char *name;			/* canonical (fullest) name, UTF-8, points
								 * into doc->text */
	uint32_t	name_len;		/* bytes */
	uint32_t	first_mention;	/* index into ments */
	uint32_t	nmentions;		/* how many mentions it has */
} NcEntity;

typedef struct NcEntities
{
	NcEntity   *ents;
	uint32_t	nent;
	NcMention  *ments;			/* sorted by position */
	uint32_t	nment;
} NcEntities;

/*
 * Find the entities of doc.  On failure (NC_ENOMEM, NC_ECANCEL) *out is
 * left empty.
 */
extern NcStatus nc_entities_extract(const NcEnv *env, const NcDoc *doc,
									NcEntities *out);

/* "PERSON", "ORG", "LOC", "MISC" (NULL for anything else). */
extern const char *nc_entity_type_name(uint8_t type);

/* Index of the mention covering token tok, or -1 (binary search). */
extern int32_t nc_entities_mention_at(const NcEntities *ents, uint32_t tok);

#endif							/* NC_ENTITIES_H */
