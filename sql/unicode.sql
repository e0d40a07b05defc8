--
-- Positions in non-ASCII text: spans count characters (code points) of the
-- text, not bytes.  Needs a UTF8 database: in any other encoding the test
-- skips itself (expected/unicode_1.out).
--
SELECT getdatabaseencoding() <> 'UTF8' AS skip_test \gset
\if :skip_test
\quit
\endif
-- 2-, 3- and 4-byte characters before, inside and after tokens
SELECT token, span, text, kind FROM newsclaims.tokens('Zoë’s café — 5 € or £4 😀 naïve.');
SELECT sentence, span, text FROM newsclaims.sentences('Café owners in Zürich cheered. Prices fell 5 €. 😀 Nobody knows why.');
-- combining marks stay in their word
SELECT token, span, text, kind FROM newsclaims.tokens(U&'The cafe\0301 closed.');
-- no-break space and other Unicode spaces separate tokens
SELECT token, span, text FROM newsclaims.tokens(E'Mr.\u00a0Smith met\u2009them\u3000today.');
-- non-Latin scripts: ICU sentence breaks after the ideographic full stop
SELECT sentence, span, text FROM newsclaims.sentences('東京で会議が開かれた。首相は出席しなかった。');
SELECT sentence, span, text FROM newsclaims.sentences('Президент выступил во вторник. Он не ответил на вопросы.');
-- substr(body, lower(span), upper(span) - lower(span)) = text for every row
WITH t(body) AS (VALUES
  ('Zoë’s café — 5 € or £4 😀 naïve.'),
  (E'“Our people are not afraid.\n\n“Let them freeze what they like.” 東京。'),
  (U&'Cafe\0301 \+01F600\+01F600 «non» ‹oui› „ja“ ‚nein‘.'))
SELECT count(*) AS tokens,
       count(*) FILTER (WHERE substr(body, lower(span), upper(span) - lower(span)) = x.text) AS matching
  FROM t, LATERAL newsclaims.tokens(t.body) x;
WITH t(body) AS (VALUES
  ('Zoë’s café — 5 € or £4 😀 naïve.'),
  (E'“Our people are not afraid.\n\n“Let them freeze what they like.” 東京。'),
  (U&'Cafe\0301 \+01F600\+01F600 «non» ‹oui› „ja“ ‚nein‘.'))
SELECT count(*) AS sentences,
       count(*) FILTER (WHERE substr(body, lower(span), upper(span) - lower(span)) = x.text) AS matching
  FROM t, LATERAL newsclaims.sentences(t.body) x;
