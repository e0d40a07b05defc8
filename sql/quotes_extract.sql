--
-- newsclaims.quotes(): direct quotes and who said them.  Every passage was
-- written for this test.  Needs a UTF8 database for the curly marks,
-- guillemets and low-9 quotes: elsewhere the test skips itself
-- (expected/quotes_extract_1.out).
--
SELECT getdatabaseencoding() <> 'UTF8' AS skip_test \gset
\if :skip_test
\quit
\endif
-- the shape of a row: speaker after the quote
SELECT * FROM newsclaims.quotes('“The river has never been this high,” Mayor Ana Ruiz told reporters on Tuesday.');
-- spans are 1-based code point ranges of the words inside the marks
SELECT quote, text, substr(body, lower(span), upper(span) - lower(span)) = text AS span_ok
FROM (VALUES ('Ruiz said: “Ça va très bien.” Then she left.')) AS t(body),
     LATERAL newsclaims.quotes(body);
-- every mark style: straight, curly, single, guillemets, low-9, '' digraphs, ” as an opener
SELECT q.quote, q.text
FROM unnest(ARRAY[
  $$"We will rebuild the bridge," Mayor Ana Ruiz said.$$,
  $$‘We will rebuild the bridge,’ Mayor Ana Ruiz said.$$,
  $$« Nous reconstruirons le pont », a dit la maire.$$,
  $$Die Ministerin sagte: „Wir bauen die Brücke neu“.$$,
  $$''We will rebuild the bridge,'' Mayor Ana Ruiz said.$$,
  $$”We will rebuild the bridge,” Mayor Ana Ruiz said.$$]) WITH ORDINALITY AS t(body, n),
  LATERAL newsclaims.quotes(body) AS q
ORDER BY n;
-- nested quotes belong to the outer quote
SELECT quote, text, speaker FROM newsclaims.quotes($$“He told me, ‘Go home and rest,’ and then he left,” said Pilar Moreno, a nurse at the clinic.$$);
-- a split quote, the second half attributed through a pronoun
SELECT quote, text, speaker, speaker_mention, verb FROM newsclaims.quotes($$Finance Minister Erik Dahl presented the budget on Monday.

“This is not an easy year,” he said, “but we will balance the books.”$$);
-- an unclosed quote ends at its paragraph and swallows nothing after it
SELECT quote, text, speaker, continues FROM newsclaims.quotes($$Councillor Omar Haddad said: "The budget is a mess and nobody will admit it.

The council meets again on Friday. Residents have called the plan "a disgrace", Haddad said.$$);
-- a quote over two paragraphs: the second segment continues the first
SELECT quote, text, speaker, verb, continues FROM newsclaims.quotes($$Fire chief Dana Whitfield said the blaze started in a kitchen. She said: "We arrived within six minutes and found the ground floor full of smoke.

"Two families were still inside. Our crews carried out four children."

The cause is under investigation.$$);
-- copy that lost its paragraph breaks
SELECT quote, text, speaker, continues FROM newsclaims.quotes($$Union leader Grace Obi said: "Our members have waited three years. "They will not wait any longer." The talks resume on Monday.$$);
-- partial quotes inside a sentence
SELECT quote, text, speaker, verb FROM newsclaims.quotes($$Senator Maria Lindqvist called the vote "a farce" and said the count was "deeply flawed".$$);
-- titles of works, nicknames and bare terms are no quotes
SELECT count(*) AS quotes FROM newsclaims.quotes($$The festival opens with the film "The Silent Harbour" on Friday. Rep. Thomas J. "Tommy" Hale toured the plant. The troops were sent as part of the so-called "peace dividend" programme. Shoppers can now tap a "save" button.$$);
-- single quotes in a headline; no source given
SELECT quote, text, speaker, verb FROM newsclaims.quotes($$Storm 'worst in decades'

The storm flooded the valley on Sunday.$$);
-- colon introductions: "X said:", "X:", and an introduction closing the paragraph before
SELECT quote, text, speaker, speaker_mention, verb FROM newsclaims.quotes($$Health Secretary Priya Nair said: "Waiting lists are falling."

Nair: "We have hired four thousand nurses."

Coach Sam Adler continued:

"We played our best half of the season."$$);
-- apposition, surname and "Ms X" resolved to the full name
SELECT quote, speaker, speaker_entity, speaker_mention, verb FROM newsclaims.quotes($$Judge Helen Marsh, who has led the inquiry since March, said the evidence was "overwhelming".

“No one in the department raised the alarm,” Marsh said.

“That failure cost lives,” Ms Marsh added.$$);
-- speaker_entity is the entity's number in entities()
SELECT DISTINCT q.speaker, e.name = q.speaker AS same_name
FROM (VALUES ('“No one raised the alarm,” Judge Helen Marsh said. “It cost lives,” Marsh added.')) AS t(body),
     LATERAL newsclaims.quotes(body) AS q
     JOIN LATERAL newsclaims.entities(body) AS e ON e.entity = q.speaker_entity;
-- pronouns go to the right person
SELECT quote, speaker, speaker_mention FROM newsclaims.quotes($$Mr Kovacs, the club chairman, met Ms Ferreira, the league president, on Monday.

“The league has treated us unfairly,” said Mr Kovacs.

Ms Ferreira rejected the claim. “Every club is treated the same way,” she said.

“We will appeal,” he said.$$);
-- an unattributed quote right after a speaker's quote is still theirs
SELECT quote, text, speaker FROM newsclaims.quotes($$“The harvest was the worst in a decade,” said farmer Liam Doyle, who grows barley near the coast. “Half the crop was lost to the rain.”

“We cannot survive another year like this.”$$);
-- organisations, "according to", descriptions as written minus the article
SELECT quote, text, speaker, speaker_mention, verb FROM newsclaims.quotes($$The inspectors found "serious failings" at the plant, the U.N. said in a statement.

Exports fell "sharply" in the spring, according to the International Monetary Fund.

"The minister has full confidence in the plan," a government spokesman said.$$);
-- reporting verbs in several tenses
SELECT v, q.speaker, q.verb
FROM unnest(ARRAY['says', 'said', 'has said', 'will say', 'is saying', 'insisted',
                  'warned', 'wrote', 'later added', 'told reporters']) AS v,
     LATERAL newsclaims.quotes('“The tunnel will open next spring,” Mayor Ana Ruiz ' || v || '.') AS q;
-- a transcript: the speaker is named inside each turn
SELECT quote, text, speaker, verb FROM newsclaims.quotes($$Host Jane Alvarez interviewed Governor Mark Feld on Sunday.

"ALVAREZ: Will you sign the bill?

"FELD: Not in its current form."$$);
-- no quotes at all, and empty input
SELECT count(*) FROM newsclaims.quotes('The council met on Tuesday and approved the budget.');
SELECT count(*) FROM newsclaims.quotes('');
-- hostile input: unbalanced marks by the thousand, deep nesting, no spaces
SELECT count(*) FROM newsclaims.quotes(repeat('"', 100000));
SELECT count(*) >= 0 AS ok FROM newsclaims.quotes(repeat('“a ‘b «c „d ', 20000));
SELECT count(*) FROM newsclaims.quotes(repeat('x', 200000));
SELECT count(*) AS quotes FROM newsclaims.quotes(repeat('"x," he said, "y." ', 5000));
