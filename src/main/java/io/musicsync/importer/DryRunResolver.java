package io.musicsync.importer;

import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.MatchDecision;
import io.musicsync.domain.ScoredCandidate;
import io.musicsync.domain.SongQuery;
import io.musicsync.domain.SyncActivity;
import io.musicsync.engine.standalone.RetryRunner;
import io.musicsync.imports.Resolution;
import io.musicsync.imports.RowOutcome;
import io.musicsync.sync.SyncActivities;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A dry run: the real search and matcher (the same activities a sync runs) decide each song, nothing is added.
 * The AI is not asked (it costs money): a song the matcher is unsure of needs review, as it would when the AI is
 * unsure too.
 */
final class DryRunResolver implements SongResolver {

    private final SyncActivities activities;
    /** The search's retry policy, as in a sync: a passing Spotify error does not make a row fail. */
    private final RetryRunner retries;

    private final double threshold;
    /** The target playlist's tracks, read once before the run; empty without a target. */
    private final Set<String> inPlaylist;
    /**
     * The row that claimed each track this run: a song listed twice (an album and a compilation) is added once
     * by a real import, so the dry run says the second one is already there.
     */
    private final Map<String, Integer> chosenBy = new ConcurrentHashMap<>();

    DryRunResolver(SyncActivities activities, RetryRunner retries, double threshold, Set<String> inPlaylist) {
        this.activities = activities;
        this.retries = retries;
        this.threshold = threshold;
        this.inPlaylist = Set.copyOf(inPlaylist);
    }

    @Override
    public Resolution resolve(int row, SongQuery song) {
        List<CatalogTrack> candidates =
                retries.run(SyncActivity.SEARCH, () -> activities.searchTracks(song), retry -> {});
        if (candidates.isEmpty()) {
            return Resolution.of(RowOutcome.NOT_FOUND, "No tracks found on Spotify for " + song);
        }
        MatchDecision decision = activities.matchTrack(song, candidates, threshold);
        return switch (decision.outcome()) {
            case ADD -> chosen(row, decision);
            case UNCERTAIN -> {
                if (decision.ranked().isEmpty()) {
                    yield Resolution.of(RowOutcome.NOT_FOUND, "No confident match for " + song + explain(decision));
                }
                ScoredCandidate best = decision.ranked().get(0);
                yield new Resolution(
                        RowOutcome.NEEDS_REVIEW,
                        "No confident match for " + song + explain(decision),
                        best.track().uri(),
                        Resolution.describe(best.track()),
                        best.score(),
                        "none",
                        null);
            }
            case NONE -> Resolution.of(RowOutcome.NOT_FOUND, "No match for " + song + explain(decision));
        };
    }

    /** A confident match: would be added, unless the playlist has it or an earlier row of this run claimed it. */
    private Resolution chosen(int row, MatchDecision decision) {
        ScoredCandidate chosen = decision.chosen();
        String uri = chosen.track().uri();
        String track = Resolution.describe(chosen.track());
        RowOutcome outcome = RowOutcome.ALREADY_THERE;
        String message;
        if (inPlaylist.contains(uri)) {
            message = track + " is already in the playlist";
        } else {
            Integer earlierRow = chosenBy.putIfAbsent(uri, row);
            if (earlierRow == null) {
                outcome = RowOutcome.WOULD_ADD;
                message = "Would add " + track;
            } else {
                message = track + " would already be added for row " + earlierRow;
            }
        }
        return new Resolution(outcome, message, uri, track, chosen.score(), decision.method(), null);
    }

    private static String explain(MatchDecision decision) {
        String reasons = decision.reasons().isEmpty() ? "" : " (" + String.join("; ", decision.reasons()) + ")";
        String best = decision.ranked().stream()
                .limit(3)
                .map(c -> Resolution.describe(c.track()) + String.format(Locale.ROOT, " %.2f", c.score()))
                .collect(Collectors.joining("; "));
        return reasons + (best.isEmpty() ? "" : ". Best candidates: " + best);
    }
}
