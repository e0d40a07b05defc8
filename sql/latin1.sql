--
-- A LATIN1 database: the text is converted to UTF-8 for the core, and
-- positions still count the characters of the original.  Runs only in a
-- LATIN1 database; elsewhere it skips itself (expected/latin1_1.out).
--
SELECT getdatabaseencoding() <> 'LATIN1' AS skip_test \gset
\if :skip_test
\quit
\endif
-- this file is UTF-8; the server converts what it reads to LATIN1
SET client_encoding = 'UTF8';
CREATE TEMP TABLE docs (id int PRIMARY KEY, body text);
INSERT INTO docs VALUES
  (1, 'Zoë said the café « noir » costs £4.50, or ¥700, at 20°C.'),
  (2, '¿Qué pasó? ¡Sí! El señor Muñoz habló.'),
  (3, E'Straße in Köln\n\nDer Bürgermeister sagte: «Wir schaffen das.» Dann ging er.'),
  (4, $$O'Brien's café, the Müllers' house and 'scare quotes'.$$);
-- the characters really are LATIN1 in the database
SELECT id, length(body) AS characters, octet_length(body) AS bytes FROM docs ORDER BY id;
SELECT token, span, text, kind FROM newsclaims.tokens((SELECT body FROM docs WHERE id = 1));
SELECT sentence, paragraph, span, text FROM newsclaims.sentences((SELECT body FROM docs WHERE id = 2));
SELECT sentence, paragraph, span, text FROM newsclaims.sentences((SELECT body FROM docs WHERE id = 3));
SELECT token, span, text, kind FROM newsclaims.tokens((SELECT body FROM docs WHERE id = 4));
-- the text column comes back in the database encoding
SELECT convert_to(text, 'LATIN1') AS latin1_bytes
  FROM newsclaims.tokens('café') WHERE kind = 'word';
-- substr() recovers every sentence and token
SELECT d.id, count(*) AS sentences,
       count(*) FILTER (WHERE substr(d.body, lower(s.span), upper(s.span) - lower(s.span)) = s.text) AS matching
  FROM docs d, LATERAL newsclaims.sentences(d.body) s
 GROUP BY d.id ORDER BY d.id;
SELECT d.id, count(*) AS tokens,
       count(*) FILTER (WHERE substr(d.body, lower(t.span), upper(t.span) - lower(t.span)) = t.text) AS matching
  FROM docs d, LATERAL newsclaims.tokens(d.body) t
 GROUP BY d.id ORDER BY d.id;
-- a multi-megabyte LATIN1 text: the last span ends at the last character
WITH x AS (SELECT repeat('Le café coûte 4,50. ', 100000) AS b)
SELECT count(*) AS sentences, max(upper(s.span)) = (SELECT length(rtrim(b)) + 1 FROM x) AS last_end_ok
  FROM x, LATERAL newsclaims.sentences(x.b) s;
