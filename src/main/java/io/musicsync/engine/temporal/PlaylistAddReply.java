package io.musicsync.engine.temporal;

import io.musicsync.domain.AddOutcome;

/**
 * The writer's answer to one {@link PlaylistAddRequest}, signalled back to the sync.
 *
 * @param outcome the add's outcome, or null when the write failed
 * @param failureType the failure's type, as the failed activity carried it (e.g. {@code PlaylistNotFoundException})
 * @param failureMessage the failure's message for the sync's error when it failed
 * @param retries activity retries the write needed, counted in the sync's {@code retry_count}
 */
public record PlaylistAddReply(
        String trackUri, AddOutcome outcome, String failureType, String failureMessage, int retries) {

    static PlaylistAddReply of(String trackUri, AddOutcome outcome, int retries) {
        return new PlaylistAddReply(trackUri, outcome, null, null, retries);
    }

    static PlaylistAddReply failed(String trackUri, String type, String message, int retries) {
        return new PlaylistAddReply(trackUri, null, type, message, retries);
    }

    boolean isFailure() {
        return outcome == null;
    }
}
