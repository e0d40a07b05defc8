--
-- Paragraphs: blank-line documents, one-paragraph-per-line documents and the
-- headline line.  ASCII only.
--
-- blank lines separate paragraphs; a lone newline is a soft wrap there
SELECT sentence, paragraph, span, text FROM newsclaims.sentences(E'Council approves budget\n\nThe city council on Monday approved a budget\nof $2.1 million. The vote was 5-2.\n\nThe mayor said she was pleased.\n');
-- one paragraph per line (no blank line anywhere): every line is a paragraph
SELECT sentence, paragraph, span, text FROM newsclaims.sentences(E'Council approves budget\nThe city council on Monday approved a budget of $2.1 million. The vote was 5-2.\nThe mayor said she was pleased.\n');
-- the same text with CRLF line ends gives the same paragraphs and sentences
SELECT sentence, paragraph, span, text FROM newsclaims.sentences(E'Council approves budget\r\nThe city council on Monday approved a budget of $2.1 million. The vote was 5-2.\r\nThe mayor said she was pleased.\r\n');
-- a headline line (no final punctuation) is its own paragraph and sentence,
-- even when the body starts on the very next line of a blank-line document
SELECT sentence, paragraph, text FROM newsclaims.sentences(E'Storm hits coast\nA storm hit the coast on Sunday. Thousands lost power.\n\nRepairs will take days.');
-- several blank lines and whitespace-only lines count as one separator
SELECT sentence, paragraph, text FROM newsclaims.sentences(E'First.\n\n\n\nSecond.\n   \n\t\nThird.');
-- a paragraph never continues a sentence of the previous one
SELECT sentence, paragraph, text FROM newsclaims.sentences(E'The minister said\n\nthe plan would fail.');
-- paragraphs are numbered 1.. in document order, and every sentence of a
-- paragraph lies before every sentence of the next
SELECT paragraph, count(*) AS sentences, min(sentence), max(sentence)
  FROM newsclaims.sentences(E'Headline here\n\nOne. Two. Three.\n\nFour.\n\nFive. Six.')
 GROUP BY paragraph ORDER BY paragraph;
