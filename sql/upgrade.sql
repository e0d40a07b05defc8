--
-- Upgrades: install the oldest release, ALTER EXTENSION ... UPDATE to the
-- default version, and compare with a fresh install of the default version:
-- the same objects (functions with their signatures, volatility,
-- parallel safety, strictness, cost, rows, comments, privileges, the
-- schema's privileges) and the same answers.  The oldest release is found
-- from the installed scripts, so the test keeps biting as versions are
-- added.  Makes its own database.
--
SELECT current_database() AS regress_db \gset
CREATE DATABASE nc_upgrade TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C';
\c nc_upgrade
SET client_min_messages = warning;
-- the oldest release and the default version, compared as version numbers
SELECT v.version AS oldest
  FROM pg_available_extension_versions v
 WHERE v.name = 'newsclaims'
 ORDER BY string_to_array(v.version, '.')::int[] LIMIT 1 \gset
SELECT default_version AS dflt FROM pg_available_extensions WHERE name = 'newsclaims' \gset
SELECT :'oldest' AS oldest_release;
-- every version the default can be reached from
SELECT source, path IS NOT NULL AS reaches_default
  FROM pg_extension_update_paths('newsclaims')
 WHERE target = :'dflt' AND source <> target
 ORDER BY string_to_array(source, '.')::int[];
-- what an extension is made of, one line per object
\set objects 'SELECT string_agg(d, E''\n'' ORDER BY d) AS objects FROM (SELECT pg_describe_object(dep.classid, dep.objid, dep.objsubid) || coalesce(E''\n    '' || (SELECT format(''(%s) -> %s; volatile=%s parallel=%s strict=%s secdef=%s cost=%s rows=%s %s %s %s acl=%s; %s'', pg_get_function_arguments(p.oid), pg_get_function_result(p.oid), p.provolatile, p.proparallel, p.proisstrict, p.prosecdef, p.procost, p.prorows, l.lanname, p.prosrc, p.probin, p.proacl, obj_description(p.oid, ''pg_proc'')) FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang WHERE dep.classid = ''pg_proc''::regclass AND p.oid = dep.objid), '''') FROM pg_depend dep WHERE dep.refclassid = ''pg_extension''::regclass AND dep.refobjid = (SELECT oid FROM pg_extension WHERE extname = ''newsclaims'') AND dep.deptype = ''e'' UNION ALL SELECT format(''schema %s owner=%s acl=%s'', n.nspname, n.nspowner = e.extowner, n.nspacl) FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = ''newsclaims'') s(d)'
-- what it answers, as one checksum over every function and some texts
\set answers 'SELECT md5(string_agg(r, E''\n'' ORDER BY n, r)) AS answers FROM (SELECT 1, x::text FROM t, newsclaims.sentences(t.b) x UNION ALL SELECT 2, x::text FROM t, newsclaims.tokens(t.b) x UNION ALL SELECT 3, x::text FROM t, newsclaims.entities(t.b) x UNION ALL SELECT 4, x::text FROM t, newsclaims.quotes(t.b) x UNION ALL SELECT 5, x::text FROM t, newsclaims.claims(t.b) x UNION ALL SELECT 6, newsclaims.analyze(t.b)::text FROM t UNION ALL SELECT 7, newsclaims.version()) s(n, r)'
CREATE TEMP TABLE t (b text);
INSERT INTO t VALUES
  ('Port Strike Ends'),
  (E'Deputy Secretary of State Stephen Mills said on Monday that at least 450 cases of torture had been documented.\n\n"We will hold accountable anybody who is involved," Mills told reporters. Belarusian officials rejected the report.'),
  ($$Revenue rose 12.5% to $1.13bn, the company said. "It was a good year," chief executive Ana Ruiz said.$$),
  ('');
-- 1. the oldest release, updated
CREATE EXTENSION newsclaims VERSION :'oldest';
ALTER EXTENSION newsclaims UPDATE;
SELECT extversion = :'dflt' AS updated_to_default FROM pg_extension WHERE extname = 'newsclaims';
:objects \gset updated_
:answers \gset updated_
DROP EXTENSION newsclaims;
-- 2. a fresh install of the default version
CREATE EXTENSION newsclaims;
:objects \gset fresh_
:answers \gset fresh_
RESET client_min_messages;
SELECT :'updated_objects' = :'fresh_objects' AS same_objects,
       :'updated_answers' = :'fresh_answers' AS same_answers;
-- the objects, for the record
SELECT :'fresh_objects' AS objects \gset
\echo :objects
\c :regress_db
DROP DATABASE nc_upgrade;
