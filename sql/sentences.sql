--
-- newsclaims.sentences(): basic behaviour.  ASCII only: runs unchanged in
-- every database encoding.
--
-- NULL, empty and whitespace-only input give no rows (the function is STRICT)
SELECT * FROM newsclaims.sentences(NULL);
SELECT * FROM newsclaims.sentences('');
SELECT * FROM newsclaims.sentences('   ');
SELECT * FROM newsclaims.sentences(E' \t\n\n  \r\n \f ');
-- one sentence, with and without final punctuation
SELECT * FROM newsclaims.sentences('The council met on Tuesday.');
SELECT * FROM newsclaims.sentences('The council met on Tuesday');
SELECT * FROM newsclaims.sentences('x');
SELECT * FROM newsclaims.sentences('.');
-- surrounding whitespace is not part of a sentence; positions still count it
SELECT * FROM newsclaims.sentences(E'  \n  The vote was close.  \n ');
-- several sentences; ? and ! end sentences too
SELECT * FROM newsclaims.sentences('The vote was close. Was it fair? Nobody knows! The count resumes today.');
-- spaces between sentences belong to neither
SELECT * FROM newsclaims.sentences('One.   Two.  Three.');
-- sentence numbers are 1-based and consecutive across paragraphs
SELECT sentence, paragraph, text
  FROM newsclaims.sentences(E'First paragraph. Still first.\n\nSecond paragraph.\n\nThird. And more.');
-- the result type
SELECT pg_typeof(sentence) AS sentence, pg_typeof(paragraph) AS paragraph,
       pg_typeof(span) AS span, pg_typeof(text) AS text
  FROM newsclaims.sentences('A sentence.');
-- a sentence can be selected by column and used in expressions
SELECT upper(span) - lower(span) AS length, length(text)
  FROM newsclaims.sentences('Prices rose. Wages did not.') ORDER BY sentence;
