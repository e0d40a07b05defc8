--
-- A SQL_ASCII database: the text must be UTF-8; bytes that are not get a
-- clear error.  Makes its own database, so it runs under every encoding.
--
SELECT current_database() AS regress_db \gset
CREATE DATABASE nc_sqlascii TEMPLATE template0 ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C';
\c nc_sqlascii
SET client_min_messages = warning;
CREATE EXTENSION newsclaims;
RESET client_min_messages;
SELECT getdatabaseencoding();
-- plain ASCII works as anywhere else
SELECT * FROM newsclaims.sentences('Plain text works. It has two sentences.');
SELECT token, span, text, kind FROM newsclaims.tokens('Plain text works.');
-- valid UTF-8 is read as UTF-8; positions count what substr() counts
-- in SQL_ASCII, which is bytes ("Caf\xc3\xa9 ok." is 9 bytes)
SELECT token, span, octet_length(text) AS bytes,
       substr(b, lower(span), upper(span) - lower(span)) = text AS substr_matches
  FROM (SELECT convert_from('\x436166c3a9206f6b2e'::bytea, 'SQL_ASCII') AS b) x,
       LATERAL newsclaims.tokens(x.b);
-- a byte that is not UTF-8 (LATIN1 e-acute) is an error naming the problem
SELECT * FROM newsclaims.sentences(E'Caf\xe9 au lait. Tout va bien.');
SELECT * FROM newsclaims.sentences(convert_from('\x4f6b2e20436166e9206175206c6169742e'::bytea, 'SQL_ASCII'));
SELECT * FROM newsclaims.tokens(convert_from('\x436166e9'::bytea, 'SQL_ASCII'));
-- NULL and empty input still give no rows
SELECT count(*) FROM newsclaims.sentences(NULL);
SELECT count(*) FROM newsclaims.sentences('');
\c :regress_db
DROP DATABASE nc_sqlascii;
