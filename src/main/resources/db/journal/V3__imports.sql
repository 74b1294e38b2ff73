-- Library imports (standalone): each import and its rows, stored before the first Spotify call; a row's outcome
-- is written when it ends, so a restarted process resumes each unfinished import at the rows without one.
CREATE TABLE imports (
    id           TEXT PRIMARY KEY,
    state        TEXT NOT NULL,
    playlist_id  TEXT,
    create_name  TEXT,
    dry_run      INTEGER NOT NULL,
    file_name    TEXT,
    format       TEXT NOT NULL,
    problems     TEXT NOT NULL,
    error        TEXT,
    created_at   INTEGER NOT NULL,
    completed_at INTEGER
);
CREATE INDEX imports_newest ON imports (created_at DESC, id DESC);
CREATE INDEX imports_running ON imports (state) WHERE state = 'running';

CREATE TABLE import_rows (
    import_id  TEXT NOT NULL,
    row        INTEGER NOT NULL,
    entry      TEXT NOT NULL,
    outcome    TEXT,
    resolution TEXT,
    PRIMARY KEY (import_id, row)
);
