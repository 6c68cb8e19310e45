-- Retention and legal holds (SQLite).

-- A case under legal hold keeps everything the retention purge would otherwise erase.
ALTER TABLE cases ADD COLUMN legal_hold INTEGER NOT NULL DEFAULT 0 CHECK (legal_hold IN (0, 1));
ALTER TABLE cases ADD COLUMN legal_hold_by INTEGER REFERENCES users (id);
ALTER TABLE cases ADD COLUMN legal_hold_at INTEGER;
-- Where the audit chain starts once old events have been purged: the sequence number and
-- hash of the last purged event (0 and zeros while nothing was purged).
CREATE TABLE audit_anchor (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash BLOB NOT NULL
);
INSERT INTO audit_anchor (id, seq, hash) VALUES (1, 0, zeroblob(32));
