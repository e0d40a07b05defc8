--
-- Misuse gets a clear error: wrong argument types, wrong arity, a set
-- where a value is expected, and results too large to return.
--
\set VERBOSITY terse
-- an int, a bytea, a jsonb: the signatures are text only
SELECT * FROM newsclaims.sentences(42);
SELECT * FROM newsclaims.tokens('\x4142'::bytea);
SELECT newsclaims.analyze('{"a": 1}'::jsonb);
SELECT * FROM newsclaims.entities(ARRAY['a', 'b']);
SELECT * FROM newsclaims.quotes(1.5);
SELECT * FROM newsclaims.claims(now());
-- a varchar, a char(n), a name and an unknown literal are text enough
SELECT count(*) FROM newsclaims.sentences('One. Two.'::varchar);
SELECT count(*) FROM newsclaims.sentences('One. Two.'::char(9));
SELECT count(*) FROM newsclaims.tokens('word'::name);
-- wrong arity
SELECT * FROM newsclaims.sentences();
SELECT * FROM newsclaims.sentences('a', 'b');
SELECT newsclaims.version('x');
-- a set-returning function where a value is expected
SELECT 1 WHERE newsclaims.sentences('a') IS NULL;
-- a bytea that is text in disguise must be converted explicitly
SELECT count(*) FROM newsclaims.tokens(convert_from('\x4f6e652e'::bytea, 'UTF8'));
-- NULL in, no rows or NULL out (STRICT)
SELECT count(*) FROM newsclaims.claims(NULL);
SELECT newsclaims.analyze(NULL) IS NULL AS is_null;
-- the functions cannot be called as aggregates or with named wrong arguments
SELECT * FROM newsclaims.sentences(text => 'a');
SELECT count(*) FROM newsclaims.sentences(body => 'One. Two.');
