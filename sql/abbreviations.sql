--
-- Sentence boundaries around abbreviations, initials, decimals, ellipses and
-- closing quotation marks.  ASCII only (the Unicode ellipsis and curly quotes
-- are in quotes.sql and unicode.sql).
--
-- dotted abbreviations
SELECT sentence, text FROM newsclaims.sentences('U.S. and U.N. officials met on Monday. They agreed on little.');
SELECT sentence, text FROM newsclaims.sentences('The U.S. Army said the U.K. Foreign Office was told. The E.U. said nothing.');
-- titles never end a sentence
SELECT sentence, text FROM newsclaims.sentences('Mr. Smith met Dr. Jones, Gen. Belan, Sen. Pike and Prof. Osei. Mrs. Smith and Ms. Lee were not there.');
-- months and numbers
SELECT sentence, text FROM newsclaims.sentences('The talks began on Jan. 14 and ended Sept. 30 at No. 10 Downing Street. Nothing was decided.');
-- company suffixes, mid-sentence and at the end of a sentence
SELECT sentence, text FROM newsclaims.sentences('Shares of Acme Inc. rose. Rival Norrland Ltd. fell. Both sell to Halvorsen Foods Inc. They compete on price.');
-- initials
SELECT sentence, text FROM newsclaims.sentences('The novel by J. K. Marlowe sold 2.4 million copies. R.J. Castellano founded the company. Prof. Samuel K. Osei disagreed.');
-- a.m. and p.m. inside a sentence, and ending one
SELECT sentence, text FROM newsclaims.sentences('Polls open at 9 a.m. Tuesday and close at 8 p.m. The count starts at 9 a.m. Then results follow.');
-- decimals, amounts and versions never break
SELECT sentence, text FROM newsclaims.sentences('Inflation was 3.5 percent in March, up from 2.9 percent. The bank held rates at 4.25%. It spent $1.5 billion on version 2.0.1 of the system.');
-- ellipses: three dots or spaced dots, inside a sentence
SELECT sentence, text FROM newsclaims.sentences('He paused... then he spoke again. It was not over . . . not yet. They waited.');
-- closing quotation mark after the final period belongs to the sentence
SELECT sentence, text FROM newsclaims.sentences('"We will win," he said. "The people are with us." Then he left.');
SELECT sentence, text FROM newsclaims.sentences('She called the plan "a disaster." Others disagreed.');
SELECT sentence, text FROM newsclaims.sentences($$He said the answer was 'no.' Then he left.$$);
SELECT sentence, text FROM newsclaims.sentences('"Will it pass?" she asked. "No!" he said. Nobody laughed.');
SELECT sentence, text FROM newsclaims.sentences('The report (published in March.) was long. Few read it.');
-- datelines: a state abbreviation before "(Newswire)" does not end the sentence
SELECT sentence, text FROM newsclaims.sentences('MILLBROOK, Ore. (Newswire) - Mayor Ortega won a third term. She was pleased.');
SELECT sentence, text FROM newsclaims.sentences('SAN JOSE, Calif. (Newswire) - Velta Systems Inc. on Wednesday unveiled a chip. It ships in March.');
SELECT sentence, text FROM newsclaims.sentences('The company will open a center in Austin, Tex., next year. It will hire 400 people.');
-- an abbreviation at the end of a sentence, before a sentence starter
SELECT sentence, text FROM newsclaims.sentences('He moved to the U.S. He was 12. It happened in Jan. The next month was calm.');
-- etc. and vs. inside a sentence
SELECT sentence, text FROM newsclaims.sentences('Lawyers, judges, etc. were invited to the Smith vs. Jones hearing. It was short.');
-- sentence counts of a longer text
SELECT count(*) FROM newsclaims.sentences('Mr. and Mrs. J. R. Doyle of St. Paul, Minn., paid $4.5 million for No. 12 Elm St. in Jan. 2023. The U.S. sellers, Acme Corp. and Lee Bros. Inc., declined to comment. "It was a fair price," Mr. Doyle said.');
