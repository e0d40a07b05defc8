-- Queries `make demo` runs over the table articles(id text, body text), one
-- per line, printed as psql tables.  Add one line per new extractor.
SELECT newsclaims.version();
SELECT id, length(body) AS characters, (SELECT count(*) FROM newsclaims.sentences(body)) AS sentences, (SELECT count(*) FROM newsclaims.tokens(body)) AS tokens FROM articles ORDER BY id;
SELECT a.id, s.sentence, s.paragraph, s.span, s.text FROM articles a, LATERAL newsclaims.sentences(a.body) s ORDER BY a.id, s.sentence;
SELECT a.id, e.entity, e.name, e.type, count(*) AS mentions, string_agg(DISTINCT e.role, '; ') AS roles FROM articles a, LATERAL newsclaims.entities(a.body) e GROUP BY a.id, e.entity, e.name, e.type ORDER BY a.id, e.entity;
SELECT a.id, q.quote, left(q.text, 70) AS quote_text, q.speaker, q.speaker_mention, q.verb, q.continues FROM articles a, LATERAL newsclaims.quotes(a.body) q ORDER BY a.id, q.quote;
SELECT a.id, c.claim, c.text, c.value, c.value_max, c.unit, c.approx, c.object, c.source FROM articles a, LATERAL newsclaims.claims(a.body) c ORDER BY a.id, c.claim;
