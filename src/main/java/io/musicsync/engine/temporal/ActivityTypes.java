package io.musicsync.engine.temporal;

import io.musicsync.domain.SyncActivity;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Temporal activity type of each {@link SyncActivity}: the SDK names a type after its method in
 * {@link TemporalSyncActivities}, capitalised. Written once here (a test checks them against the SDK's own names);
 * recorded histories carry them, so they never change.
 */
final class ActivityTypes {

    private static final Map<SyncActivity, String> TYPES = new EnumMap<>(Map.of(
            SyncActivity.SEARCH, "SearchTracks",
            SyncActivity.MATCH, "MatchTrack",
            SyncActivity.DISAMBIGUATE, "Disambiguate",
            SyncActivity.ADD, "AddToPlaylist",
            SyncActivity.VERIFY, "VerifyTrackInPlaylist",
            SyncActivity.RECALL, "RecallDecision",
            SyncActivity.REMEMBER, "RememberDecision"));

    private ActivityTypes() {}

    static String typeOf(SyncActivity activity) {
        return TYPES.get(activity);
    }

    /** The activity of a recorded activity type, or empty for a type that is not one of a sync's activities. */
    static Optional<SyncActivity> activityOf(String activityType) {
        return Arrays.stream(SyncActivity.values())
                .filter(activity -> TYPES.get(activity).equals(activityType))
                .findFirst();
    }
}
