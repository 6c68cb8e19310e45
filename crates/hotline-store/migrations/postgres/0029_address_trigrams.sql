-- Search by address fragment, indexed (issue 19): a trigram index (pg_trgm) of each case's
-- canonical address, which `ILIKE '%fragment%'` reads instead of every case. Only the
-- canonical address is indexed (never the address as the reporter typed it, which is sealed
-- and erased by retention). pg_trgm ships with PostgreSQL and is a trusted extension: the
-- database's owner may create it without being a superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX cases_canonical_trigrams ON cases USING gin (canonical_url gin_trgm_ops);
