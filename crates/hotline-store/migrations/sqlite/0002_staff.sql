-- Staff: users, sessions, API tokens, assessments, welfare time and the audit chain (SQLite).

CREATE TABLE users (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    username           TEXT NOT NULL UNIQUE,
    role               TEXT NOT NULL CHECK (role IN ('analyst', 'supervisor', 'admin', 'police')),
    password_hash      TEXT NOT NULL,             -- Argon2id PHC string
    totp_secret_sealed BLOB NOT NULL,
    totp_last_step     INTEGER NOT NULL DEFAULT 0, -- a TOTP code is accepted once
    disabled           INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    failed_logins      INTEGER NOT NULL DEFAULT 0,
    locked_until       INTEGER NOT NULL DEFAULT 0,
    created_at         INTEGER NOT NULL
);

-- Server-side sessions, shared by every app server on the database. Only a hash of the
-- session id is stored, so a database copy cannot be used to log in.
CREATE TABLE sessions (
    id_hash      BLOB PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id),
    csrf_token   TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash   BLOB NOT NULL UNIQUE,
    user_id      INTEGER REFERENCES users (id),
    partner      TEXT,
    created_at   INTEGER NOT NULL,
    revoked_at   INTEGER,
    last_used_at INTEGER
);

ALTER TABLE cases ADD COLUMN assigned_to INTEGER REFERENCES users (id);
ALTER TABLE cases ADD COLUMN assessment_started_at INTEGER;
ALTER TABLE cases ADD COLUMN review_requested_by INTEGER REFERENCES users (id);
ALTER TABLE cases ADD COLUMN referred_to_police INTEGER NOT NULL DEFAULT 0 CHECK (referred_to_police IN (0, 1));
-- The queue: open cases, urgent first, then oldest; keyset pagination walks this index.
CREATE INDEX cases_open_queue ON cases (priority DESC, created_at, id) WHERE state <> 'closed';
CREATE INDEX cases_assignee ON cases (assigned_to) WHERE assigned_to IS NOT NULL;
CREATE INDEX cases_police ON cases (referred_to_police) WHERE referred_to_police = 1;

-- Every assessment and review, kept; the case shows the latest.
CREATE TABLE assessments (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id             INTEGER NOT NULL REFERENCES cases (id),
    kind                TEXT NOT NULL CHECK (kind IN ('assessment', 'review')),
    classification      TEXT NOT NULL,
    statutory_reference TEXT,
    victim_age          TEXT,
    victim_gender       TEXT,
    media               TEXT,
    site_type           TEXT,
    commercial          INTEGER CHECK (commercial IN (0, 1)),
    assessed_by         INTEGER NOT NULL REFERENCES users (id),
    assessed_at         INTEGER NOT NULL
);
CREATE INDEX assessments_case ON assessments (case_id, id);

-- Assessment time per analyst per UTC day, and whether a supervisor lifted that day's cap.
CREATE TABLE welfare_days (
    user_id   INTEGER NOT NULL REFERENCES users (id),
    day       TEXT NOT NULL,
    seconds   INTEGER NOT NULL DEFAULT 0,
    lifted_by INTEGER REFERENCES users (id),
    PRIMARY KEY (user_id, day)
);

-- Append-only, hash-chained audit trail (see hotline_domain::audit).
CREATE TABLE audit_events (
    seq       INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    object    TEXT NOT NULL,
    details   TEXT NOT NULL,
    prev_hash BLOB NOT NULL,
    hash      BLOB NOT NULL
);
CREATE INDEX audit_events_actor ON audit_events (actor, seq);
CREATE INDEX audit_events_object ON audit_events (object, seq);
-- The chain's end, updated with every append: it catches removal of the newest events, and
-- its row lock serialises appends across app servers.
CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash BLOB NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, zeroblob(32));
