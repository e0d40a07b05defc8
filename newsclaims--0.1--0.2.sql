/* newsclaims--0.1--0.2.sql */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION newsclaims UPDATE TO '0.2'" to load this file. \quit

-- 0.1 left the schema it creates without USAGE for anyone but its owner, so
-- only the role that ran CREATE EXTENSION (and superusers) could call the
-- functions, although EXECUTE on them is granted to PUBLIC.  The functions
-- read only their argument: let every role use them.
GRANT USAGE ON SCHEMA newsclaims TO PUBLIC;
