package io.musicsync.sync;

import io.musicsync.domain.MatchDecision;
import io.musicsync.domain.MatchOutcome;
import io.musicsync.domain.ScoredCandidate;
import io.musicsync.imports.ImportRow;
import io.musicsync.imports.Resolution;
import io.musicsync.imports.RowOutcome;
import io.musicsync.library.SkipReason;

/**
 * The one rule for what an import row's outcome is: from the sync that resolved a song (both engines' imports), or
 * from the entry itself when it is no song.
 */
public final class RowResolution {

    private RowResolution() {}

    /** A skipped or unreadable entry's outcome, reached without a sync. */
    public static Resolution ofEntry(ImportRow row) {
        return switch (row.kind()) {
            case SKIPPED -> Resolution.of(RowOutcome.SKIPPED, "skipped: " + explain(row.skipReason()));
            case UNREADABLE -> Resolution.of(RowOutcome.FAILED, row.detail());
            case SONG -> throw new IllegalArgumentException("row " + row.row() + " is a song: its sync resolves it");
        };
    }

    /** A finished sync's result as its row's outcome. */
    public static Resolution of(SyncResult result, String syncId) {
        MatchDecision decision = result.decision();
        if (result.success()) {
            return new Resolution(
                    result.alreadyInPlaylist() ? RowOutcome.ALREADY_THERE : RowOutcome.ADDED,
                    result.message(),
                    result.trackUri(),
                    decision == null ? null : describe(decision, result.trackUri()),
                    result.confidenceScore(),
                    result.matchMethod().wireName(),
                    syncId);
        }
        if (decision != null
                && decision.outcome() == MatchOutcome.UNCERTAIN
                && !decision.ranked().isEmpty()) {
            ScoredCandidate best = decision.ranked().get(0);
            return new Resolution(
                    RowOutcome.NEEDS_REVIEW,
                    result.message(),
                    best.track().uri(),
                    Resolution.describe(best.track()),
                    best.score(),
                    result.matchMethod().wireName(),
                    syncId);
        }
        return new Resolution(
                RowOutcome.NOT_FOUND,
                result.message(),
                null,
                null,
                null,
                result.matchMethod().wireName(),
                syncId);
    }

    /** A sync that failed (or was cancelled): the row failed with its message. */
    public static Resolution failed(String message, String syncId) {
        return new Resolution(RowOutcome.FAILED, message, null, null, null, null, syncId);
    }

    /** A sync that waits for a person's review: the import does not wait for them. */
    public static Resolution awaitingReview(String syncId) {
        return new Resolution(
                RowOutcome.NEEDS_REVIEW,
                "the matcher is unsure: waiting for your choice in the review queue (the dashboard, or GET /api/v1/reviews)",
                null,
                null,
                null,
                null,
                syncId);
    }

    private static String explain(String skipReason) {
        for (SkipReason reason : SkipReason.values()) {
            if (reason.wireName().equals(skipReason)) {
                return reason.explanation();
            }
        }
        return skipReason;
    }

    private static String describe(MatchDecision decision, String uri) {
        return decision.ranked().stream()
                .map(ScoredCandidate::track)
                .filter(t -> t.uri().equals(uri))
                .findFirst()
                .map(Resolution::describe)
                .orElse(null);
    }
}
