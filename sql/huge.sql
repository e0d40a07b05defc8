--
-- 100 MB of text, and a result too large to return.  Slow (tens of
-- seconds), so it runs in the UTF8 database without force_parallel_mode
-- only; elsewhere it skips itself (expected/huge_1.out).
--
SELECT getdatabaseencoding() <> 'UTF8' OR current_setting('force_parallel_mode') <> 'off' AS skip_test \gset
\if :skip_test
\quit
\endif
CREATE TEMP TABLE huge AS
  SELECT repeat(E'Dock workers returned on Monday, Mr. Hale said. "It is over," he said of the 12-day strike.\n\n', 1100000) AS body;
SELECT octet_length(body) > 100000000 AS over_100_mb FROM huge;
-- every sentence found, the last one ending at the last character
SELECT count(*) AS sentences, max(upper(span)) = (SELECT length(rtrim(body, E'\n')) + 1 FROM huge) AS last_end_ok
  FROM huge, LATERAL newsclaims.sentences(huge.body);
-- the whole pipeline up to quotes over 100 MB: one quote per paragraph
SELECT count(*) AS quotes, count(DISTINCT text) AS distinct_texts, max(upper(span)) < 101000000 AS in_text
  FROM huge, LATERAL newsclaims.quotes(huge.body);
DROP TABLE huge;
-- analyze() of a text whose analysis is past jsonb's limits (14 MB of
-- numbers make 1.2 GB of JSON): a clear error, program_limit_exceeded
DO $$
BEGIN
  PERFORM newsclaims.analyze(repeat('1 ', 7000000));
  RAISE NOTICE 'no error';
EXCEPTION WHEN program_limit_exceeded THEN
  RAISE NOTICE 'program_limit_exceeded';
END
$$;
