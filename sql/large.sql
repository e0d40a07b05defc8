--
-- A multi-megabyte text: counts, not contents.  ASCII only.
--
-- The text lives in a temporary table, so it is built once and the plans
-- below do not carry it as a constant.  It is built without a parallel
-- worker: under force_parallel_mode = regress the folded repeat() constant
-- would be serialized into the worker's plan, which takes seconds.
SET force_parallel_mode = off;
CREATE TEMP TABLE big AS
  SELECT repeat($$Mr. Smith paid $1.5 million for No. 10 Elm St. in Jan. 2023. "It was a fair price," he said.$$ || E'\n\n', 60000) AS body;
RESET force_parallel_mode;
SELECT length(body) AS characters, octet_length(body) > 5000000 AS over_5_mb FROM big;
-- two sentences per repetition, one paragraph per repetition
SELECT count(*) AS sentences, min(sentence), max(sentence),
       count(DISTINCT paragraph) AS paragraphs, count(DISTINCT text) AS distinct_texts
  FROM big, LATERAL newsclaims.sentences(big.body);
-- the last sentence ends where the text's last non-space character is
SELECT max(upper(span)) = (SELECT length(rtrim(body, E'\n')) + 1 FROM big) AS last_span_ok
  FROM big, LATERAL newsclaims.sentences(big.body);
-- token counts by kind
SELECT kind, count(*) FROM big, LATERAL newsclaims.tokens(big.body) GROUP BY kind ORDER BY kind;
-- spans hold over the whole text (checked on a sample: substr() on a
-- multi-megabyte text walks it from the start every time)
SELECT count(*) AS sampled,
       count(*) FILTER (WHERE substr(big.body, lower(s.span), upper(s.span) - lower(s.span)) = s.text) AS matching
  FROM big, LATERAL newsclaims.sentences(big.body) s
 WHERE s.sentence IN (1, 2, 3, 59999, 60000, 60001, 119998, 119999, 120000);
-- one paragraph, one line, no break anywhere: a single 5 MB "sentence"
SELECT count(*) AS sentences, max(upper(span) - lower(span)) AS longest
  FROM newsclaims.sentences(repeat('word ', 1000000));
DROP TABLE big;
