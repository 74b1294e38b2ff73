package io.musicsync.activities;

import java.time.Duration;

/**
 * How long the playlist writer collects requests before it writes them: until none has come for {@code quiet}, at
 * most {@code longest} after the first, and never more than {@link io.musicsync.domain.PlaylistService#MAX_ADD_BATCH}.
 * A sync alone so waits {@code quiet}; a burst of syncs shares add calls.
 */
public record BatchWindow(Duration quiet, Duration longest) {

    /** 100 ms of quiet (what a lone sync waits), one second at most for a steady stream. */
    public static final BatchWindow DEFAULT = new BatchWindow(Duration.ofMillis(100), Duration.ofSeconds(1));
}
