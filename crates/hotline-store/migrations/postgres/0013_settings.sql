-- Admin settings (PostgreSQL): overrides of the configuration file, one row per section
-- (procedure, national, retention, notice_template), as JSON. Every process re-reads them
-- every few seconds, so a change applies without a restart on every app server. `version`
-- grows with each change, so a reader sees whether anything changed and an admin's stale form
-- is refused.
CREATE TABLE settings (
    section    TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    version    BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by TEXT NOT NULL
);
