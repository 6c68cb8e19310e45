-- Background jobs (SQLite). A job is claimed by one worker at a time under a lease; `fence`
-- grows at every claim, so a worker whose lease was taken over can no longer finish or fail
-- the job. Jobs run at least once, so every handler must be idempotent (docs/SPEC.md §7).

CREATE TABLE jobs (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    kind         TEXT NOT NULL,
    payload      TEXT NOT NULL,                   -- JSON
    case_id      INTEGER REFERENCES cases (id),   -- shown on the case, when about one
    state        TEXT NOT NULL DEFAULT 'queued'
                 CHECK (state IN ('queued', 'running', 'done', 'dead')),
    priority     INTEGER NOT NULL DEFAULT 0,      -- higher runs first
    run_at       INTEGER NOT NULL,                -- not claimed before
    attempts     INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL CHECK (max_attempts >= 1),
    lease_owner  TEXT,
    lease_until  INTEGER,
    fence        INTEGER NOT NULL DEFAULT 0,      -- the fencing token: +1 at every claim
    last_error   TEXT,
    dedupe_key   TEXT,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    finished_at  INTEGER
);
-- At most one unfinished job per dedupe key; a finished one does not block the next.
CREATE UNIQUE INDEX jobs_dedupe ON jobs (dedupe_key) WHERE state IN ('queued', 'running');
CREATE INDEX jobs_claim ON jobs (state, run_at, priority);
CREATE INDEX jobs_case ON jobs (case_id) WHERE case_id IS NOT NULL;
