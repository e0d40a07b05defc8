--
-- Quotation marks and apostrophes: every quote character news uses, as
-- tokens and at sentence boundaries.  Needs a UTF8 database: in any other
-- encoding the test skips itself (expected/quotes_1.out).
--
SELECT getdatabaseencoding() <> 'UTF8' AS skip_test \gset
\if :skip_test
\quit
\endif
-- straight double quotes
SELECT token, text, kind FROM newsclaims.tokens($$"Yes," she said, "we "can" win."$$);
-- curly double quotes
SELECT token, text, kind FROM newsclaims.tokens('“We will win,” he said.');
-- curly single quotes nested inside curly double quotes
SELECT token, text, kind FROM newsclaims.tokens('“He told me, ‘Go home,’ and left,” she said.');
-- guillemets, with and without the French spaces (U+00A0 and plain)
SELECT token, text, kind FROM newsclaims.tokens('« Nous appelons à la retenue. » Puis «non».');
SELECT token, text, kind FROM newsclaims.tokens(E'Il a dit \u00abnon\u00a0\u00bb hier.');
-- single guillemets
SELECT token, text, kind FROM newsclaims.tokens('Er sagte ‹ja› und ging.');
-- German low-9 quotes: „ opens and “ closes; ‚ opens and ‘ closes
SELECT token, text, kind FROM newsclaims.tokens('Er sagte: „Wir schaffen das“ und ‚vielleicht‘ mehr.');
-- Swedish style: ” on both sides
SELECT token, text, kind FROM newsclaims.tokens('Han sa ”nej” igen.');
-- a quotation mark with spaces on both sides cannot be placed
SELECT token, text, kind FROM newsclaims.tokens($$A 12 " mark and a ' mark.$$);
-- apostrophes: curly and straight, inside words, possessives, elisions
SELECT token, text, kind FROM newsclaims.tokens('Voskov’s aides don’t know what the ’90s meant for rock music.');
SELECT token, text, kind FROM newsclaims.tokens($$The families’ lawyers and the Joneses' neighbours won't say.$$);
-- a closing single quote after a plural is told apart from a possessive
SELECT token, text, kind FROM newsclaims.tokens('She called them ‘the lawyers’ and laughed.');
-- sentence boundaries: the closing quote after the final period stays with
-- its sentence, for every kind of closing mark
SELECT sentence, text FROM newsclaims.sentences('“We will win,” he said. “The people are with us.” Then he left.');
SELECT sentence, text FROM newsclaims.sentences('He said it was ‘over.’ Then he left.');
SELECT sentence, text FROM newsclaims.sentences('« Nous appelons à la retenue. » Le ministre est parti.');
SELECT sentence, text FROM newsclaims.sentences('„Wir schaffen das.“ Sie ging.');
SELECT sentence, text FROM newsclaims.sentences('“Will it pass?” she asked. “No!” he said. “Never!” Nobody laughed.');
-- a quotation that runs over two paragraphs: the first paragraph ends with
-- no closing mark, the next opens with a new opening mark
SELECT sentence, paragraph, text FROM newsclaims.sentences(E'“We have survived before,” he said. “Our people are not afraid.\n\n“Let them freeze what they like.”\n\nThe minister left.');
SELECT token, text, kind FROM newsclaims.tokens(E'“Our people are not afraid.\n\n“Let them freeze what they like.”') WHERE kind LIKE 'quote%';
-- the Unicode ellipsis inside a quote does not end the sentence before a
-- lower-case word
SELECT sentence, text FROM newsclaims.sentences('“It’s credible… but not competitive,” she said. He agreed.');
