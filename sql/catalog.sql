--
-- What CREATE EXTENSION made: schema, functions and their properties, and
-- newsclaims.version().  ASCII only.
--
SELECT e.extname, e.extversion, n.nspname AS schema, e.extrelocatable
  FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
 WHERE e.extname = 'newsclaims';
-- the foundation's functions
SELECT p.proname, pg_get_function_arguments(p.oid) AS arguments,
       pg_get_function_result(p.oid) AS result,
       p.provolatile, p.proisstrict, p.proparallel, p.proretset,
       p.procost > 1 AS costly, p.prorows
  FROM pg_proc p
 WHERE p.pronamespace = 'newsclaims'::regnamespace
   AND p.proname IN ('sentences', 'tokens', 'version')
 ORDER BY p.proname;
-- every function of the extension is PARALLEL SAFE, and every one that
-- takes a text is IMMUTABLE and STRICT
SELECT p.oid::regprocedure AS not_parallel_safe
  FROM pg_proc p WHERE p.pronamespace = 'newsclaims'::regnamespace AND p.proparallel <> 's';
SELECT p.oid::regprocedure AS text_function_not_immutable_strict
  FROM pg_proc p
 WHERE p.pronamespace = 'newsclaims'::regnamespace
   AND 'text'::regtype = ANY (p.proargtypes)
   AND (p.provolatile <> 'i' OR NOT p.proisstrict);
-- every object of the extension lives in schema newsclaims
SELECT pg_describe_object(d.classid, d.objid, d.objsubid) AS outside_schema
  FROM pg_depend d JOIN pg_proc p ON d.classid = 'pg_proc'::regclass AND p.oid = d.objid
 WHERE d.refclassid = 'pg_extension'::regclass
   AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'newsclaims')
   AND p.pronamespace <> 'newsclaims'::regnamespace;
-- version(): the extension, ICU and lexicon versions
SELECT newsclaims.version() IS NOT NULL AS has_version;
SELECT strpos(newsclaims.version(), 'newsclaims ' || (SELECT extversion FROM pg_extension WHERE extname = 'newsclaims') || ',') = 1 AS names_extension_version,
       newsclaims.version() ~* 'icu' AS names_icu,
       newsclaims.version() ~* 'lexicon' AS names_lexicons;
-- the extension can be dropped and created again
DROP EXTENSION newsclaims;
SELECT count(*) AS functions_left FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE n.nspname = 'newsclaims';
CREATE EXTENSION newsclaims;
SELECT count(*) FROM newsclaims.sentences('Back again. Works.');
