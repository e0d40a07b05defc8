--
-- newsclaims.entities(): typed mentions grouped per entity under its fullest
-- name.  Every passage was written for this test.  Needs a UTF8 database
-- for the curly apostrophes: elsewhere the test skips itself
-- (expected/entities_1.out).
--
SELECT getdatabaseencoding() <> 'UTF8' AS skip_test \gset
\if :skip_test
\quit
\endif
-- the shape of a row; a title goes to role, a later surname joins the person
SELECT * FROM newsclaims.entities(
  'Foreign Minister Ingrid Solberg met President Tomas Varga in Vienna on Monday. '
  'Solberg later told reporters the talks had been useful.');
-- possessive ’s stays outside the mention; "Mr X" joins the full name
SELECT entity, name, type, mention, role FROM newsclaims.entities(
  'Opposition leader Viktor Halloran’s allies were detained on Friday. '
  'Mr. Halloran called the arrests unlawful.');
-- an acronym defined in parentheses joins its full form
SELECT entity, name, type, mention FROM newsclaims.entities(
  'The Securities and Exchange Commission (SEC) fined the firm on Tuesday. '
  'The SEC said the penalty was the largest this year.');
-- demonyms and nationalities are MISC; countries and cities are LOC
SELECT entity, name, type, mention FROM newsclaims.entities(
  'Belarusian and Lithuanian officials met in Warsaw to discuss the border with Poland.');
-- sentence-initial names and a headline in title case
SELECT entity, name, type, mention, sentence FROM newsclaims.entities(
  E'Germany Weighs New Sanctions\n\nBerlin is preparing new measures, Chancellor Anna Weber said.');
-- spans locate every mention
SELECT bool_and(substr(b, lower(span), upper(span) - lower(span)) = mention) AS spans_ok,
       count(*) AS mentions
FROM (VALUES ('Ingrid Solberg of Norway met U.N. envoys in Geneva; Solberg’s aides stayed in Oslo.')) AS t(b),
     LATERAL newsclaims.entities(b);
-- NULL and empty input
SELECT count(*) FROM newsclaims.entities(NULL);
SELECT count(*) FROM newsclaims.entities('');
-- a LATERAL join over a table of articles: who is mentioned where
CREATE TEMP TABLE desk (id int PRIMARY KEY, body text);
INSERT INTO desk VALUES
  (1, 'Prime Minister Laila Haddad visited Toronto on Monday. Haddad met workers at a steel plant.'),
  (2, 'The European Union said on Tuesday it would review its trade rules. The EU will decide in March.'),
  (3, 'No names appear in this sentence at all.');
SELECT d.id, e.entity, e.name, e.type, count(*) AS mentions
FROM desk d, LATERAL newsclaims.entities(d.body) e
GROUP BY d.id, e.entity, e.name, e.type
ORDER BY d.id, e.entity;
-- articles without entities still appear with a LEFT JOIN
SELECT d.id, count(e.entity) AS mentions
FROM desk d LEFT JOIN LATERAL newsclaims.entities(d.body) e ON true
GROUP BY d.id ORDER BY d.id;
