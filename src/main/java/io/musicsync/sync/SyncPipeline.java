package io.musicsync.sync;

import io.musicsync.domain.AddConfirmation;
import io.musicsync.domain.AddOutcome;
import io.musicsync.domain.AiChoice;
import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.MatchDecision;
import io.musicsync.domain.MatchOutcome;
import io.musicsync.domain.ReviewChoice;
import io.musicsync.domain.ScoredCandidate;
import io.musicsync.domain.SongQuery;
import io.musicsync.domain.SyncFailure;
import io.musicsync.domain.SyncStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * The whole orchestration of a sync: (a remembered review decision, or) search, match, (AI when unsure, a
 * person's review when still unsure), add, verify. Deterministic: it calls only {@link SyncActivities} and the
 * {@link ReviewGate}, reads time only from the clock it is given and keeps no state between runs, so the Temporal
 * workflow runs it unchanged with activity stubs and {@code Workflow.currentTimeMillis}.
 */
public final class SyncPipeline {

    /** An AI pick the model itself rates below this is not added: a hesitant model is no better than the matcher. */
    public static final double MIN_AI_CONFIDENCE = 0.6;

    public SyncResult run(
            SyncRequest request,
            SyncActivities activities,
            ReviewGate reviews,
            ProgressListener listener,
            LongSupplier clock) {
        Run run = new Run(request, activities, reviews, listener, clock);
        return run.execute();
    }

    /** One execution's state, so the pipeline object itself stays stateless and shareable. */
    private static final class Run {
        private final SyncRequest request;
        private final SyncActivities activities;
        private final ReviewGate reviews;
        private final ProgressListener listener;
        private final LongSupplier clock;
        private SyncProgress progress;

        Run(
                SyncRequest request,
                SyncActivities activities,
                ReviewGate reviews,
                ProgressListener listener,
                LongSupplier clock) {
            this.request = request;
            this.activities = activities;
            this.reviews = reviews;
            this.listener = listener;
            this.clock = clock;
            this.progress = SyncProgress.queued(clock.getAsLong());
        }

        SyncResult execute() {
            SongQuery song = request.song();
            report(SyncStep.SEARCHING);
            if (request.reviewable()) {
                // The person answered for this song before: their choice stands, and no search is needed.
                ReviewChoice remembered = activities.recallDecision(song);
                if (remembered != null) {
                    return decided(remembered, MatchMethod.REMEMBERED, null, null, "no confident match");
                }
            }
            List<CatalogTrack> candidates = activities.searchTracks(song);
            progress = progress.withCandidates(candidates.size());
            if (candidates.isEmpty()) {
                return finish(SyncResult.noCandidates(song));
            }

            report(SyncStep.MATCHING);
            MatchDecision decision = activities.matchTrack(song, candidates, request.matchThreshold());
            if (decision.outcome() == MatchOutcome.ADD) {
                ScoredCandidate chosen = decision.chosen();
                return addAndVerify(
                        chosen.track(), chosen.score(), MatchMethod.fromWire(decision.method()), decision, null);
            }
            if (decision.outcome() == MatchOutcome.UNCERTAIN && request.useAiDisambiguation()) {
                return disambiguate(song, decision);
            }
            String message = noMatchMessage(song, decision);
            return decision.outcome() == MatchOutcome.UNCERTAIN
                    ? unsure(decision, null, message)
                    : finish(SyncResult.noMatch(message, decision));
        }

        /**
         * Neither the matcher nor the AI is sure: a person decides (when the request has a review queue), else the
         * sync ends "no confident match".
         */
        private SyncResult unsure(MatchDecision decision, AiChoice ai, String message) {
            if (!request.reviewable()) {
                return finish(SyncResult.noConfidentMatch(message, decision, ai));
            }
            report(SyncStep.AWAITING_REVIEW);
            PendingReview pending = new PendingReview(
                    request.syncId(),
                    request.song(),
                    request.playlistId(),
                    decision,
                    ai,
                    message,
                    clock.getAsLong(),
                    request.reviewTimeoutDays());
            ReviewChoice choice = reviews.await(pending);
            if (choice == null) {
                return finish(SyncResult.noConfidentMatch(
                        message + " (no review within " + request.reviewTimeoutDays() + " days)", decision, ai));
            }
            activities.rememberDecision(request.song(), choice);
            return decided(choice, MatchMethod.REVIEW, decision, ai, message);
        }

        /**
         * Applies a person's review decision (just made, or remembered from an earlier review of the same song):
         * the chosen track is added like any other, and the decision's reasons say who chose it.
         *
         * @param decision the matcher's decision when it ran (a remembered decision skips it), else null
         */
        private SyncResult decided(
                ReviewChoice choice, MatchMethod method, MatchDecision decision, AiChoice ai, String message) {
            String when = Instant.ofEpochMilli(choice.decidedAtMillis()).toString();
            String who = (method == MatchMethod.REMEMBERED ? "remembered: " : "")
                    + "a person chose " + (choice.chose() ? choice.track().toString() : "\"not on Spotify\"")
                    + " in the review of sync " + choice.reviewedSyncId() + " at " + when;
            List<String> reasons = new ArrayList<>(decision == null ? List.of() : decision.reasons());
            reasons.add(who);
            ScoredCandidate chosen = choice.chose() ? new ScoredCandidate(choice.track(), 1.0, null, null) : null;
            MatchDecision reviewed = new MatchDecision(
                    choice.chose() ? MatchOutcome.ADD : MatchOutcome.NONE,
                    chosen,
                    method.wireName(),
                    decision == null ? List.of() : decision.ranked(),
                    reasons);
            if (!choice.chose()) {
                return finish(SyncResult.notOnSpotify(
                        "Not on Spotify: " + request.song() + " (" + who + "; " + message + ")", reviewed));
            }
            return addAndVerify(choice.track(), 1.0, method, reviewed, ai);
        }

        private SyncResult disambiguate(SongQuery song, MatchDecision decision) {
            report(SyncStep.AI_DISAMBIGUATION);
            List<ScoredCandidate> offered = decision.ranked();
            AiChoice choice;
            try {
                choice = activities.disambiguate(song, offered);
            } catch (RuntimeException e) {
                // The AI failed after its retries (or its key was rejected). The matcher was unsure, so the answer
                // is "no confident match", not a failed sync. A cancelled sync still stops: the next step refuses.
                String why = " (the AI step failed: " + SyncFailure.of(e).publicMessage() + ")";
                return unsure(decision, null, noMatchMessage(song, decision) + why);
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
                return unsure(decision, choice, "No confident match for " + song + ": " + why + reasoning);
            }
            return addAndVerify(picked, choice.confidence(), MatchMethod.AI, decision, choice);
        }

        /**
         * Hands the decided track to the playlist's writer, which adds it (or finds it there) and confirms it. An
         * outcome without confirmation comes from an add recorded before the writer confirmed its adds (a Temporal
         * history): that sync reads its track back in a step of its own, as it did then.
         */
        private SyncResult addAndVerify(
                CatalogTrack track, double confidence, MatchMethod method, MatchDecision decision, AiChoice ai) {
            report(SyncStep.ADDING);
            AddOutcome added = activities.addToPlaylist(request.playlistId(), track.uri());
            AddConfirmation confirmation = added.confirmation();
            if (confirmation == null) {
                report(SyncStep.VERIFYING);
                activities.verifyTrackInPlaylist(request.playlistId(), track.uri(), added.position());
                confirmation = added.added() ? AddConfirmation.READ_BACK : AddConfirmation.PLAYLIST_READ;
            }
            return finish(
                    added.added()
                            ? SyncResult.added(track, confidence, method, decision, ai, confirmation)
                            : SyncResult.alreadyThere(track, confidence, method, decision, ai, confirmation));
        }

        private SyncResult finish(SyncResult result) {
            report(SyncStep.COMPLETED);
            return result.withExecutionTime((progress.updatedAtMillis() - progress.startedAtMillis()) / 1000.0);
        }

        private void report(SyncStep step) {
            progress = progress.at(step, clock.getAsLong());
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
