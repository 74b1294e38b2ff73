-- The review queue: the review each waiting sync shows (a PendingReview as JSON) and, once closed, when and with
-- which answer (a ReviewChoice as JSON; NULL: no answer came in time, or the sync was cancelled).
CREATE TABLE reviews (
    sync_id       TEXT PRIMARY KEY,
    pending       TEXT NOT NULL,
    waiting_since INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL,
    answered_at   INTEGER,
    choice        TEXT
);
CREATE INDEX reviews_waiting ON reviews (waiting_since, sync_id) WHERE answered_at IS NULL;
CREATE INDEX reviews_expiring ON reviews (expires_at) WHERE answered_at IS NULL;

-- The person's review decisions under each key of the song (DecisionKeys: its ISRC, its normalised title and
-- artist), so the same song is never asked about twice. Kept for good: they are not pruned with the syncs.
CREATE TABLE decisions (
    key        TEXT PRIMARY KEY,
    choice     TEXT NOT NULL,
    decided_at INTEGER NOT NULL
);
