-- Keyed hashes (issue 18): session ids and API bearer tokens are now stored as HMAC-SHA256
-- under the integrity key of keys.json, and audit events are chained with an HMAC under a key
-- derived from it. Whoever could write the database could mint a token or a session by
-- inserting the plain SHA-256 of a value of their choosing; that no longer matches anything.
--
-- Stored plain hashes cannot be turned into keyed ones (the values are not kept), so every
-- session ends (staff sign in again) and every live API token is revoked: issue new ones
-- with `hotline token create` and hand them to their users, partners and vendors.
DELETE FROM sessions;
UPDATE api_tokens SET revoked_at = CAST(strftime('%s', 'now') AS INTEGER) * 1000
WHERE revoked_at IS NULL;

-- Events written before keep their plain hash; the chain's first keyed event (the store
-- appends `audit.keyed` after this migration) covers the last of them.
ALTER TABLE audit_events ADD COLUMN keyed INTEGER NOT NULL DEFAULT 0 CHECK (keyed IN (0, 1));
