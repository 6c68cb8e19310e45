-- The notice outbox (SQLite): every notice to a host is written here before it is sent, and
-- marked as it goes (pending -> sending -> sent), so a retry after a crash never sends twice:
-- a notice found 'sending' is marked 'uncertain' for a person to check, not sent again.
CREATE TABLE notices (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id     INTEGER NOT NULL REFERENCES cases (id),
    recipient   TEXT NOT NULL,
    role        TEXT NOT NULL,
    subject     TEXT NOT NULL,
    body        TEXT NOT NULL,
    xarf        TEXT NOT NULL,
    message_id  TEXT NOT NULL UNIQUE,
    state       TEXT NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'sending', 'sent', 'uncertain')),
    last_error  TEXT,
    created_at  INTEGER NOT NULL,
    sent_at     INTEGER
);
CREATE INDEX notices_case ON notices (case_id);
