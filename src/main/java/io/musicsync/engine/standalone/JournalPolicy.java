package io.musicsync.engine.standalone;

import java.time.Duration;

/**
 * What the standalone engine does with its journal beyond recording.
 *
 * @param dedupeWindow a submission of the same user, playlist and song within this window returns the first sync
 *                     ({@code DEDUPE_WINDOW_SECONDS}; zero turns it off)
 * @param retention finished syncs older than this are pruned ({@code RETENTION_DAYS})
 */
public record JournalPolicy(Duration dedupeWindow, Duration retention) {

    /** No deduplication, nothing pruned: what tests of other behaviour want. */
    public static final JournalPolicy NONE = new JournalPolicy(Duration.ZERO, Duration.ofDays(36_500));
}
