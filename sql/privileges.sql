--
-- Privileges and search_path.  A non-superuser can create the extension
-- (it is trusted) and use every function; objects a hostile user puts
-- earlier on the search_path (a public.int4range function, operators, a
-- same-named public.analyze(text), a pg_temp function) change nothing the
-- extension creates or answers.  Makes its own database and roles.
--
SELECT current_database() AS regress_db \gset
-- the answers of every function over some texts, with a clean search_path
\set answers 'SELECT pg_catalog.md5(pg_catalog.string_agg(r, E''\n'' ORDER BY n, r)) AS answers FROM (SELECT 1, x::pg_catalog.text FROM (VALUES (''Port Strike Ends''), (E''"We will hold accountable anybody who is involved," Stephen Mills told reporters.\n\nAt least 450 cases, up 12%, cost $1.13bn, the U.N. said.'')) t(b), LATERAL newsclaims.sentences(t.b) x UNION ALL SELECT 2, x::pg_catalog.text FROM (VALUES (''Port Strike Ends''), (E''"We will hold accountable anybody who is involved," Stephen Mills told reporters.\n\nAt least 450 cases, up 12%, cost $1.13bn, the U.N. said.'')) t(b), LATERAL newsclaims.tokens(t.b) x UNION ALL SELECT 3, x::pg_catalog.text FROM (VALUES (E''"We will hold accountable anybody who is involved," Stephen Mills told reporters.\n\nAt least 450 cases, up 12%, cost $1.13bn, the U.N. said.'')) t(b), LATERAL newsclaims.entities(t.b) x UNION ALL SELECT 4, x::pg_catalog.text FROM (VALUES (E''"We will hold accountable anybody who is involved," Stephen Mills told reporters.\n\nAt least 450 cases, up 12%, cost $1.13bn, the U.N. said.'')) t(b), LATERAL newsclaims.quotes(t.b) x UNION ALL SELECT 5, x::pg_catalog.text FROM (VALUES (E''"We will hold accountable anybody who is involved," Stephen Mills told reporters.\n\nAt least 450 cases, up 12%, cost $1.13bn, the U.N. said.'')) t(b), LATERAL newsclaims.claims(t.b) x UNION ALL SELECT 6, newsclaims.analyze(E''"We will hold accountable anybody who is involved," Stephen Mills told reporters.\n\nAt least 450 cases, up 12%, cost $1.13bn, the U.N. said.'')::pg_catalog.text UNION ALL SELECT 7, newsclaims.version()) s(n, r)'
SET search_path = pg_catalog;
:answers \gset clean_
RESET search_path;
SET client_min_messages = warning;
DROP ROLE IF EXISTS regress_nc_user;
DROP ROLE IF EXISTS regress_nc_hostile;
CREATE ROLE regress_nc_user NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE ROLE regress_nc_hostile NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE DATABASE nc_priv TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C';
GRANT CREATE ON DATABASE nc_priv TO regress_nc_user;
\c nc_priv
SET client_min_messages = warning;
GRANT CREATE, USAGE ON SCHEMA public TO regress_nc_hostile;
-- the hostile user's objects, in place before the extension is created
SET ROLE regress_nc_hostile;
CREATE FUNCTION public.int4range(int, int) RETURNS int4range
  LANGUAGE sql AS 'SELECT pg_catalog.int4range(666, 667)';
CREATE FUNCTION public.int4range(int, int, text) RETURNS int4range
  LANGUAGE sql AS 'SELECT pg_catalog.int4range(666, 667)';
CREATE FUNCTION public.analyze(text) RETURNS jsonb
  LANGUAGE sql AS $$SELECT '{"hijacked": true}'::jsonb$$;
CREATE FUNCTION public.sentences(text) RETURNS SETOF text
  LANGUAGE sql AS $$SELECT 'hijacked'$$;
CREATE FUNCTION public.version() RETURNS text
  LANGUAGE sql AS $$SELECT 'hijacked'$$;
CREATE FUNCTION public.text(integer) RETURNS text
  LANGUAGE sql AS $$SELECT 'hijacked'$$;
CREATE FUNCTION public.hostile_eq(text, text) RETURNS boolean
  LANGUAGE sql AS 'SELECT true';
CREATE OPERATOR public.= (LEFTARG = text, RIGHTARG = text, FUNCTION = public.hostile_eq);
CREATE FUNCTION public.hostile_range_eq(int4range, int4range) RETURNS boolean
  LANGUAGE sql AS 'SELECT true';
CREATE OPERATOR public.= (LEFTARG = int4range, RIGHTARG = int4range, FUNCTION = public.hostile_range_eq);
CREATE FUNCTION public.hostile_concat(text, text) RETURNS text
  LANGUAGE sql AS $$SELECT 'hijacked'$$;
CREATE OPERATOR public.|| (LEFTARG = text, RIGHTARG = text, FUNCTION = public.hostile_concat);
RESET ROLE;
-- a non-superuser creates the extension, with the hostile schema first
SET ROLE regress_nc_user;
SELECT rolsuper FROM pg_roles WHERE rolname = current_user;
SET search_path = public, pg_temp, pg_catalog;
CREATE EXTENSION newsclaims;
SELECT e.extname, e.extowner::regrole, n.nspname, n.nspowner::regrole
  FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
 WHERE e.extname OPERATOR(pg_catalog.=) 'newsclaims';
-- the script created only its own functions, with pg_catalog types
SELECT p.oid::regprocedure AS function, pg_catalog.pg_get_function_result(p.oid) AS result
  FROM pg_catalog.pg_proc p
 WHERE p.pronamespace OPERATOR(pg_catalog.=) 'newsclaims'::regnamespace
 ORDER BY 1::pg_catalog.text;
SELECT count(*) AS public_functions_untouched FROM pg_catalog.pg_proc
 WHERE pronamespace OPERATOR(pg_catalog.=) 'public'::regnamespace;
-- the unqualified name finds the hostile function, as SQL says it must ...
SELECT "analyze"('x') AS unqualified;
-- ... and the qualified one the extension's
SELECT newsclaims.analyze('"We will act," Stephen Mills told reporters.') -> 'quotes' -> 0 ->> 'speaker' AS qualified;
-- spans are real ranges, not what public.int4range returns
SELECT span FROM newsclaims.tokens('Two words');
-- with the hostile schema first, every function answers as with a clean path
:answers \gset hostile_
-- and with pg_temp holding its own functions (never searched for functions)
RESET ROLE;
GRANT TEMPORARY ON DATABASE nc_priv TO regress_nc_user;
SET ROLE regress_nc_user;
CREATE FUNCTION pg_temp.analyze(text) RETURNS jsonb
  LANGUAGE sql AS $$SELECT '{"hijacked": true}'::jsonb$$;
CREATE FUNCTION pg_temp.int4range(int, int) RETURNS int4range
  LANGUAGE sql AS 'SELECT pg_catalog.int4range(666, 667)';
SET search_path = pg_temp, public, newsclaims, pg_catalog;
:answers \gset pgtemp_
SELECT "analyze"('x') AS unqualified_with_pg_temp_first;
RESET search_path;
SELECT :'clean_answers' OPERATOR(pg_catalog.=) :'hostile_answers' AS same_with_public_first,
       :'clean_answers' OPERATOR(pg_catalog.=) :'pgtemp_answers' AS same_with_pg_temp_first;
-- the non-superuser uses every function
SELECT count(*) FROM newsclaims.sentences('One. Two.');
SELECT count(*) FROM newsclaims.tokens('One. Two.');
SELECT count(*) FROM newsclaims.entities('Ann Lee met Bo Ruiz in Paris.');
SELECT count(*) FROM newsclaims.quotes('"Yes," Ann Lee said.');
SELECT count(*) FROM newsclaims.claims('At least 450 people came.');
SELECT newsclaims.version() LIKE 'newsclaims %' AS version_ok;
-- another unprivileged role can use it too (USAGE on the schema and
-- EXECUTE on the functions are PUBLIC's)
RESET ROLE;
SET ROLE regress_nc_hostile;
SELECT count(*) FROM newsclaims.sentences('One. Two.');
-- but cannot replace or drop the extension's functions
CREATE OR REPLACE FUNCTION newsclaims.analyze(text) RETURNS jsonb
  LANGUAGE sql AS $$SELECT '{"hijacked": true}'::jsonb$$;
DROP FUNCTION newsclaims.tokens(text);
DROP EXTENSION newsclaims;
RESET ROLE;
-- the owner can drop it
SET ROLE regress_nc_user;
DROP EXTENSION newsclaims;
RESET ROLE;
\c :regress_db
SET client_min_messages = warning;
DROP DATABASE nc_priv;
DROP ROLE regress_nc_user;
DROP ROLE regress_nc_hostile;
