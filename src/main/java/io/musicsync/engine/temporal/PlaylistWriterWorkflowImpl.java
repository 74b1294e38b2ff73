package io.musicsync.engine.temporal;

import io.musicsync.activities.AddRequest;
import io.musicsync.activities.BatchWindow;
import io.musicsync.activities.PlaylistBatch;
import io.musicsync.activities.WriterLedger;
import io.musicsync.domain.PlaylistService;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * One playlist's writer (see {@link PlaylistWriterWorkflow}): waits for requests, collects them for the same
 * {@link BatchWindow} as standalone mode, writes each batch with the same {@link PlaylistBatch} (its playlist calls
 * are activities), answers every sync of the batch, and continues as new after {@code batchesPerRun} batches or when
 * Temporal suggests it. Idle for {@link #IDLE_END}, it ends; the next request starts a new one (its record only
 * matters while reads may lag, seconds). Deterministic workflow code.
 */
public class PlaylistWriterWorkflowImpl implements PlaylistWriterWorkflow {

    /** How long a writer with nothing to do stays. */
    static final Duration IDLE_END = Duration.ofMinutes(5);

    private static final Logger LOG = Workflow.getLogger(PlaylistWriterWorkflowImpl.class);
    private static final String FAILED_TYPE = "PlaylistWriteFailed";

    private final List<PlaylistAddRequest> pending = new ArrayList<>();
    private int arrivals;

    @Override
    public void add(PlaylistAddRequest request) {
        pending.add(request);
        arrivals++;
    }

    @Override
    public void run(WriterState state) {
        pending.addAll(0, state.pending());
        WriterLedger ledger = state.ledger();
        WorkflowPlaylistService playlists = new WorkflowPlaylistService();
        for (int batches = 0; batches < state.batchesPerRun(); batches++) {
            Workflow.await(IDLE_END, () -> !pending.isEmpty());
            if (pending.isEmpty()) {
                // Idle. Temporal refuses to close a workflow while a signal waits, so a request racing this end is
                // seen by a next workflow task; a sync that got no answer asks again anyway.
                return;
            }
            collect(state.window());
            List<PlaylistAddRequest> batch =
                    new ArrayList<>(pending.subList(0, Math.min(pending.size(), PlaylistService.MAX_ADD_BATCH)));
            pending.subList(0, batch.size()).clear();
            ledger = write(state.playlistId(), playlists, ledger, batch);
            if (Workflow.getInfo().isContinueAsNewSuggested()) {
                break;
            }
        }
        Workflow.continueAsNew(state.next(ledger, List.copyOf(pending)));
    }

    /** Waits for more requests until a quiet pause, the window's end or a full batch (as standalone mode). */
    private void collect(BatchWindow window) {
        long end = Workflow.currentTimeMillis() + window.longest().toMillis();
        while (pending.size() < PlaylistService.MAX_ADD_BATCH) {
            long left = end - Workflow.currentTimeMillis();
            if (left <= 0) {
                return;
            }
            int seen = arrivals;
            Duration wait = Duration.ofMillis(Math.min(window.quiet().toMillis(), left));
            if (!Workflow.await(wait, () -> arrivals != seen)) {
                return;
            }
        }
    }

    private WriterLedger write(
            String playlistId, WorkflowPlaylistService playlists, WriterLedger ledger, List<PlaylistAddRequest> batch) {
        List<AddRequest> requests = batch.stream()
                .map(r -> new AddRequest(r.syncId(), r.trackUri()))
                .toList();
        List<PlaylistAddReply> replies = new ArrayList<>(batch.size());
        WriterLedger next;
        try {
            PlaylistBatch.Result result = PlaylistBatch.write(playlists, playlistId, ledger, requests);
            int retries = playlists.takeRetries();
            for (int i = 0; i < batch.size(); i++) {
                replies.add(PlaylistAddReply.of(
                        batch.get(i).trackUri(), result.outcomes().get(i), retries));
            }
            next = result.ledger();
        } catch (ActivityFailure failure) {
            // The add may have reached the playlist: read it all before the next batch. Each sync fails as it
            // would with a failed add activity.
            int retries = playlists.takeRetries();
            String type =
                    failure.getCause() instanceof ApplicationFailure application ? application.getType() : FAILED_TYPE;
            String message = TemporalErrors.describe(failure);
            for (PlaylistAddRequest request : batch) {
                replies.add(PlaylistAddReply.failed(request.trackUri(), type, message, retries));
            }
            next = ledger.withRereadNeeded();
        }
        answer(batch, replies);
        return next;
    }

    /** Signals each sync its answer, all at once; a sync that is gone (terminated) needs none. */
    private static void answer(List<PlaylistAddRequest> batch, List<PlaylistAddReply> replies) {
        List<Promise<Void>> sent = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            MusicSyncWorkflow sync = Workflow.newExternalWorkflowStub(
                    MusicSyncWorkflow.class, batch.get(i).syncId());
            PlaylistAddReply reply = replies.get(i);
            sent.add(Async.procedure(sync::playlistAddDone, reply));
        }
        for (int i = 0; i < sent.size(); i++) {
            try {
                sent.get(i).get();
            } catch (RuntimeException gone) {
                LOG.info("sync {} did not take its answer: {}", batch.get(i).syncId(), gone.getMessage());
            }
        }
    }
}
