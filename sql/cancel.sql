--
-- A long call on a large text stops promptly when statement_timeout fires.
-- ASCII only.
--
-- About 100 MB of text: going through all of it takes far longer than the
-- 1 s timeout.  It is built once, in a temporary table, without a parallel
-- worker (see large.sql).
SET force_parallel_mode = off;
CREATE TEMP TABLE huge AS
  SELECT repeat('The minister said the plan would work. ', 2600000) AS body;
RESET force_parallel_mode;
SELECT octet_length(body) > 100000000 AS over_100_mb FROM huge;
SET statement_timeout = '1s';
SELECT count(*) FROM huge, LATERAL newsclaims.sentences(huge.body);
SELECT count(*) FROM huge, LATERAL newsclaims.tokens(huge.body);
-- promptly: the cancel arrives within a few seconds, not after the whole text
DO $$
DECLARE
  t0 timestamptz := clock_timestamp();
BEGIN
  PERFORM count(*) FROM huge, LATERAL newsclaims.sentences(huge.body);
  RAISE NOTICE 'not cancelled';
EXCEPTION WHEN query_canceled THEN
  RAISE NOTICE 'cancelled within 5 s: %', clock_timestamp() - t0 < interval '5 s';
END
$$;
RESET statement_timeout;
-- the session goes on working afterwards
SELECT count(*) FROM newsclaims.sentences('Still here. Still working.');
SELECT count(*) FROM newsclaims.tokens('Still here. Still working.');
DROP TABLE huge;
