-- `hotline import`: how far each file got, so an interrupted import resumes where its last
-- committed batch ended and stores every good line exactly once. A file is known by the
-- SHA-256 of its bytes. Progress, rejected lines and the reports of a batch are committed in
-- one transaction.
CREATE TABLE import_files (
    file_hash TEXT PRIMARY KEY,
    file_name TEXT NOT NULL,
    -- The first line not yet processed (lines count from 1).
    next_line BIGINT NOT NULL,
    stored BIGINT NOT NULL DEFAULT 0,
    rejected BIGINT NOT NULL DEFAULT 0,
    started_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    finished_at BIGINT
);

CREATE TABLE import_rejects (
    file_hash TEXT NOT NULL REFERENCES import_files (file_hash),
    line BIGINT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (file_hash, line)
);

-- What a bearer token may do: `cases` (the staff API, as before) or `export` (only the
-- exports for other case systems). A token has one scope.
ALTER TABLE api_tokens ADD COLUMN scope TEXT NOT NULL DEFAULT 'cases' CHECK (scope IN ('cases', 'export', 'blocklist'));
