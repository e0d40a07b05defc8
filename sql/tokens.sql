--
-- newsclaims.tokens(): tokens and their kinds.  ASCII only: runs unchanged
-- in every database encoding (curly quotes etc. are in quotes.sql).
--
SELECT * FROM newsclaims.tokens(NULL);
SELECT * FROM newsclaims.tokens('');
SELECT * FROM newsclaims.tokens(E' \t\n\n ');
-- words, numbers, punctuation, symbols
SELECT * FROM newsclaims.tokens('Shares rose 6.2% to $118.45 on Thursday.');
SELECT token, text, kind FROM newsclaims.tokens('About 1,200 people - 40 percent - signed; 3/4 of them & more + others (mostly) agreed!');
-- apostrophes are part of words, not quotation marks
SELECT token, text, kind FROM newsclaims.tokens($$We don't know, O'Brien said, what the '90s meant for rock music.$$);
-- straight double quotes: opening and closing
SELECT token, text, kind FROM newsclaims.tokens($$"We will win," he said.$$);
-- straight single quotes around a phrase
SELECT token, text, kind FROM newsclaims.tokens($$He called it 'a mistake' and left.$$);
-- token numbers are 1-based and consecutive; sentence numbers match sentences()
SELECT token, sentence, text FROM newsclaims.tokens('Yes. No! Maybe?');
-- abbreviations keep their period, a sentence's final period is its own token
SELECT token, text, kind FROM newsclaims.tokens('Mr. Smith of Acme Inc. met U.S. officials at 5 p.m. on Jan. 3.');
-- the result type
SELECT pg_typeof(token) AS token, pg_typeof(sentence) AS sentence,
       pg_typeof(span) AS span, pg_typeof(text) AS text, pg_typeof(kind) AS kind
  FROM newsclaims.tokens('word');
-- every kind a text can have, counted
SELECT kind, count(*)
  FROM newsclaims.tokens($$"It's 5% of $3.5 billion," she said -- 'maybe' more.$$)
 GROUP BY kind ORDER BY kind;
