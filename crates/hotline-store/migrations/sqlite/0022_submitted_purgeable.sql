-- The address as the reporter typed it (sealed) can hold what identifies them: a session id
-- in a query, a user name in a path (issue 18). Retention now erases it with the description
-- (`retention.description_days`), so the column may be NULL. The canonical address, which
-- the case works with, stays. SQLite cannot drop a NOT NULL constraint: the table is rebuilt.
CREATE TABLE report_addresses_new (
    report_id        BLOB NOT NULL REFERENCES reports (id),
    position         INTEGER NOT NULL,
    case_id          INTEGER NOT NULL REFERENCES cases (id),
    submitted_sealed BLOB,                        -- as typed; NULL once retention erased it
    had_userinfo     INTEGER NOT NULL CHECK (had_userinfo IN (0, 1)),
    handled_at       INTEGER,
    removed_at       INTEGER,
    PRIMARY KEY (report_id, position)
);
INSERT INTO report_addresses_new
    (report_id, position, case_id, submitted_sealed, had_userinfo, handled_at, removed_at)
    SELECT report_id, position, case_id, submitted_sealed, had_userinfo, handled_at, removed_at
    FROM report_addresses;
DROP TABLE report_addresses;
ALTER TABLE report_addresses_new RENAME TO report_addresses;
CREATE INDEX report_addresses_case ON report_addresses (case_id);
