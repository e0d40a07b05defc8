--
-- An EUC_JP database: the text is converted to UTF-8 for the core, and
-- positions still count the characters of the original.  Makes its own
-- database, so it runs under every encoding.
--
SELECT current_database() AS regress_db \gset
CREATE DATABASE nc_eucjp TEMPLATE template0 ENCODING 'EUC_JP' LC_COLLATE 'C' LC_CTYPE 'C';
-- this file is UTF-8: connect with it as the client encoding (a LATIN1
-- client cannot talk to an EUC_JP database)
\c 'dbname=nc_eucjp client_encoding=UTF8'
SET client_min_messages = warning;
CREATE EXTENSION newsclaims;
RESET client_min_messages;
SET client_encoding = 'UTF8';
SELECT getdatabaseencoding();
CREATE TEMP TABLE docs (id int PRIMARY KEY, body text);
INSERT INTO docs VALUES
  (1, '東京で会議が開かれた。首相は「出席しない」と述べた。'),
  (2, 'Tanaka Taro said: "We agree." 田中太郎は５０％と言った。'),
  (3, E'見出し\n\n本文の一文目。二文目は“引用”です。'),
  (4, 'ｶﾀｶﾅ ﾃｽﾄ and ①② plus 髙橋 and 5 km.');
-- the characters really are EUC_JP in the database
SELECT id, length(body) AS characters, octet_length(body) AS bytes FROM docs ORDER BY id;
SELECT sentence, paragraph, span, text FROM newsclaims.sentences((SELECT body FROM docs WHERE id = 1));
SELECT token, span, text, kind FROM newsclaims.tokens((SELECT body FROM docs WHERE id = 2));
SELECT sentence, paragraph, span, text FROM newsclaims.sentences((SELECT body FROM docs WHERE id = 3));
-- substr() recovers every token and sentence of every text
SELECT d.id, count(*) AS tokens,
       count(*) FILTER (WHERE substr(d.body, lower(t.span), upper(t.span) - lower(t.span)) = t.text) AS matching
  FROM docs d, LATERAL newsclaims.tokens(d.body) t
 GROUP BY d.id ORDER BY d.id;
SELECT d.id, count(*) AS sentences,
       count(*) FILTER (WHERE substr(d.body, lower(s.span), upper(s.span) - lower(s.span)) = s.text) AS matching
  FROM docs d, LATERAL newsclaims.sentences(d.body) s
 GROUP BY d.id ORDER BY d.id;
-- every extractor and analyze() run, values come back in EUC_JP
SELECT count(*) >= 0 AS ok FROM docs d, LATERAL newsclaims.entities(d.body);
SELECT quote, text, span FROM newsclaims.quotes((SELECT body FROM docs WHERE id = 2));
SELECT claim, text, span, value, unit FROM newsclaims.claims((SELECT body FROM docs WHERE id = 4));
SELECT jsonb_typeof(newsclaims.analyze(body)) FROM docs ORDER BY id;
SELECT convert_to(text, 'EUC_JP') AS eucjp_bytes FROM newsclaims.tokens('東京') WHERE token = 1;
-- a multi-megabyte EUC_JP text: the last span ends at the last character
WITH x AS (SELECT repeat('東京で会議が開かれた。', 200000) AS b)
SELECT count(*) AS sentences, max(upper(s.span)) = (SELECT length(b) + 1 FROM x) AS last_end_ok
  FROM x, LATERAL newsclaims.sentences(x.b) s;
-- NULL and empty input still give no rows
SELECT count(*) FROM newsclaims.sentences(NULL);
SELECT count(*) FROM newsclaims.tokens('');
\c :regress_db
DROP DATABASE nc_eucjp;
