--
-- The functions over a table of articles, with LATERAL joins.  ASCII only.
--
CREATE TABLE articles (id text PRIMARY KEY, body text);
INSERT INTO articles VALUES
  ('budget', E'Council approves budget\n\nThe city council on Monday approved a budget of $2.1 million. The vote was 5-2.\n\n"We are pleased," Mayor Ortega said.'),
  ('storm', E'Storm hits coast\nA storm hit the coast on Sunday.\nAbout 12,000 homes lost power, the utility said.\nRepairs will take days.'),
  ('empty', ''),
  ('blank', E'  \n\n  '),
  ('missing', NULL),
  ('shares', 'Shares of Acme Inc. rose 3.5% on Friday. Dr. Lee called it "a good start."');
-- every sentence of every article; articles without text give no rows
SELECT a.id, s.sentence, s.paragraph, s.span, s.text
  FROM articles a, LATERAL newsclaims.sentences(a.body) s
 ORDER BY a.id, s.sentence;
-- LEFT JOIN LATERAL keeps the articles without sentences
SELECT a.id, count(s.sentence) AS sentences, count(DISTINCT s.paragraph) AS paragraphs
  FROM articles a LEFT JOIN LATERAL newsclaims.sentences(a.body) s ON true
 GROUP BY a.id ORDER BY a.id;
-- tokens per kind and article
SELECT a.id, t.kind, count(*)
  FROM articles a, LATERAL newsclaims.tokens(a.body) t
 GROUP BY a.id, t.kind ORDER BY a.id, t.kind;
-- tokens joined to their sentences: the first word of every sentence
SELECT a.id, s.sentence, t.text AS first_word
  FROM articles a,
       LATERAL newsclaims.sentences(a.body) s,
       LATERAL (SELECT x.text FROM newsclaims.tokens(a.body) x
                 WHERE x.sentence = s.sentence AND x.kind = 'word'
                 ORDER BY x.token LIMIT 1) t
 ORDER BY a.id, s.sentence;
-- the same function in the select list (one set per row)
SELECT id, (newsclaims.sentences(body)).sentence, (newsclaims.sentences(body)).text
  FROM articles WHERE id = 'storm' ORDER BY 2;
-- results materialized in a table keep their types
CREATE TABLE article_sentences AS
  SELECT a.id, s.* FROM articles a, LATERAL newsclaims.sentences(a.body) s;
\d article_sentences
SELECT count(*) FROM article_sentences;
-- a view over the function
CREATE VIEW article_sentence_counts AS
  SELECT a.id, (SELECT count(*) FROM newsclaims.sentences(a.body)) AS n FROM articles a;
SELECT * FROM article_sentence_counts ORDER BY id;
DROP VIEW article_sentence_counts;
DROP TABLE article_sentences, articles;
