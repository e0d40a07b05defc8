--
-- newsclaims.claims(): numeric claims with exact values, units, hedges,
-- what they count and who claims them.  Every sentence was written for
-- this test.  Needs a UTF8 database for the currency symbols: elsewhere
-- the test skips itself (expected/claims_1.out).
--
SELECT getdatabaseencoding() <> 'UTF8' AS skip_test \gset
\if :skip_test
\quit
\endif
-- the shape of a row
SELECT * FROM newsclaims.claims('Officials counted at least 450 documented cases of abuse.');
-- digits, separators, scales and suffixes
SELECT claim, text, value, unit FROM newsclaims.claims(
  'The merger was valued at $1.13bn (£600m). Congress approved $1.5 trillion. '
  'The port handled 1,250,000 containers and raised 40k for 2.75 million residents.');
-- number words
SELECT claim, text, value, unit FROM newsclaims.claims(
  'Six reporters remain detained. Twenty-one ministers signed. The council hired a dozen '
  'inspectors. Organisers said half a million people marched, one hundred and six of them on foot.');
-- fractions
SELECT claim, text, value, unit FROM newsclaims.claims(
  'A third of the delegates left. Two thirds of members backed it, and one in five abstained. '
  'She was elected to a third term.');
-- percent, per cent, percentage points, basis points
SELECT claim, text, value, unit FROM newsclaims.claims(
  'Turnout reached 62 per cent, up from 58%, and the bank raised rates by 0.25 percentage '
  'points after yields climbed 40 basis points. Margins slipped to -2.5%.');
-- currencies by symbol, prefix, code and name
SELECT claim, text, value, unit FROM newsclaims.claims(
  'The loan was worth US$5m. A ticket costs €20. Sales could reach 300bn yen. The bid was '
  'USD 200 a share, or C$40 million in all, and he was fined 5,000 Swiss francs.');
-- durations, ages and measures
SELECT claim, text, value, unit FROM newsclaims.claims(
  'He ruled for 26 years. Police arrested a 28-year-old man. It was the worst storm in a '
  'decade. The ridge is 1.6 km long and the catch weighed 278kg. Tuition costs £9,000 a year.');
-- multipliers and frequencies
SELECT claim, text, value, unit FROM newsclaims.claims(
  'Prices were 1.9 times higher. The new hall is twice as large. Rents rose threefold. '
  'The satellite circled the planet 300 times. Members meet at least once a month.');
-- ranges and ratios
SELECT claim, text, value, value_max, unit, approx FROM newsclaims.claims(
  'Growth will be between 10 and 15 percent. The clinic sees 30 to 40 patients. Fines range '
  'from $250,000 to $1 million. Grants go to 18 to 30 year olds. Voters rejected it by two to one.');
-- a change is two claims, not a range
SELECT claim, text, value, value_max FROM newsclaims.claims(
  'Sales rose from 40 to 55 units. The deficit grew by $43 billion to $420 billion.');
-- approximators before and after
SELECT claim, text, value, approx FROM newsclaims.claims(
  'About 300 homes lost power. The project cost nearly £2bn. More than 60% voted. The plant '
  'will cut up to 700 jobs. Some 40 villages were cut off. Fewer than 20 votes separated them. '
  'Teams of 200 or more staff qualify. It took almost three years.');
-- not claims: years, dates, times, ordinals, identifiers, vague amounts, "one"
SELECT count(*) AS claims FROM newsclaims.claims(
  'The law took effect in 2016. The vote is due on March 29. The meeting starts at 10:30 and '
  'ends at 6pm. She finished 2nd. A Boeing 737 landed after the G7 summit. COVID-19 spread. '
  'Article 5 was invoked. Thousands of people marched. One of the officials resigned. '
  'It was a crucial one. No one was hurt.');
-- objects
SELECT claim, text, object FROM newsclaims.claims(
  'The incumbent claimed 80 percent of the vote. Investigators found 450 documented cases of torture.');
-- sources: a quote's speaker, a reporting clause, "according to"
SELECT claim, text, quote, source, sentence FROM newsclaims.claims(
  '“We found 300 families without shelter,” said Maria Okafor. Prices rose 4%, according to '
  'the statistics office. The agency said 12 bridges were closed.');
-- empty and number-free input
SELECT count(*) FROM newsclaims.claims('');
SELECT count(*) FROM newsclaims.claims('No figures in this sentence at all.');
SELECT count(*) FROM newsclaims.claims(NULL);
-- a user's question: what did one person claim across a table of articles,
-- summed per unit?
CREATE TEMP TABLE articles (id int PRIMARY KEY, body text);
INSERT INTO articles VALUES
  (1, 'Harbour Workers Walk Out' || E'\n\n' ||
      '“We lost 1,200 jobs in two years,” said Maria Okafor, the union''s leader. '
      'The port authority said 300 jobs had been cut.'),
  (2, 'Maria Okafor said the closures cost £45m in wages. '
      '“Another 800 jobs are at risk,” she said.'),
  (3, 'The council said it would spend £20m on retraining. '
      '“That is not enough,” Maria Okafor said. “We need £60m.”');
SELECT a.id, c.text, c.value, c.unit, c.source
  FROM articles a, LATERAL newsclaims.claims(a.body) c
 ORDER BY a.id, c.claim;
SELECT c.unit, sum(c.value) AS total, count(*) AS claims
  FROM articles a, LATERAL newsclaims.claims(a.body) c
 WHERE c.source = 'Maria Okafor'
 GROUP BY c.unit
 ORDER BY c.unit;
