-- Retention and legal holds (PostgreSQL).

-- A case under legal hold keeps everything the retention purge would otherwise erase.
ALTER TABLE cases ADD COLUMN legal_hold BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE cases ADD COLUMN legal_hold_by BIGINT REFERENCES users (id);
ALTER TABLE cases ADD COLUMN legal_hold_at BIGINT;
-- Where the audit chain starts once old events have been purged: the sequence number and
-- hash of the last purged event (0 and zeros while nothing was purged).
CREATE TABLE audit_anchor (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  BIGINT NOT NULL,
    hash BYTEA NOT NULL
);
INSERT INTO audit_anchor (id, seq, hash) VALUES (1, 0, decode(repeat('00', 32), 'hex'));
