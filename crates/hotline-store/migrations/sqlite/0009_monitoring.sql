-- Until it is gone: every check of a case's address (DNS + HTTP HEAD, never a body), the
-- kind and round of each notice (first, repeated, escalation), the domains staff marked as
-- dedicated to abuse material (the only ones a DNS blocklist names whole), and a label for
-- API tokens that may only read the blocklist (their scope, `blocklist`, comes with 0011).
CREATE TABLE checks (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id     INTEGER NOT NULL REFERENCES cases (id),
    checked_at  INTEGER NOT NULL,
    outcome     TEXT NOT NULL CHECK (outcome IN ('online', 'gone', 'error')),
    http_status INTEGER,
    detail      TEXT NOT NULL
);
CREATE INDEX checks_case ON checks (case_id, checked_at);

ALTER TABLE notices ADD COLUMN kind TEXT NOT NULL DEFAULT 'notice'
    CHECK (kind IN ('notice', 'renotice', 'escalation'));
ALTER TABLE notices ADD COLUMN round INTEGER NOT NULL DEFAULT 0;

CREATE TABLE dedicated_domains (
    domain    TEXT PRIMARY KEY,
    marked_by TEXT NOT NULL,
    marked_at INTEGER NOT NULL
);

ALTER TABLE api_tokens ADD COLUMN label TEXT;

-- Cases already awaiting removal (or just removed) start being monitored now.
INSERT INTO jobs (kind, payload, case_id, state, priority, run_at, max_attempts, dedupe_key, created_at, updated_at)
SELECT 'monitor', '{"case_id":' || id || '}', id, 'queued', 0, updated_at, 3, 'monitor:' || id, updated_at, updated_at
FROM cases WHERE state IN ('awaiting_removal', 'removed');
