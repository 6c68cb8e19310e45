-- Answers without an account (issue 19). A notice's answer link carries a token derived from
-- the integrity key of keys.json and the notice's Message-ID; only its keyed hash is kept here,
-- so the database alone opens no answer page. A host's answers through that link are kept per
-- notice (the timeline entry holds what they wrote). Reporters answer the hotline's messages
-- on their status page: their answers are messages too, sealed like the others, marked as
-- coming from the reporter, and purged with them (retention.description_days).
ALTER TABLE notices ADD COLUMN answer_hash BLOB;
CREATE UNIQUE INDEX notices_answer_hash ON notices (answer_hash) WHERE answer_hash IS NOT NULL;

CREATE TABLE host_answers (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    notice_id   INTEGER NOT NULL REFERENCES notices (id),
    case_id     INTEGER NOT NULL REFERENCES cases (id),
    answered_at INTEGER NOT NULL,
    answer      TEXT NOT NULL CHECK (answer IN ('removed', 'refused', 'not_ours'))
);
CREATE INDEX host_answers_notice ON host_answers (notice_id, answered_at);
CREATE INDEX host_answers_case ON host_answers (case_id, answered_at);

ALTER TABLE reporter_messages ADD COLUMN from_reporter INTEGER NOT NULL DEFAULT 0
    CHECK (from_reporter IN (0, 1));
