package io.musicsync.engine.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.musicsync.activities.BatchWindow;
import io.musicsync.domain.PlaylistNotFoundException;
import io.musicsync.domain.PlaylistPage;
import io.musicsync.domain.PlaylistService;
import io.musicsync.domain.SongQuery;
import io.musicsync.imports.ImportRow;
import io.musicsync.imports.ImportState;
import io.musicsync.imports.RowOutcome;
import io.musicsync.imports.RowStatus;
import io.musicsync.sync.PendingReview;
import io.musicsync.sync.SyncProgress;
import io.musicsync.sync.SyncRequest;
import io.musicsync.sync.SyncResult;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The import workflow on Temporal's test environment: the real child syncs ({@link MusicSyncWorkflowImpl}) against
 * a Spotify fake, or a child that waits for its review the way the sync workflow signals it.
 */
class ImportWorkflowTest {

    private static final String QUEUE = MusicSyncWorkflowTest.QUEUE;
    private static final String PLAYLIST = MusicSyncWorkflowTest.PLAYLIST;

    private TestWorkflowEnvironment env;
    private final FakeSpotifyActivities spotify = new FakeSpotifyActivities();

    @AfterEach
    void stop() {
        env.close();
    }

    /** A worker with the real workflows, or with child syncs of this kind instead of the real ones. */
    private WorkflowClient start(Class<? extends MusicSyncWorkflow> children) {
        env = TestWorkflowEnvironment.newInstance();
        Worker worker = env.newWorker(QUEUE, TemporalWorker.workerOptions(MusicSyncWorkflowTest.ENGINE));
        if (children != null) {
            worker.registerWorkflowImplementationTypes(ImportWorkflowImpl.class, ImportRowsWorkflowImpl.class);
            worker.registerWorkflowImplementationTypes(children);
            worker.registerActivitiesImplementations(
                    new PlaylistWriterActivitiesImpl(new KnownPlaylistOnly(spotify), BatchWindow.DEFAULT));
        } else {
            TemporalWorker.register(
                    worker, env.getWorkflowClient(), spotify, new KnownPlaylistOnly(spotify), BatchWindow.DEFAULT);
        }
        env.start();
        return env.getWorkflowClient();
    }

    private static ImportPlan plan(String id, String playlist, int rows, int rowsPerRun, int window) {
        return new ImportPlan(
                id, playlist, null, "Library.xml", "apple-xml", List.of(), 0, rows, rowsPerRun, window, 0.85, false, 0);
    }

    /** Songs, with a video at row 3 and an unreadable entry at row 7. */
    private static List<ImportRow> rows(int n) {
        return IntStream.rangeClosed(1, n)
                .mapToObj(i -> switch (i) {
                    case 3 -> ImportRow.skipped(i, "track " + i, "video", "\"Clip\" by Someone");
                    case 7 -> ImportRow.unreadable(i, "track " + i, "track " + i + " has no Name");
                    default -> ImportRow.song(i, "track " + i, SongQuery.of("Song " + i, "Artist"), List.of());
                })
                .toList();
    }

    private static ImportProgress runImport(WorkflowClient client, ImportPlan plan, List<ImportRow> rows) {
        TemporalImports.startWorkflows(client, QUEUE, plan, rows);
        return result(client, plan.importId());
    }

    private static ImportProgress result(WorkflowClient client, String importId) {
        try {
            return client.newUntypedWorkflowStub(importId).getResult(60, TimeUnit.SECONDS, ImportProgress.class);
        } catch (TimeoutException e) {
            throw new AssertionError("the import did not end", e);
        }
    }

    @Test
    void drivesEveryRowInABoundedWindowAndContinuesAsNewAfterEachPart() {
        WorkflowClient client = start(null);
        ImportPlan plan = plan("import-window", PLAYLIST, 30, 10, 4);

        ImportProgress done = runImport(client, plan, rows(30));

        // Every song finds the fake's one track: added once (the writer), already there for the rest.
        assertThat(done.state()).isEqualTo(ImportState.COMPLETED);
        assertThat(done.counts().count(RowOutcome.ADDED)).isEqualTo(1);
        assertThat(done.counts().count(RowOutcome.ALREADY_THERE)).isEqualTo(27);
        assertThat(done.counts().count(RowOutcome.SKIPPED)).isEqualTo(1);
        assertThat(done.counts().count(RowOutcome.FAILED)).isEqualTo(1);
        assertThat(spotify.playlist()).containsExactly(FakeSpotifyActivities.TRACK.uri());

        List<List<HistoryEvent>> runs = runs(client, plan.importId());
        assertThat(runs).hasSize(3);
        int mostAtOnce = 0;
        for (List<HistoryEvent> run : runs) {
            mostAtOnce = Math.max(mostAtOnce, mostChildrenAtOnce(run));
        }
        assertThat(mostAtOnce).isEqualTo(4);

        List<RowStatus> kept = new ArrayList<>();
        for (int part = 0; part < 3; part++) {
            kept.addAll(client.newUntypedWorkflowStub(plan.rowsWorkflowId(part))
                    .getResult(PartRows.class)
                    .rows());
        }
        assertThat(kept)
                .extracting(r -> r.row().row())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 30).boxed().toList());
        assertThat(kept.get(2).resolution().message()).startsWith("skipped: ");
        assertThat(kept.get(6).resolution().message()).isEqualTo("track 7 has no Name");
        assertThat(kept.get(29).resolution().syncId()).isEqualTo("import-window-30");
        assertThat(kept).allSatisfy(r -> assertThat(r.done()).isTrue());
    }

    @Test
    void anUnknownPlaylistFailsTheImportBeforeAnySearch() {
        WorkflowClient client = start(null);
        ImportPlan plan = plan("import-unknown", "no-such-playlist", 12, 5, 4);

        ImportProgress done = runImport(client, plan, rows(12));

        assertThat(done.state()).isEqualTo(ImportState.FAILED);
        assertThat(done.error()).contains("no-such-playlist");
        assertThat(done.counts().count(RowOutcome.FAILED)).isEqualTo(12);
        assertThat(spotify.calls(FakeSpotifyActivities.Step.SEARCH)).isZero();
        PartRows last = client.newUntypedWorkflowStub(plan.rowsWorkflowId(2)).getResult(PartRows.class);
        assertThat(last.rows())
                .extracting(r -> r.resolution().message())
                .allSatisfy(m -> assertThat(m).startsWith("not tried: ").contains("no-such-playlist"));
    }

    @Test
    void fiftyThousandRowsAreKeptInPartsAndNoEventHoldsMoreThanOne() {
        WorkflowClient client = start(null);
        // An unknown playlist: the import stops before any search, but every part is kept and every row reported.
        ImportPlan plan = plan("import-large", "no-such-playlist", 50_000, 500, 50);

        ImportProgress done = runImport(client, plan, rows(50_000));

        assertThat(plan.parts()).isEqualTo(100);
        assertThat(done.counts().count(RowOutcome.FAILED)).isEqualTo(50_000);
        PartRows last = client.newUntypedWorkflowStub(plan.rowsWorkflowId(99)).getResult(PartRows.class);
        assertThat(last.rows()).hasSize(500);
        assertThat(last.rows().getLast().row().row()).isEqualTo(50_000);
        assertThat(largestEvent(client.fetchHistory(plan.rowsWorkflowId(0)).getEvents()))
                .isLessThan(256 * 1024);
        assertThat(largestEvent(client.fetchHistory(plan.importId()).getEvents()))
                .isLessThan(16 * 1024);
    }

    private static int largestEvent(List<HistoryEvent> events) {
        return events.stream().mapToInt(HistoryEvent::getSerializedSize).max().orElse(0);
    }

    @Test
    void aSyncWaitingForItsReviewSettlesItsRowAndOutlivesTheImport() {
        WorkflowClient client = start(WaitingForReview.class);
        ImportPlan plan = plan("import-review", PLAYLIST, 8, 5, 2);

        ImportProgress done = runImport(client, plan, rows(8));

        assertThat(done.state()).isEqualTo(ImportState.COMPLETED);
        assertThat(done.counts().count(RowOutcome.NEEDS_REVIEW)).isEqualTo(6);
        // ParentClosePolicy ABANDON: the children still wait for their person.
        assertThat(client.newUntypedWorkflowStub("import-review-8").describe().getStatus())
                .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    }

    @Test
    void aCancelledImportStopsStartingRowsAndCancelsTheSyncsInFlight() {
        WorkflowClient client = start(WaitsUntilCancelled.class);
        ImportPlan plan = plan("import-cancel", PLAYLIST, 12, 5, 2);
        {
            TemporalImports.startWorkflows(client, QUEUE, plan, rows(12));
            ImportWorkflow workflow = client.newWorkflowStub(ImportWorkflow.class, plan.importId());
            await().until(() -> workflow.progress().inFlight() == 2);

            workflow.cancelImport();
            ImportProgress done = client.newUntypedWorkflowStub(plan.importId()).getResult(ImportProgress.class);

            assertThat(done.state()).isEqualTo(ImportState.FAILED);
            assertThat(done.error()).isEqualTo(ImportWorkflowImpl.CANCELLED);
            assertThat(done.counts().count(RowOutcome.FAILED)).isEqualTo(11); // all but the video
            List<RowStatus> first = client.newUntypedWorkflowStub(plan.rowsWorkflowId(0))
                    .getResult(PartRows.class)
                    .rows();
            assertThat(first.get(0).resolution().message()).isEqualTo("cancelled");
            assertThat(first.get(1).resolution().message()).isEqualTo("cancelled");
            assertThat(first.get(3).resolution().message()).isEqualTo("not tried: the import was cancelled");
            assertThatThrownBy(() ->
                            client.newUntypedWorkflowStub("import-cancel-4").describe())
                    .isInstanceOf(WorkflowNotFoundException.class);
        }
    }

    /** Each run of the import, first to last (a run that continued as new names the one before it). */
    private static List<List<HistoryEvent>> runs(WorkflowClient client, String id) {
        List<List<HistoryEvent>> runs = new ArrayList<>();
        String runId = "";
        do {
            List<HistoryEvent> events = client.fetchHistory(id, runId).getEvents();
            runs.addFirst(events);
            runId = events.getFirst()
                    .getWorkflowExecutionStartedEventAttributes()
                    .getContinuedExecutionRunId();
        } while (!runId.isEmpty());
        return runs;
    }

    private static int mostChildrenAtOnce(List<HistoryEvent> run) {
        int running = 0;
        int most = 0;
        for (HistoryEvent event : run) {
            if (event.getEventType() == EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED) {
                most = Math.max(most, ++running);
            } else if (event.getEventType() == EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_COMPLETED
                    || event.getEventType() == EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_FAILED) {
                running--;
            }
        }
        return most;
    }

    /** The fake's playlist calls, with only the test playlist known. */
    private record KnownPlaylistOnly(PlaylistService playlists) implements PlaylistService {
        @Override
        public String playlistSnapshot(String playlistId) {
            if (!PLAYLIST.equals(playlistId)) {
                throw new PlaylistNotFoundException("Playlist " + playlistId + " was not found");
            }
            return playlists.playlistSnapshot(playlistId);
        }

        @Override
        public PlaylistPage playlistItems(String playlistId, int offset, int limit) {
            return playlists.playlistItems(playlistId, offset, limit);
        }

        @Override
        public List<String> allPlaylistUris(String playlistId) {
            return playlists.allPlaylistUris(playlistId);
        }

        @Override
        public String addItems(String playlistId, List<String> uris) {
            return playlists.addItems(playlistId, uris);
        }
    }

    /**
     * A sync whose matcher and AI were unsure: it tells its parent it waits for a review (the contract of
     * {@code syncAwaitingReview}) and waits until cancelled.
     */
    public static class WaitingForReview extends WaitsUntilCancelled {
        @Override
        public SyncResult run(SyncRequest request) {
            String parent = Workflow.getInfo().getParentWorkflowId().orElseThrow();
            Workflow.newUntypedExternalWorkflowStub(parent)
                    .signal("syncAwaitingReview", Workflow.getInfo().getWorkflowId());
            return super.run(request);
        }
    }

    /** A sync that runs until it is cancelled (honouring the cancel as a sync before its add does). */
    public static class WaitsUntilCancelled implements MusicSyncWorkflow {
        private boolean cancelled;

        @Override
        public SyncResult run(SyncRequest request) {
            Workflow.await(() -> cancelled);
            throw ApplicationFailure.newNonRetryableFailure("The sync was cancelled", CANCELLED_TYPE);
        }

        @Override
        public SyncProgress progress() {
            return SyncProgress.queued(Workflow.currentTimeMillis());
        }

        @Override
        public void cancelSync() {
            cancelled = true;
        }

        @Override
        public void playlistAddDone(PlaylistAddReply reply) {}

        @Override
        public PendingReview pendingReview() {
            return null;
        }

        @Override
        public void answerReview(ReviewReply reply) {}

        @Override
        public void validateAnswer(ReviewReply reply) {
            throw new IllegalStateException("this sync never waits for a review");
        }
    }
}
