--
-- newsclaims.analyze(): every extractor in one pass, as jsonb, agreeing with
-- the set-returning functions row for row.  Passages written for this test.
--
CREATE TEMP TABLE desk (id int PRIMARY KEY, body text);
INSERT INTO desk VALUES
  (1, E'Port Strike Ends After Nine Days\n\n'
      'Dock workers in Harlow returned on Monday after union leader Maria Costa '
      'accepted a 4.5 percent pay rise. "It is not everything we wanted, but it is '
      'a fair deal," Costa said.\n\n'
      'The Harbour Authority said the strike had cost about $12 million.'),
  (2, 'Nothing numeric or quoted here, only plain words.'),
  (3, '');
-- NULL in, NULL out
SELECT newsclaims.analyze(NULL) IS NULL AS null_in_null_out;
-- the three keys, always arrays
SELECT id, jsonb_typeof(a -> 'entities') AS entities, jsonb_typeof(a -> 'quotes') AS quotes,
       jsonb_typeof(a -> 'claims') AS claims
FROM desk, LATERAL newsclaims.analyze(body) AS a ORDER BY id;
-- each element has exactly the columns of the matching function, spans as start/end
SELECT DISTINCT 'entities' AS part, array_agg(k ORDER BY k) AS keys
FROM desk, LATERAL jsonb_array_elements(newsclaims.analyze(body) -> 'entities') e,
     LATERAL jsonb_object_keys(e) k WHERE id = 1 GROUP BY e
UNION
SELECT DISTINCT 'quotes', array_agg(k ORDER BY k)
FROM desk, LATERAL jsonb_array_elements(newsclaims.analyze(body) -> 'quotes') e,
     LATERAL jsonb_object_keys(e) k WHERE id = 1 GROUP BY e
UNION
SELECT DISTINCT 'claims', array_agg(k ORDER BY k)
FROM desk, LATERAL jsonb_array_elements(newsclaims.analyze(body) -> 'claims') e,
     LATERAL jsonb_object_keys(e) k WHERE id = 1 GROUP BY e
ORDER BY 1;
-- the same rows as entities(), quotes() and claims()
SELECT d.id,
  (SELECT count(*) FROM newsclaims.entities(d.body)) = jsonb_array_length(a -> 'entities') AS entities_agree,
  (SELECT count(*) FROM newsclaims.quotes(d.body)) = jsonb_array_length(a -> 'quotes') AS quotes_agree,
  (SELECT count(*) FROM newsclaims.claims(d.body)) = jsonb_array_length(a -> 'claims') AS claims_agree
FROM desk d, LATERAL newsclaims.analyze(d.body) a ORDER BY d.id;
SELECT count(*) AS mismatched_entities
FROM desk d, LATERAL newsclaims.entities(d.body) e
WHERE NOT EXISTS (
  SELECT 1 FROM jsonb_array_elements(newsclaims.analyze(d.body) -> 'entities') j
  WHERE (j ->> 'entity')::int = e.entity AND j ->> 'name' = e.name
    AND (j ->> 'start')::int = lower(e.span) AND (j ->> 'end')::int = upper(e.span));
SELECT count(*) AS mismatched_claims
FROM desk d, LATERAL newsclaims.claims(d.body) c
WHERE NOT EXISTS (
  SELECT 1 FROM jsonb_array_elements(newsclaims.analyze(d.body) -> 'claims') j
  WHERE (j ->> 'claim')::int = c.claim AND (j -> 'value')::text::numeric = c.value
    AND (j ->> 'start')::int = lower(c.span) AND j ->> 'unit' = c.unit);
-- what the article says, from the jsonb
SELECT q ->> 'text' AS quote, q ->> 'speaker' AS speaker
FROM desk, LATERAL jsonb_array_elements(newsclaims.analyze(body) -> 'quotes') q WHERE id = 1;
SELECT c ->> 'text' AS claim, c -> 'value' AS value, c ->> 'unit' AS unit, c ->> 'approx' AS approx
FROM desk, LATERAL jsonb_array_elements(newsclaims.analyze(body) -> 'claims') c WHERE id = 1;
-- usable as a generated column
CREATE TEMP TABLE stored (id int, body text,
  analysis jsonb GENERATED ALWAYS AS (newsclaims.analyze(body)) STORED);
INSERT INTO stored SELECT id, body FROM desk;
SELECT id, jsonb_array_length(analysis -> 'quotes') AS quotes FROM stored ORDER BY id;
