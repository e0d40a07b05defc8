-- Queries `make demo` runs over the table articles(id text, body text), one
-- per line, printed as psql tables.  Add one line per new extractor.
SELECT newsclaims.version();
SELECT id, length(body) AS characters, (SELECT count(*) FROM newsclaims.sentences(body)) AS sentences, (SELECT count(*) FROM newsclaims.tokens(body)) AS tokens FROM articles ORDER BY id;
SELECT a.id, s.sentence, s.paragraph, s.span, s.text FROM articles a, LATERAL newsclaims.sentences(a.body) s ORDER BY a.id, s.sentence;
