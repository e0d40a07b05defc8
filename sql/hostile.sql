--
-- Hostile input with an expected outcome: a result or a clear error, never a
-- crash.  ASCII only, so it runs in every database of the test runs; the
-- non-ASCII cases are in hostile_utf8.sql, 100 MB in huge.sql, the server
-- encodings in latin1.sql, sqlascii.sql and eucjp.sql.
--
-- 1 MB without a space: one token, one sentence, nothing extracted
SELECT count(*) AS tokens, max(upper(span)) AS last_end FROM newsclaims.tokens(repeat('abcdefghij', 100000));
SELECT count(*) FROM newsclaims.entities(repeat('Abcdefghij', 100000));
SELECT jsonb_array_length(a->'entities') AS e, jsonb_array_length(a->'quotes') AS q,
       jsonb_array_length(a->'claims') AS c
  FROM newsclaims.analyze(repeat('abcdefghij', 100000)) a;
-- a million quotation marks, unbalanced (one extra): every one a mark
SELECT kind, count(*) FROM newsclaims.tokens(repeat('"', 1000001)) GROUP BY kind ORDER BY kind;
SELECT count(*) <= 500000 AS bounded FROM newsclaims.quotes(repeat('"', 1000001));
SELECT count(*) FROM newsclaims.claims(repeat('"', 1000001));
-- a million opening marks, each before a word: no quote runs past its paragraph
SELECT count(*) AS quotes, max(upper(span) - lower(span)) < 8000000 AS bounded
  FROM newsclaims.quotes(repeat('"said ', 1000000));
-- a million digits: one number, too long to be a quantity
SELECT count(*), min(kind) FROM newsclaims.tokens(repeat('1234567890', 100000));
SELECT count(*) FROM newsclaims.claims(repeat('1234567890', 100000));
-- 39 digits and more: refused as a quantity, not an overflow
SELECT count(*) FROM newsclaims.claims('It costs ' || repeat('9', 39) || ' dollars.');
SELECT text, value, unit FROM newsclaims.claims('It costs ' || repeat('9', 38) || ' dollars.');
-- a million digits in groups: numbers with values numeric accepts
SELECT count(*) > 100000 AS many, max(value) < 1e7 AS bounded
  FROM newsclaims.claims(repeat('1,234.5 ', 125000));
-- quotes nested 10000 deep in straight marks, then closed
SELECT count(*) >= 1 AS found, count(*) <= 10000 AS bounded
  FROM newsclaims.quotes(repeat('"a ''b ', 5000) || 'deep' || repeat(''' c" d', 5000) || ' he said.');
-- all-caps and all-lowercase articles: the same sentences and quotes
WITH a(body) AS (VALUES ($$Port Workers Strike Ends

Dock workers in Valmora returned to work on Monday after a 12-day strike, the harbour authority said. "We have an agreement that protects 4,500 jobs," union leader Ines Carvalho told reporters. Wages will rise 6.5% next year.

Mayor Tomas Ruiz said the city had lost about 40 million dollars. "It was a hard month," Ruiz said, "but the port is open again."$$))
SELECT v.variant,
       (SELECT count(*) FROM newsclaims.sentences(v.body)) AS sentences,
       (SELECT count(*) FROM newsclaims.tokens(v.body)) AS tokens,
       (SELECT count(*) FROM newsclaims.quotes(v.body)) AS quotes,
       (SELECT count(*) FROM newsclaims.claims(v.body)) AS claims,
       (SELECT count(*) > 0 FROM newsclaims.entities(v.body)) AS has_entities
  FROM a, LATERAL (VALUES ('as written', a.body), ('upper', upper(a.body)), ('lower', lower(a.body))) v(variant, body)
 ORDER BY 1;
-- CR, CRLF and form feeds separate lines and paragraphs as LF does
SELECT v.ending, s.sentence, s.paragraph, s.span, s.text
  FROM (VALUES ('LF', E'One here.\n\nTwo here.\nThree here.'),
               ('CRLF', E'One here.\r\n\r\nTwo here.\r\nThree here.'),
               ('CR', E'One here.\r\rTwo here.\rThree here.'),
               ('FF', E'One here.\n\nTwo here.\fThree here.')) v(ending, body),
       LATERAL newsclaims.sentences(v.body) s
 ORDER BY 1, 2;
-- control characters and DEL separate words, not crashes
SELECT token, span, text, kind FROM newsclaims.tokens(E'a\x01b\x7fc\x1bd') ORDER BY token;
