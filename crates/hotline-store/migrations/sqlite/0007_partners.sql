-- Partner hotlines and referrals between instances (SQLite).
CREATE TABLE partners (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    name                  TEXT NOT NULL UNIQUE,
    countries             TEXT NOT NULL,            -- comma-separated ISO 3166-1 alpha-2
    channel               TEXT NOT NULL CHECK (channel IN ('api', 'email', 'manual')),
    endpoint              TEXT,                     -- their base URL (api) or address (email)
    public_key            TEXT,                     -- their Ed25519 key, hex: checks what they send
    outbound_token_sealed BLOB,                     -- the bearer token they issued to us
    disabled              INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at            INTEGER NOT NULL
);

-- Every referral sent to or received from a partner. The (direction, partner, referral_id)
-- key makes receiving idempotent and refuses replays.
CREATE TABLE referrals (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id         INTEGER NOT NULL REFERENCES cases (id),
    direction       TEXT NOT NULL CHECK (direction IN ('out', 'in')),
    partner         TEXT NOT NULL,
    referral_id     TEXT NOT NULL,
    body_hash       BLOB,
    their_reference TEXT,
    status          TEXT,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    UNIQUE (direction, partner, referral_id)
);
CREATE INDEX referrals_case ON referrals (case_id);
