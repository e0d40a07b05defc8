--
-- Hostile non-ASCII input: scripts, marks, emoji, Unicode spaces and quotes
-- nested in every style.  Needs a UTF8 database; elsewhere it skips itself
-- (expected/hostile_utf8_1.out).
--
SELECT getdatabaseencoding() <> 'UTF8' AS skip_test \gset
\if :skip_test
\quit
\endif
-- Cyrillic, CJK, Arabic (RTL) and mixed scripts: spans count characters
WITH t(body) AS (VALUES
  ('Президент Иван Петров сказал: «Мы готовы». 北京欢迎你。东京也是。'),
  ('قال الرئيس "لا" اليوم. وصل 42 شخصا.'),
  ('Mixed Москва-Berlin 東京 text, 5 km and ١٢ أرقام.'))
SELECT count(*) AS tokens,
       count(*) FILTER (WHERE substr(body, lower(span), upper(span) - lower(span)) = x.text) AS matching
  FROM t, LATERAL newsclaims.tokens(t.body) x;
SELECT token, span, text, kind FROM newsclaims.tokens('قال الرئيس "لا" اليوم.');
SELECT quote, text, span FROM newsclaims.quotes('Петров сказал: «Мы готовы, — сказал он. — Всё».');
-- combining marks, emoji with skin tones and ZWJ, flags
SELECT token, span, text, kind FROM newsclaims.tokens(U&'e\0301t\0301\0302e 👨‍👩‍👧 👍🏽 🇺🇦 done.');
-- NBSP, thin, narrow no-break, ideographic spaces, ZWSP, line and paragraph separators
SELECT token, span, text FROM newsclaims.tokens(U&'a\00A0b\2009c\202Fd\3000e\200Bf g\2028h\2029i.');
SELECT sentence, paragraph, text FROM newsclaims.sentences(U&'One here.\2029Two here.\2028Three.');
-- quotes nested 10000 deep in four styles, then closed
SELECT count(*) >= 1 AS found, count(*) <= 10000 AS bounded, min(lower(span)) AS first_start
  FROM newsclaims.quotes(repeat('“w ‘w «w ‹w ', 2500) || 'deep' || repeat(' › » ’ ”', 2500) || ' he said.');
-- a million curly openers, none closed
SELECT count(*) <= 1000000 AS bounded FROM newsclaims.quotes(repeat('“', 1000000));
-- a million combining marks on one letter: one word
SELECT count(*), min(kind), max(upper(span)) FROM newsclaims.tokens('a' || repeat(U&'\0301', 1000000));
-- analyze() of all of it is valid jsonb
SELECT jsonb_typeof(newsclaims.analyze(U&'«Нет», — сказал Петров. 東京 👨‍👩‍👧 a\00A0b 5\00A0000 people.'));
