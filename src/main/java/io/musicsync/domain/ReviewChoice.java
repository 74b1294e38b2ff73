package io.musicsync.domain;

/**
 * A person's answer to a review: the track to add, or "not on Spotify" ({@code track} null). Remembered, it
 * answers the same song later without asking again.
 *
 * @param track the chosen track (from the candidates shown, or one the person named by URI), or null
 * @param reviewedSyncId the sync whose review the person answered (names the decision in later reasons)
 * @param decidedAtMillis when the person answered, epoch milliseconds
 */
public record ReviewChoice(CatalogTrack track, String reviewedSyncId, long decidedAtMillis) {

    public static ReviewChoice notOnSpotify(String reviewedSyncId, long decidedAtMillis) {
        return new ReviewChoice(null, reviewedSyncId, decidedAtMillis);
    }

    public boolean chose() {
        return track != null;
    }
}
