package io.musicsync.engine.temporal;

import io.musicsync.sync.SyncProgress;
import io.musicsync.sync.SyncResult;

/**
 * How a sync that had started its add really ended, kept in the workflow's memo when Temporal's own cancel (its
 * CLI or Web UI) arrived meanwhile. The Java SDK records any workflow that ends after such a cancel as cancelled,
 * whatever it returns; the status reader reads this instead, so a sync is never reported cancelled after it
 * changed the playlist.
 *
 * @param result the sync's result when it completed, else null
 * @param error what went wrong when it failed (e.g. the verification), else null
 * @param progress the sync's last progress
 */
public record CommittedOutcome(SyncResult result, String error, SyncProgress progress) {

    /** The memo key. */
    static final String MEMO_KEY = "committed_outcome";
}
