--
-- Spans: 1-based character positions, [start,end), so that
-- substr(body, lower(span), upper(span) - lower(span)) = text, and spans
-- compose with the range operators.  ASCII only.
--
CREATE TEMP TABLE docs (id int PRIMARY KEY, body text);
INSERT INTO docs VALUES
  (1, 'The vote was close. Was it fair? Nobody knows!'),
  (2, E'  Leading spaces.\tA tab. Trailing spaces.   '),
  (3, E'Council approves budget\n\nThe city council on Monday approved\na budget of $2.1 million. The vote was 5-2.\n\n"We are pleased," the mayor said.'),
  (4, E'Headline\r\nOne line, one paragraph.\r\nAnother one. With two sentences.\r\n'),
  (5, $$Mr. O'Brien paid $4.5 million (about 3.2%) for No. 12 Elm St. in Jan. 2023... "It's fair," he said.$$),
  (6, 'x'),
  (7, E'\n\n\nA.\n\n\nB.\n\n\n');
-- the spans of a small text, by hand: "One. Two." has "One." at 1-4 and
-- "Two." at 6-9
SELECT sentence, span, lower(span) AS first, upper(span) - 1 AS last, text
  FROM newsclaims.sentences('One. Two.');
SELECT token, span, text FROM newsclaims.tokens('One. Two.');
-- substr() recovers the text of every sentence and every token
SELECT d.id, count(*) AS sentences,
       count(*) FILTER (WHERE substr(d.body, lower(s.span), upper(s.span) - lower(s.span)) = s.text) AS matching
  FROM docs d, LATERAL newsclaims.sentences(d.body) s
 GROUP BY d.id ORDER BY d.id;
SELECT d.id, count(*) AS tokens,
       count(*) FILTER (WHERE substr(d.body, lower(t.span), upper(t.span) - lower(t.span)) = t.text) AS matching
  FROM docs d, LATERAL newsclaims.tokens(d.body) t
 GROUP BY d.id ORDER BY d.id;
-- every span is a non-empty [start,end) range inside the text
SELECT bool_and(lower_inc(s.span) AND NOT upper_inc(s.span) AND NOT isempty(s.span)
                AND lower(s.span) >= 1 AND upper(s.span) <= length(d.body) + 1) AS sentence_spans_ok
  FROM docs d, LATERAL newsclaims.sentences(d.body) s;
SELECT bool_and(lower_inc(t.span) AND NOT upper_inc(t.span) AND NOT isempty(t.span)
                AND lower(t.span) >= 1 AND upper(t.span) <= length(d.body) + 1) AS token_spans_ok
  FROM docs d, LATERAL newsclaims.tokens(d.body) t;
-- every token lies inside its own sentence (<@) ...
SELECT count(*) AS tokens_outside_their_sentence
  FROM docs d, LATERAL newsclaims.tokens(d.body) t
  JOIN LATERAL newsclaims.sentences(d.body) s ON s.sentence = t.sentence
 WHERE NOT t.span <@ s.span;
-- ... and overlaps no other sentence (&&)
SELECT count(*) AS tokens_overlapping_other_sentences
  FROM docs d, LATERAL newsclaims.tokens(d.body) t
  JOIN LATERAL newsclaims.sentences(d.body) s ON s.sentence <> t.sentence
 WHERE t.span && s.span;
-- a sentence starts with its first token and ends with its last one
SELECT count(*) AS sentences_not_trimmed_to_tokens
  FROM docs d, LATERAL newsclaims.sentences(d.body) s
  JOIN LATERAL (SELECT t.sentence, min(lower(t.span)) AS lo, max(upper(t.span)) AS hi
                  FROM newsclaims.tokens(d.body) t GROUP BY t.sentence) tt
    ON tt.sentence = s.sentence
 WHERE lower(s.span) <> tt.lo OR upper(s.span) <> tt.hi;
-- sentences and tokens come in text order and never overlap each other
SELECT count(*) AS overlapping_or_unordered_sentences
  FROM docs d, LATERAL newsclaims.sentences(d.body) a, LATERAL newsclaims.sentences(d.body) b
 WHERE a.sentence < b.sentence AND NOT a.span << b.span;
SELECT count(*) AS overlapping_or_unordered_tokens
  FROM docs d, LATERAL newsclaims.tokens(d.body) a, LATERAL newsclaims.tokens(d.body) b
 WHERE a.token < b.token AND NOT a.span << b.span;
-- position lookups with @>: which sentence holds character 25?
SELECT sentence, text FROM newsclaims.sentences('The vote was close. Was it fair? Nobody knows!') WHERE span @> 25;
-- the tokens of the second sentence, found by range containment
SELECT t.token, t.text
  FROM newsclaims.sentences('The vote was close. Was it fair? Nobody knows!') s,
       newsclaims.tokens('The vote was close. Was it fair? Nobody knows!') t
 WHERE s.sentence = 2 AND t.span <@ s.span ORDER BY t.token;
