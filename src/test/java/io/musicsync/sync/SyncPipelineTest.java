package io.musicsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.musicsync.domain.AddConfirmation;
import io.musicsync.domain.AddOutcome;
import io.musicsync.domain.AiChoice;
import io.musicsync.domain.AiUnavailableException;
import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.MatchDecision;
import io.musicsync.domain.MatchOutcome;
import io.musicsync.domain.PlaylistNotFoundException;
import io.musicsync.domain.ReviewChoice;
import io.musicsync.domain.ScoredCandidate;
import io.musicsync.domain.SongQuery;
import io.musicsync.domain.SyncStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The orchestration alone, against a scripted activities edge (the same role Temporal's test environment gives
 * fake activities): step order, progress, and how each outcome ends.
 */
class SyncPipelineTest {

    private static final CatalogTrack STUDIO = new CatalogTrack(
            "4u7EnebtmKWzUH433cf5Qv",
            "spotify:track:4u7EnebtmKWzUH433cf5Qv",
            "Bohemian Rhapsody",
            List.of("Queen"),
            "A Night At The Opera",
            "1975-10-31",
            354_320,
            false,
            null);
    private static final CatalogTrack LIVE = new CatalogTrack(
            "1AhDOtG9vPSOmsWgNW0BEY",
            "spotify:track:1AhDOtG9vPSOmsWgNW0BEY",
            "Bohemian Rhapsody - Live Aid",
            List.of("Queen"),
            "Live Aid",
            "1985",
            240_000,
            false,
            null);
    private static final String PLAYLIST = "37i9dQZF1DXcBWIGoYBM5M";

    private final SyncPipeline pipeline = new SyncPipeline();
    private final AtomicLong clock = new AtomicLong(1_000);
    private final List<SyncProgress> progress = new ArrayList<>();

    @Test
    void confidentMatchIsAddedAndVerifiedWithProgressAtEveryStep() {
        ScriptedActivities activities =
                new ScriptedActivities(List.of(STUDIO, LIVE), decision(MatchOutcome.ADD, STUDIO, 0.97));

        SyncResult result = run(activities, true);

        assertThat(result.success()).isTrue();
        assertThat(result.trackUri()).isEqualTo(STUDIO.uri());
        assertThat(result.matchMethod()).isEqualTo(MatchMethod.FUZZY);
        assertThat(result.confidenceScore()).isEqualTo(0.97);
        assertThat(result.alreadyInPlaylist()).isFalse();
        assertThat(activities.calls).containsExactly("search", "match", "add", "verify@7");
        assertThat(progress)
                .extracting(SyncProgress::currentStep)
                .containsExactly(
                        SyncStep.SEARCHING, SyncStep.MATCHING, SyncStep.ADDING, SyncStep.VERIFYING, SyncStep.COMPLETED);
        assertThat(progress).extracting(SyncProgress::stepsCompleted).containsExactly(0, 1, 2, 3, 4);
        assertThat(progress.get(progress.size() - 1).candidatesFound()).isEqualTo(2);
        assertThat(result.executionTimeSeconds()).isPositive();
    }

    @Test
    void anAddTheWriterConfirmedNeedsNoVerifyStepAndTheResultSaysHowItIsKnown() {
        ScriptedActivities activities =
                new ScriptedActivities(List.of(STUDIO, LIVE), decision(MatchOutcome.ADD, STUDIO, 0.97));
        activities.confirmation = AddConfirmation.ADD_ACCEPTED;

        SyncResult result = run(activities, true);

        assertThat(activities.calls).containsExactly("search", "match", "add");
        assertThat(result.verification()).isEqualTo("add_accepted");
        assertThat(result.message()).contains("accepted; the playlist does not show it yet");
        assertThat(progress)
                .extracting(SyncProgress::currentStep)
                .containsExactly(SyncStep.SEARCHING, SyncStep.MATCHING, SyncStep.ADDING, SyncStep.COMPLETED);
    }

    @Test
    void anOutcomeWithoutConfirmationIsReadBackInTheVerifyStep() {
        ScriptedActivities activities =
                new ScriptedActivities(List.of(STUDIO, LIVE), decision(MatchOutcome.ADD, STUDIO, 0.97));

        SyncResult result = run(activities, true);

        assertThat(activities.calls).endsWith("verify@7");
        assertThat(result.verification()).isEqualTo("read_back");
    }

    @Test
    void noCandidatesCompletesUnsuccessfullyWithAMessage() {
        ScriptedActivities activities = new ScriptedActivities(List.of(), null);

        SyncResult result = run(activities, true);

        assertThat(result.success()).isFalse();
        assertThat(result.matchMethod()).isEqualTo(MatchMethod.NONE);
        assertThat(result.message()).contains("No tracks found").contains("Bohemian Rhapsody");
        assertThat(activities.calls).containsExactly("search");
    }

    @Test
    void uncertainWithoutAiAddsNothingAndListsTheBestCandidates() {
        ScriptedActivities activities =
                new ScriptedActivities(List.of(LIVE), decision(MatchOutcome.UNCERTAIN, null, 0.71));

        SyncResult result = run(activities, false);

        assertThat(result.success()).isFalse();
        assertThat(result.message())
                .startsWith("No confident match")
                .contains("Live Aid")
                .contains("0.71");
        assertThat(activities.calls).containsExactly("search", "match");
    }

    @Test
    void uncertainWithAiAddsTheOfferedTrackTheModelChose() {
        ScriptedActivities activities =
                new ScriptedActivities(List.of(STUDIO, LIVE), decision(MatchOutcome.UNCERTAIN, null, 0.80));
        activities.aiAnswer = new AiChoice(STUDIO.uri(), 0.93, "studio original", "claude", "m");

        SyncResult result = run(activities, true);

        assertThat(result.success()).isTrue();
        assertThat(result.matchMethod()).isEqualTo(MatchMethod.AI);
        assertThat(result.confidenceScore()).isEqualTo(0.93);
        assertThat(result.ai().reasoning()).isEqualTo("studio original");
        assertThat(progress).extracting(SyncProgress::currentStep).contains(SyncStep.AI_DISAMBIGUATION);
    }

    @Test
    void aUriTheModelWasNotOfferedCountsAsNone() {
        ScriptedActivities activities =
                new ScriptedActivities(List.of(STUDIO, LIVE), decision(MatchOutcome.UNCERTAIN, null, 0.80));
        activities.aiAnswer = new AiChoice("spotify:track:0000000000000000000000", 0.99, "trust me", "claude", "m");

        SyncResult result = run(activities, true);

        assertThat(result.success()).isFalse();
        assertThat(activities.calls).doesNotContain("add");
    }

    @Test
    void aHesitantPickIsNotAdded() {
        ScriptedActivities activities =
                new ScriptedActivities(List.of(STUDIO, LIVE), decision(MatchOutcome.UNCERTAIN, null, 0.80));
        activities.aiAnswer = new AiChoice(STUDIO.uri(), 0.35, "maybe", "claude", "m");

        SyncResult result = run(activities, true);

        assertThat(result.success()).isFalse();
        assertThat(result.message()).contains("confidence 0.35");
        assertThat(activities.calls).doesNotContain("add");
    }

    @Test
    void anAiStepThatFailsEndsAsNoConfidentMatchRatherThanAFailedSync() {
        ScriptedActivities activities =
                new ScriptedActivities(List.of(STUDIO, LIVE), decision(MatchOutcome.UNCERTAIN, null, 0.80));
        activities.aiError = new AiUnavailableException("provider answered 503");

        SyncResult result = run(activities, true);

        assertThat(result.success()).isFalse();
        assertThat(result.message()).startsWith("No confident match").contains("provider answered 503");
        assertThat(activities.calls).doesNotContain("add");
    }

    @Test
    void anUnexpectedErrorInTheAiStepIsNotShownToTheUser() {
        ScriptedActivities activities =
                new ScriptedActivities(List.of(STUDIO, LIVE), decision(MatchOutcome.UNCERTAIN, null, 0.80));
        activities.aiError = new IllegalStateException("secret internals at line 42");

        SyncResult result = run(activities, true);

        assertThat(result.message())
                .contains("the AI step failed: internal error")
                .doesNotContain("line 42");
    }

    @Test
    void alreadyPresentTrackIsReportedAndNotAddedAgain() {
        ScriptedActivities activities =
                new ScriptedActivities(List.of(STUDIO), decision(MatchOutcome.ADD, STUDIO, 1.0));
        activities.alreadyPresent = true;

        SyncResult result = run(activities, true);

        assertThat(result.success()).isTrue();
        assertThat(result.alreadyInPlaylist()).isTrue();
        assertThat(result.message()).contains("already in the playlist");
    }

    @Test
    void anActivityErrorPropagatesToTheEngine() {
        ScriptedActivities activities =
                new ScriptedActivities(List.of(STUDIO), decision(MatchOutcome.ADD, STUDIO, 1.0));
        activities.addError = new PlaylistNotFoundException("no such playlist");

        assertThatThrownBy(() -> run(activities, true)).isInstanceOf(PlaylistNotFoundException.class);
    }

    @Test
    void anUnsureSyncWithAReviewQueueWaitsForThePersonAddsTheirChoiceAndRemembersIt() {
        ScriptedActivities activities =
                new ScriptedActivities(List.of(LIVE, STUDIO), decision(MatchOutcome.UNCERTAIN, null, 0.7));
        List<PendingReview> asked = new ArrayList<>();

        SyncResult result = runReviewable(activities, false, pending -> {
            asked.add(pending);
            return new ReviewChoice(STUDIO, "sync-1", 86_400_000L);
        });

        assertThat(asked).singleElement().satisfies(pending -> {
            assertThat(pending.syncId()).isEqualTo("sync-1");
            assertThat(pending.candidates()).extracting(c -> c.track().uri()).containsExactly(LIVE.uri(), STUDIO.uri());
            assertThat(pending.message()).startsWith("No confident match for");
            assertThat(pending.expiresAtMillis() - pending.waitingSinceMillis()).isEqualTo(30 * 86_400_000L);
        });
        assertThat(activities.calls).containsExactly("recall", "search", "match", "remember", "add", "verify@7");
        assertThat(activities.remembered).isEqualTo(new ReviewChoice(STUDIO, "sync-1", 86_400_000L));
        assertThat(result.success()).isTrue();
        assertThat(result.trackUri()).isEqualTo(STUDIO.uri());
        assertThat(result.matchMethod()).isEqualTo(MatchMethod.REVIEW);
        assertThat(result.decision().reasons())
                .last()
                .asString()
                .contains("a person chose", "sync-1", "1970-01-02T00:00:00Z");
        assertThat(progress).extracting(SyncProgress::currentStep).contains(SyncStep.AWAITING_REVIEW);
    }

    @Test
    void anUnsureAiAnswerAlsoGoesToTheReviewWithTheAiAnswerShown() {
        ScriptedActivities activities =
                new ScriptedActivities(List.of(LIVE, STUDIO), decision(MatchOutcome.UNCERTAIN, null, 0.7));
        List<PendingReview> asked = new ArrayList<>();

        SyncResult result = runReviewable(activities, true, pending -> {
            asked.add(pending);
            return ReviewChoice.notOnSpotify("sync-1", 5);
        });

        assertThat(asked).singleElement().extracting(PendingReview::ai).isEqualTo(activities.aiAnswer);
        assertThat(activities.calls).containsExactly("recall", "search", "match", "ai", "remember");
        assertThat(result.success()).isFalse();
        assertThat(result.message()).startsWith("Not on Spotify:").contains("not on Spotify");
        assertThat(result.decision().outcome()).isEqualTo(MatchOutcome.NONE);
    }

    @Test
    void noAnswerWithinTheTimeoutEndsNoConfidentMatchAndRemembersNothing() {
        ScriptedActivities activities =
                new ScriptedActivities(List.of(LIVE, STUDIO), decision(MatchOutcome.UNCERTAIN, null, 0.7));

        SyncResult result = runReviewable(activities, false, pending -> null);

        assertThat(result.success()).isFalse();
        assertThat(result.message()).contains("no review within 30 days");
        assertThat(activities.calls).containsExactly("recall", "search", "match");
        assertThat(activities.remembered).isNull();
    }

    @Test
    void aRememberedDecisionAnswersWithoutSearchingOrAsking() {
        ScriptedActivities activities =
                new ScriptedActivities(List.of(LIVE, STUDIO), decision(MatchOutcome.UNCERTAIN, null, 0.7));
        activities.remembered = new ReviewChoice(STUDIO, "sync-0", 0);

        SyncResult result = runReviewable(activities, true, pending -> {
            throw new AssertionError("a remembered song is not reviewed again");
        });

        assertThat(activities.calls).containsExactly("recall", "add", "verify@7");
        assertThat(result.matchMethod()).isEqualTo(MatchMethod.REMEMBERED);
        assertThat(result.trackUri()).isEqualTo(STUDIO.uri());
        assertThat(result.decision().reasons()).singleElement().asString().startsWith("remembered: a person chose");
    }

    @Test
    void withoutAReviewQueueNothingIsRecalledAndTheGateIsNeverAsked() {
        ScriptedActivities activities =
                new ScriptedActivities(List.of(LIVE, STUDIO), decision(MatchOutcome.UNCERTAIN, null, 0.7));
        activities.remembered = new ReviewChoice(STUDIO, "sync-0", 0);

        SyncResult result = run(activities, false);

        assertThat(activities.calls).containsExactly("search", "match");
        assertThat(result.message()).startsWith("No confident match");
    }

    private SyncResult run(SyncActivities activities, boolean useAi) {
        return run(activities, useAi, 0, pending -> {
            throw new AssertionError("no review without a review queue");
        });
    }

    private SyncResult runReviewable(SyncActivities activities, boolean useAi, ReviewGate gate) {
        return run(activities, useAi, 30, gate);
    }

    private SyncResult run(SyncActivities activities, boolean useAi, int reviewDays, ReviewGate gate) {
        SyncRequest request = new SyncRequest(
                "sync-1", SongQuery.of("Bohemian Rhapsody", "Queen"), PLAYLIST, null, 0.85, useAi, false, reviewDays);
        return pipeline.run(request, activities, gate, progress::add, () -> clock.addAndGet(250));
    }

    private static MatchDecision decision(MatchOutcome outcome, CatalogTrack chosen, double score) {
        ScoredCandidate best =
                new ScoredCandidate(chosen == null ? LIVE : chosen, score, Map.of("title", score), List.of());
        List<ScoredCandidate> ranked = chosen == null
                ? List.of(best, new ScoredCandidate(STUDIO, score - 0.05, Map.of(), List.of()))
                : List.of(best);
        return new MatchDecision(
                outcome,
                chosen == null ? null : best,
                chosen == null ? "none" : "fuzzy",
                ranked,
                List.of("title agrees"));
    }

    /** Answers as scripted and records the calls in order. */
    private static final class ScriptedActivities implements SyncActivities {
        final List<String> calls = new ArrayList<>();
        final List<CatalogTrack> candidates;
        final MatchDecision decision;
        AiChoice aiAnswer = AiChoice.none("no", "claude", "m");
        boolean alreadyPresent;
        AddConfirmation confirmation; // null: an outcome from before the writer confirmed its adds
        RuntimeException addError;
        RuntimeException aiError;
        ReviewChoice remembered;

        ScriptedActivities(List<CatalogTrack> candidates, MatchDecision decision) {
            this.candidates = candidates;
            this.decision = decision;
        }

        @Override
        public List<CatalogTrack> searchTracks(SongQuery song) {
            calls.add("search");
            return candidates;
        }

        @Override
        public MatchDecision matchTrack(SongQuery song, List<CatalogTrack> tracks, double threshold) {
            calls.add("match");
            return decision;
        }

        @Override
        public AiChoice disambiguate(SongQuery song, List<ScoredCandidate> offered) {
            calls.add("ai");
            if (aiError != null) {
                throw aiError;
            }
            return aiAnswer;
        }

        @Override
        public AddOutcome addToPlaylist(String playlistId, String trackUri) {
            calls.add("add");
            if (addError != null) {
                throw addError;
            }
            return new AddOutcome(!alreadyPresent, 7, alreadyPresent ? null : "snap-2", confirmation);
        }

        @Override
        public void verifyTrackInPlaylist(String playlistId, String trackUri, int positionHint) {
            calls.add("verify@" + positionHint);
        }

        @Override
        public ReviewChoice recallDecision(SongQuery song) {
            calls.add("recall");
            return remembered;
        }

        @Override
        public void rememberDecision(SongQuery song, ReviewChoice choice) {
            calls.add("remember");
            remembered = choice;
        }
    }
}
