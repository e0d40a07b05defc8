/* newsclaims--0.2.sql */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION newsclaims" to load this file. \quit

-- Everything below is schema-qualified, including types, so that nothing a
-- user puts on search_path can change what the script creates.

CREATE FUNCTION newsclaims.version()
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'newsclaims_version'
LANGUAGE C STABLE PARALLEL SAFE;

COMMENT ON FUNCTION newsclaims.version() IS
'newsclaims, ICU and lexicon versions of the loaded library';

CREATE FUNCTION newsclaims.sentences(body pg_catalog.text)
RETURNS TABLE (sentence pg_catalog.int4, paragraph pg_catalog.int4,
               span pg_catalog.int4range, text pg_catalog.text)
AS 'MODULE_PATHNAME', 'newsclaims_sentences'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 1000 ROWS 40;

COMMENT ON FUNCTION newsclaims.sentences(pg_catalog.text) IS
'sentences of a text, with their paragraph and 1-based character span';

CREATE FUNCTION newsclaims.tokens(body pg_catalog.text)
RETURNS TABLE (token pg_catalog.int4, sentence pg_catalog.int4,
               span pg_catalog.int4range, text pg_catalog.text,
               kind pg_catalog.text)
AS 'MODULE_PATHNAME', 'newsclaims_tokens'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 1000 ROWS 800;

COMMENT ON FUNCTION newsclaims.tokens(pg_catalog.text) IS
'tokens of a text: word, number, punctuation, symbol, quote_open, quote_close or quote_ambiguous';

CREATE FUNCTION newsclaims.entities(body pg_catalog.text)
RETURNS TABLE (entity pg_catalog.int4, name pg_catalog.text,
               type pg_catalog.text, mention pg_catalog.text,
               span pg_catalog.int4range, sentence pg_catalog.int4,
               role pg_catalog.text)
AS 'MODULE_PATHNAME', 'newsclaims_entities'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 5000 ROWS 40;

COMMENT ON FUNCTION newsclaims.entities(pg_catalog.text) IS
'named entity mentions (PERSON, ORG, LOC, MISC), grouped per entity under its fullest name';

CREATE FUNCTION newsclaims.quotes(body pg_catalog.text)
RETURNS TABLE (quote pg_catalog.int4, text pg_catalog.text,
               span pg_catalog.int4range, speaker pg_catalog.text,
               speaker_entity pg_catalog.int4, speaker_mention pg_catalog.text,
               speaker_span pg_catalog.int4range, verb pg_catalog.text,
               sentence pg_catalog.int4, continues pg_catalog.int4)
AS 'MODULE_PATHNAME', 'newsclaims_quotes'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 6000 ROWS 10;

COMMENT ON FUNCTION newsclaims.quotes(pg_catalog.text) IS
'direct quotes and who said them';

CREATE FUNCTION newsclaims.claims(body pg_catalog.text)
RETURNS TABLE (claim pg_catalog.int4, text pg_catalog.text,
               span pg_catalog.int4range, value pg_catalog.numeric,
               value_max pg_catalog.numeric, unit pg_catalog.text,
               approx pg_catalog.text, object pg_catalog.text,
               quote pg_catalog.int4, source pg_catalog.text,
               sentence pg_catalog.int4)
AS 'MODULE_PATHNAME', 'newsclaims_claims'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 6000 ROWS 10;

COMMENT ON FUNCTION newsclaims.claims(pg_catalog.text) IS
'numeric claims: quantities with value, unit, approximator, object and source';

CREATE FUNCTION newsclaims.analyze(body pg_catalog.text)
RETURNS pg_catalog.jsonb
AS 'MODULE_PATHNAME', 'newsclaims_analyze'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 8000;

COMMENT ON FUNCTION newsclaims.analyze(pg_catalog.text) IS
'entities, quotes and claims of a text in one pass, as jsonb';

-- Every role may call the functions (EXECUTE is PUBLIC's by default): they
-- read only their argument.  The schema is the extension's own.
GRANT USAGE ON SCHEMA newsclaims TO PUBLIC;
