package io.musicsync.sync;

import io.musicsync.domain.AddConfirmation;
import io.musicsync.domain.AddOutcome;
import io.musicsync.domain.AiChoice;
import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.MatchDecision;
import io.musicsync.domain.MatchOutcome;
import io.musicsync.domain.ScoredCandidate;
import io.musicsync.domain.SongQuery;
import io.musicsync.domain.SyncException;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * The whole orchestration of a sync: search, match, (AI when unsure), add, verify. Deterministic: it calls only
 * {@link SyncActivities}, reads time only from the clock it is given and keeps no state between runs, so the
 * Temporal workflow runs it unchanged with activity stubs and {@code Workflow.currentTimeMillis}.
 */
public final class SyncPipeline {

    /** An AI pick the model itself rates below this is not added: a hesitant model is no better than the matcher. */
    public static final double MIN_AI_CONFIDENCE = 0.6;

    public SyncResult run(
            SyncRequest request, SyncActivities activities, ProgressListener listener, LongSupplier clock) {
        Run run = new Run(request, activities, listener, clock);
        return run.execute();
    }

    /** One execution's state, so the pipeline object itself stays stateless and shareable. */
    private static final class Run {
        private final SyncRequest request;
        private final SyncActivities activities;
        private final ProgressListener listener;
        private final LongSupplier clock;
        private SyncProgress progress;

        Run(SyncRequest request, SyncActivities activities, ProgressListener listener, LongSupplier clock) {
            this.request = request;
            this.activities = activities;
            this.listener = listener;
            this.clock = clock;
            this.progress = SyncProgress.queued(clock.getAsLong());
        }

        SyncResult execute() {
            SongQuery song = request.song();
            report(SyncStep.SEARCHING, 0);
            List<CatalogTrack> candidates = activities.searchTracks(song);
            progress = progress.withCandidates(candidates.size());
            if (candidates.isEmpty()) {
                return finish(false, "No tracks found on Spotify for " + song, null, null, "none", false, null, null);
            }

            report(SyncStep.MATCHING, 1);
            MatchDecision decision = activities.matchTrack(song, candidates, request.matchThreshold());
            if (decision.outcome() == MatchOutcome.ADD) {
                ScoredCandidate chosen = decision.chosen();
                return addAndVerify(chosen.track(), chosen.score(), decision.method(), decision, null);
            }
            if (decision.outcome() == MatchOutcome.UNCERTAIN && request.useAiDisambiguation()) {
                return disambiguate(song, decision);
            }
            return finish(false, noMatchMessage(song, decision), null, null, "none", false, decision, null);
        }

        private SyncResult disambiguate(SongQuery song, MatchDecision decision) {
            report(SyncStep.AI_DISAMBIGUATION, 2);
            List<ScoredCandidate> offered = decision.ranked();
            AiChoice choice;
            try {
                choice = activities.disambiguate(song, offered);
            } catch (RuntimeException e) {
                // The AI failed after its retries (or its key was rejected). The matcher was unsure, so the answer
                // is "no confident match", not a failed sync. A cancelled sync still stops: the next step refuses.
                return finish(
                        false,
                        noMatchMessage(song, decision) + " (the AI step failed: " + failureMessage(e) + ")",
                        null,
                        null,
                        "none",
                        false,
                        decision,
                        null);
            }
            // The model may only pick what it was shown: anything else counts as "none".
            CatalogTrack picked = choice.chose()
                    ? offered.stream()
                            .map(ScoredCandidate::track)
                            .filter(t -> t.uri().equals(choice.chosenUri()))
                            .findFirst()
                            .orElse(null)
                    : null;
            if (picked == null || choice.confidence() < MIN_AI_CONFIDENCE) {
                String why = picked == null
                        ? "the AI chose none"
                        : String.format(
                                Locale.ROOT,
                                "the AI's pick %s had confidence %.2f < %.2f",
                                picked,
                                choice.confidence(),
                                MIN_AI_CONFIDENCE);
                String reasoning = choice.reasoning() == null ? "" : " (" + choice.reasoning() + ")";
                return finish(
                        false,
                        "No confident match for " + song + ": " + why + reasoning,
                        null,
                        null,
                        "none",
                        false,
                        decision,
                        choice);
            }
            return addAndVerify(picked, choice.confidence(), "ai", decision, choice);
        }

        /** Our classified failures explain themselves; anything else is a bug whose details stay in the log. */
        private static String failureMessage(RuntimeException error) {
            return error instanceof SyncException known ? known.getMessage() : "internal error";
        }

        /**
         * Hands the decided track to the playlist's writer, which adds it (or finds it there) and confirms it. An
         * outcome without confirmation comes from an add recorded before the writer confirmed its adds (a Temporal
         * history): that sync reads its track back in a step of its own, as it did then.
         */
        private SyncResult addAndVerify(
                CatalogTrack track, double confidence, String method, MatchDecision decision, AiChoice ai) {
            report(SyncStep.ADDING, 2);
            AddOutcome added = activities.addToPlaylist(request.playlistId(), track.uri());
            AddConfirmation confirmation = added.confirmation();
            if (confirmation == null) {
                report(SyncStep.VERIFYING, 3);
                activities.verifyTrackInPlaylist(request.playlistId(), track.uri(), added.position());
                confirmation = added.added() ? AddConfirmation.READ_BACK : AddConfirmation.PLAYLIST_READ;
            }
            String message = added.added()
                    ? "Added " + track + " to the playlist"
                            + (confirmation == AddConfirmation.ADD_ACCEPTED
                                    ? " (accepted; the playlist does not show it yet)"
                                    : "")
                    : track + " is already in the playlist; nothing added";
            return finish(true, message, track, confidence, method, !added.added(), decision, ai)
                    .withVerification(confirmation.wireName());
        }

        private SyncResult finish(
                boolean success,
                String message,
                CatalogTrack track,
                Double confidence,
                String method,
                boolean alreadyInPlaylist,
                MatchDecision decision,
                AiChoice ai) {
            report(SyncStep.COMPLETED, SyncProgress.STEPS_TOTAL);
            double seconds = (progress.updatedAtMillis() - progress.startedAtMillis()) / 1000.0;
            return new SyncResult(
                    success,
                    message,
                    track == null ? null : track.id(),
                    track == null ? null : track.uri(),
                    confidence,
                    seconds,
                    0,
                    method,
                    alreadyInPlaylist,
                    decision,
                    ai,
                    null);
        }

        private void report(SyncStep step, int completed) {
            progress = progress.at(step, completed, clock.getAsLong());
            listener.onProgress(progress);
        }

        private static String noMatchMessage(SongQuery song, MatchDecision decision) {
            String best = decision.ranked().stream()
                    .limit(3)
                    .map(c -> c.track() + String.format(Locale.ROOT, " %.2f", c.score()))
                    .collect(Collectors.joining("; "));
            String why = decision.reasons().isEmpty() ? "" : " (" + String.join("; ", decision.reasons()) + ")";
            String prefix = decision.outcome() == MatchOutcome.UNCERTAIN ? "No confident match for " : "No match for ";
            return prefix + song + why + (best.isEmpty() ? "" : ". Best candidates: " + best);
        }
    }
}
