-- The standalone journal. Times are epoch milliseconds; JSON columns hold our records as the engine reads them.
CREATE TABLE syncs (
    id           TEXT PRIMARY KEY,
    request      TEXT NOT NULL,
    status       TEXT NOT NULL,
    state        TEXT NOT NULL,
    playlist_id  TEXT NOT NULL,
    dedupe_key   TEXT,
    started_at   INTEGER NOT NULL,
    completed_at INTEGER,
    retry_at     INTEGER
);
CREATE INDEX syncs_newest ON syncs (started_at DESC, id DESC);
CREATE INDEX syncs_running ON syncs (state) WHERE state = 'running';
CREATE INDEX syncs_dedupe ON syncs (dedupe_key, started_at) WHERE dedupe_key IS NOT NULL;
CREATE INDEX syncs_finished ON syncs (completed_at) WHERE completed_at IS NOT NULL;

CREATE TABLE events (
    seq     INTEGER PRIMARY KEY AUTOINCREMENT,
    sync_id TEXT NOT NULL,
    event   TEXT NOT NULL
);
CREATE INDEX events_of_sync ON events (sync_id, seq);

-- The result of each activity call a sync completed, in call order: a resumed sync replays these.
CREATE TABLE steps (
    sync_id  TEXT NOT NULL,
    idx      INTEGER NOT NULL,
    activity TEXT NOT NULL,
    result   TEXT,
    PRIMARY KEY (sync_id, idx)
);

-- The playlist writer's record of its adds: 'adding' before the request, 'added' once confirmed.
CREATE TABLE playlist_adds (
    playlist_id TEXT NOT NULL,
    uri         TEXT NOT NULL,
    state       TEXT NOT NULL,
    at          INTEGER NOT NULL,
    PRIMARY KEY (playlist_id, uri)
);

-- Small facts of the whole service that must survive a restart, e.g. Spotify's Retry-After.
CREATE TABLE service_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
