package io.musicsync.engine.temporal;

import static io.musicsync.engine.temporal.FakeSpotifyActivities.COVER;
import static io.musicsync.engine.temporal.FakeSpotifyActivities.Step.ADD;
import static io.musicsync.engine.temporal.FakeSpotifyActivities.Step.SEARCH;
import static io.musicsync.engine.temporal.FakeSpotifyActivities.TRACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.musicsync.activities.BatchWindow;
import io.musicsync.config.Settings;
import io.musicsync.domain.MatchOutcome;
import io.musicsync.domain.SyncState;
import io.musicsync.domain.SyncStep;
import io.musicsync.engine.CancelOutcome;
import io.musicsync.engine.EngineUnavailableException;
import io.musicsync.engine.ReviewAnswer;
import io.musicsync.support.FreePort;
import io.musicsync.sync.MatchMethod;
import io.musicsync.sync.PendingReview;
import io.musicsync.sync.ReviewPage;
import io.musicsync.sync.SyncEvent;
import io.musicsync.sync.SyncListQuery;
import io.musicsync.sync.SyncListing;
import io.musicsync.sync.SyncStatus;
import io.temporal.testserver.TestServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The review queue through {@link TemporalEngine}, against a port-bound Temporal test server and a worker started
 * as {@code ./music-sync worker} starts it: needs_review in the status and the list, the queue and its cursor, the
 * answer (accepted once, then refused), the remembered decision for a later sync, cancel while waiting, history.
 */
class TemporalReviewQueueTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final int port = FreePort.find();
    private final Settings settings =
            Settings.load(Map.of("TEMPORAL_HOST", "127.0.0.1:" + port, "TASK_QUEUE_NAME", "review-test"), null);
    private final FakeSpotifyActivities spotify =
            new FakeSpotifyActivities().withCatalogue(List.of(TRACK, COVER)).withOutcome(MatchOutcome.UNCERTAIN);
    private final List<AutoCloseable> resources = new ArrayList<>();
    private TemporalEngine engine;
    private TemporalWorker worker;

    @BeforeEach
    void start() throws InterruptedException {
        resources.add(TestServer.createPortBoundServer(port));
        worker = TemporalWorker.start(
                TemporalConnection.forWorker(settings.temporal()),
                settings.engine(),
                spotify,
                spotify,
                BatchWindow.DEFAULT);
        resources.add(worker);
        engine = new TemporalEngine(TemporalConnection.forClient(settings.temporal()), Clock.systemUTC());
        resources.add(engine);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    private SyncStatus awaitState(String id, SyncState state) {
        return await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> engine.status(id).orElseThrow(), status -> status.state() == state);
    }

    private SyncStatus startWaiting(String id) {
        engine.start(ReviewWorkflowTest.reviewable(id));
        return awaitState(id, SyncState.NEEDS_REVIEW);
    }

    @Test
    void aWaitingSyncIsNeedsReviewListedAndAnsweredOnceThenAddsTheChoice() {
        SyncStatus waiting = startWaiting("sync-r1");

        assertThat(waiting.progress().currentStep()).isEqualTo(SyncStep.AWAITING_REVIEW);
        ReviewPage queue = engine.reviews(null, 10);
        assertThat(queue.reviews()).extracting(PendingReview::syncId).containsExactly("sync-r1");
        assertThat(queue.reviews().get(0).candidates())
                .extracting(c -> c.track().uri())
                .containsExactly(TRACK.uri(), COVER.uri());
        assertThat(queue.nextCursor()).isNull();
        List<SyncListing> listed = engine.list(new SyncListQuery(SyncState.NEEDS_REVIEW, null, 10, null))
                .syncs();
        assertThat(listed).extracting(SyncListing::syncId).containsExactly("sync-r1");

        assertThat(engine.answerReview("sync-r1", COVER.uri())).isEqualTo(ReviewAnswer.ACCEPTED);
        assertThat(engine.answerReview("sync-r1", TRACK.uri())).isEqualTo(ReviewAnswer.NOT_WAITING);
        SyncStatus done = awaitState("sync-r1", SyncState.COMPLETED);

        assertThat(done.result().matchMethod()).isEqualTo(MatchMethod.REVIEW);
        assertThat(done.result().trackUri()).isEqualTo(COVER.uri());
        assertThat(spotify.playlist()).containsExactly(COVER.uri());
        assertThat(spotify.calls(ADD)).isEqualTo(1);
        assertThat(engine.reviews(null, 10).reviews()).isEmpty();
        assertThat(engine.list(new SyncListQuery(SyncState.NEEDS_REVIEW, null, 10, null))
                        .syncs())
                .isEmpty();
        assertThat(engine.answerReview("sync-r1", COVER.uri())).isEqualTo(ReviewAnswer.NOT_WAITING);
        assertThat(engine.answerReview("sync-unknown", COVER.uri())).isEqualTo(ReviewAnswer.NOT_FOUND);

        List<SyncEvent> history = engine.history("sync-r1").orElseThrow();
        assertThat(history)
                .filteredOn(e -> e.step() == SyncStep.AWAITING_REVIEW)
                .extracting(SyncEvent::type, SyncEvent::message)
                .startsWith(
                        org.assertj.core.groups.Tuple.tuple(
                                SyncEvent.Type.STEP_STARTED, "waiting for a person's review (up to 30 days)"),
                        org.assertj.core.groups.Tuple.tuple(
                                SyncEvent.Type.STEP_COMPLETED, "a person chose " + COVER.uri()));

        // The same song later: remembered across syncs (kept in Temporal), no search, no second add.
        int searches = spotify.calls(SEARCH);
        engine.start(ReviewWorkflowTest.reviewable("sync-r2"));
        SyncStatus later = awaitState("sync-r2", SyncState.COMPLETED);
        assertThat(later.result().matchMethod()).isEqualTo(MatchMethod.REMEMBERED);
        assertThat(later.result().alreadyInPlaylist()).isTrue();
        assertThat(spotify.calls(SEARCH)).isEqualTo(searches);
        assertThat(spotify.playlist()).containsExactly(COVER.uri());
    }

    @Test
    void theQueueIsPagedWaitingLongestFirst() {
        for (String id : List.of("sync-q1", "sync-q2", "sync-q3")) {
            startWaiting(id);
        }

        ReviewPage first = engine.reviews(null, 2);
        ReviewPage second = engine.reviews(first.nextCursor(), 2);

        assertThat(first.reviews()).extracting(PendingReview::syncId).containsExactly("sync-q1", "sync-q2");
        assertThat(second.reviews()).extracting(PendingReview::syncId).containsExactly("sync-q3");
        assertThat(second.nextCursor()).isNull();
        assertThatThrownBy(() -> engine.reviews("not-a-cursor", 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withNoWorkerUpTheStatusAndTheQueueStillShowTheWaitingSyncAndAnAnswerIsA503NotAHang() throws Exception {
        startWaiting("sync-nw");
        resources.remove(worker);
        worker.close();

        SyncStatus status = engine.status("sync-nw").orElseThrow();
        ReviewPage queue = engine.reviews(null, 10);
        long before = System.nanoTime();
        assertThatThrownBy(() -> engine.answerReview("sync-nw", COVER.uri()))
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessageContaining("./music-sync worker");
        Duration took = Duration.ofNanos(System.nanoTime() - before);

        assertThat(status.state()).isEqualTo(SyncState.NEEDS_REVIEW);
        assertThat(status.progress().currentStep()).isEqualTo(SyncStep.AWAITING_REVIEW);
        assertThat(queue.reviews()).extracting(PendingReview::syncId).containsExactly("sync-nw");
        assertThat(took).isLessThan(TemporalEngine.ANSWER_TIMEOUT.plusSeconds(5));

        // A new worker takes the sync over; the answer then goes through.
        resources.add(TemporalWorker.start(
                TemporalConnection.forWorker(settings.temporal()),
                settings.engine(),
                spotify,
                spotify,
                BatchWindow.DEFAULT));
        assertThat(engine.answerReview("sync-nw", COVER.uri())).isEqualTo(ReviewAnswer.ACCEPTED);
        assertThat(awaitState("sync-nw", SyncState.COMPLETED).result().trackUri())
                .isEqualTo(COVER.uri());
    }

    @Test
    void aSyncWaitingForItsReviewCanBeCancelled() {
        startWaiting("sync-rc");

        assertThat(engine.cancel("sync-rc")).isEqualTo(CancelOutcome.CANCELLING);
        awaitState("sync-rc", SyncState.CANCELLED);

        assertThat(engine.reviews(null, 10).reviews()).isEmpty();
        assertThat(engine.answerReview("sync-rc", COVER.uri())).isEqualTo(ReviewAnswer.NOT_WAITING);
        assertThat(spotify.calls(ADD)).isZero();
    }
}
