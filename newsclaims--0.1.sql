/* newsclaims--0.1.sql */

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
