-- Traces: dated snapshots of where a case's address is hosted (SQLite). The snapshot is kept
-- whole as JSON (hotline_domain::trace::Trace); the hosting countries are copied out for
-- routing and statistics.
CREATE TABLE traces (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id   INTEGER NOT NULL REFERENCES cases (id),
    traced_at INTEGER NOT NULL,
    countries TEXT NOT NULL,                       -- comma-separated ISO codes, may be empty
    result    TEXT NOT NULL
);
CREATE INDEX traces_case ON traces (case_id, traced_at);
