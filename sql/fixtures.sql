--
-- The sample articles in test/data/articles, read with psql: every sentence,
-- and the span identity over every token.  The articles use curly quotes and
-- other characters LATIN1 lacks, so this needs a UTF8 database; elsewhere
-- it skips itself (expected/fixtures_1.out).
--
SELECT getdatabaseencoding() <> 'UTF8' AS skip_test \gset
\if :skip_test
\quit
\endif
\getenv abs_srcdir PG_ABS_SRCDIR
CREATE TEMP TABLE articles (id text PRIMARY KEY, body text NOT NULL);
\set f :abs_srcdir '/test/data/articles/court.txt'
\set body `cat :'f'`
INSERT INTO articles VALUES ('court', :'body');
\set f :abs_srcdir '/test/data/articles/earnings.txt'
\set body `cat :'f'`
INSERT INTO articles VALUES ('earnings', :'body');
\set f :abs_srcdir '/test/data/articles/election.txt'
\set body `cat :'f'`
INSERT INTO articles VALUES ('election', :'body');
\set f :abs_srcdir '/test/data/articles/sanctions.txt'
\set body `cat :'f'`
INSERT INTO articles VALUES ('sanctions', :'body');
\set f :abs_srcdir '/test/data/articles/tech.txt'
\set body `cat :'f'`
INSERT INTO articles VALUES ('tech', :'body');
\unset body
-- sizes, sentences and paragraphs per article
SELECT a.id, length(a.body) AS characters,
       (SELECT count(*) FROM newsclaims.sentences(a.body)) AS sentences,
       (SELECT count(DISTINCT paragraph) FROM newsclaims.sentences(a.body)) AS paragraphs,
       (SELECT count(*) FROM newsclaims.tokens(a.body)) AS tokens
  FROM articles a ORDER BY a.id;
-- substr() recovers every sentence and token
SELECT a.id,
       (SELECT count(*) FROM newsclaims.sentences(a.body) s
         WHERE substr(a.body, lower(s.span), upper(s.span) - lower(s.span)) <> s.text) AS sentence_mismatches,
       (SELECT count(*) FROM newsclaims.tokens(a.body) t
         WHERE substr(a.body, lower(t.span), upper(t.span) - lower(t.span)) <> t.text) AS token_mismatches
  FROM articles a ORDER BY a.id;
-- quotation marks per article: opening and closing marks should balance
SELECT a.id, t.kind, count(*)
  FROM articles a, LATERAL newsclaims.tokens(a.body) t
 WHERE t.kind LIKE 'quote%'
 GROUP BY a.id, t.kind ORDER BY a.id, t.kind;
-- every sentence
SELECT a.id, s.paragraph, s.sentence, s.text
  FROM articles a, LATERAL newsclaims.sentences(a.body) s
 ORDER BY a.id, s.sentence;
