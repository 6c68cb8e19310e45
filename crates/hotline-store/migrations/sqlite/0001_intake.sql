-- Reports, cases and the reporter's channel back (SQLite).
-- Every *_at column is UTC milliseconds since the Unix epoch, on both engines, so that the
-- same SQL text serves SQLite and PostgreSQL and times sort as numbers.
-- Columns named *_sealed hold XChaCha20-Poly1305 ciphertext with its key id (see secrets.rs).
-- There is deliberately no column for a reporter's IP address.

CREATE TABLE reports (
    id                 BLOB PRIMARY KEY,          -- UUID v7
    received_at        INTEGER NOT NULL,
    channel            TEXT NOT NULL CHECK (channel IN ('web', 'api', 'partner', 'import')),
    where_found        TEXT NOT NULL,
    language           TEXT NOT NULL,
    urgent             INTEGER NOT NULL CHECK (urgent IN (0, 1)),
    description_sealed BLOB,
    contact_sealed     BLOB,
    receipt_hash       BLOB NOT NULL UNIQUE       -- HMAC-SHA256 of the receipt; never the receipt
);
CREATE INDEX reports_received ON reports (received_at);

CREATE TABLE cases (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    canonical_url      TEXT NOT NULL,
    scheme             TEXT NOT NULL,
    host               TEXT NOT NULL,
    registrable_domain TEXT,
    ip_literal         INTEGER NOT NULL CHECK (ip_literal IN (0, 1)),
    onion              INTEGER NOT NULL CHECK (onion IN (0, 1)),
    state              TEXT NOT NULL DEFAULT 'new',
    priority           INTEGER NOT NULL DEFAULT 0, -- 1 = a child may be in immediate danger
    report_count       INTEGER NOT NULL DEFAULT 1,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    last_reported_at   INTEGER NOT NULL
);
-- At most one open case per canonical address: what makes concurrent reports join, not fork.
CREATE UNIQUE INDEX cases_open_address ON cases (canonical_url) WHERE state <> 'closed';
CREATE INDEX cases_queue ON cases (state, priority DESC, created_at, id);
CREATE INDEX cases_host ON cases (host);

CREATE TABLE report_addresses (
    report_id        BLOB NOT NULL REFERENCES reports (id),
    position         INTEGER NOT NULL,
    case_id          INTEGER NOT NULL REFERENCES cases (id),
    submitted_sealed BLOB NOT NULL,               -- as typed; may carry user-info
    had_userinfo     INTEGER NOT NULL CHECK (had_userinfo IN (0, 1)),
    PRIMARY KEY (report_id, position)
);
CREATE INDEX report_addresses_case ON report_addresses (case_id);

CREATE TABLE case_events (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id   INTEGER NOT NULL REFERENCES cases (id),
    at        INTEGER NOT NULL,
    kind      TEXT NOT NULL,                      -- timeline leg: received, assessed, ...
    report_id BLOB REFERENCES reports (id),
    details   TEXT
);
CREATE INDEX case_events_case ON case_events (case_id, at);

CREATE TABLE reporter_messages (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    report_id   BLOB NOT NULL REFERENCES reports (id),
    created_at  INTEGER NOT NULL,
    body_sealed BLOB NOT NULL
);
CREATE INDEX reporter_messages_report ON reporter_messages (report_id, created_at);
