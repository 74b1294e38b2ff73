package io.musicsync.engine.temporal;

import io.musicsync.domain.InsufficientScopeException;
import io.musicsync.domain.InvalidCredentialsException;
import io.musicsync.domain.RateLimitedException;
import io.musicsync.imports.ImportCounts;
import io.musicsync.imports.ImportRequest;
import io.musicsync.imports.ImportRow;
import io.musicsync.imports.ImportState;
import io.musicsync.imports.Resolution;
import io.musicsync.imports.RowOutcome;
import io.musicsync.imports.RowStatus;
import io.musicsync.sync.RowResolution;
import io.musicsync.sync.SyncRequest;
import io.musicsync.sync.SyncResult;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.SignalExternalWorkflowException;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drives one part of an import per run (see {@link ImportWorkflow}): asks the part's {@link ImportRowsWorkflow} for
 * its rows, settles the entries that are no songs at once, starts a child sync per song with at most
 * {@link ImportPlan#window()} running, settles each row from its child's result (or from the child's
 * {@code syncAwaitingReview} signal), hands the part's outcomes back to its rows' workflow and continues as new with
 * the counts and the next part. A run waits for all of its children before it continues, because a run cannot wait
 * for a child a run before it started; so one run's history holds one part: bounded however large the import.
 * Deterministic workflow code.
 */
public class ImportWorkflowImpl implements ImportWorkflow {

    /** A child failure every later song would share: stop asking Spotify (as the standalone import does). */
    private static final Set<String> SHARED_FAILURES = Set.of(
            InvalidCredentialsException.class.getSimpleName(),
            InsufficientScopeException.class.getSimpleName(),
            RateLimitedException.class.getSimpleName());

    static final String CANCELLED = "the import was cancelled";

    private ImportPlan plan;
    private int part = -1;
    private ImportCounts counts;
    private String stopped;
    private ImportState state = ImportState.RUNNING;
    private List<ImportRow> rows;
    private final Map<Integer, Resolution> settled = new LinkedHashMap<>();
    private final Map<String, ImportRow> inFlight = new LinkedHashMap<>();
    private boolean cancelRequested;

    @Override
    public ImportProgress run(ImportRun run) {
        plan = run.plan();
        part = run.part();
        counts = run.counts();
        stopped = cancelRequested ? CANCELLED : run.stopped();
        if (stopped == null && part == 0) {
            stopped = checkPlaylist();
        }
        if (stopped != null) {
            return stop();
        }
        rows = fetchRows();
        if (rows == null) {
            stopped = "the rows of part " + part + " are missing";
            return stop();
        }
        for (ImportRow row : rows) {
            if (row.kind() != ImportRow.Kind.SONG) {
                settle(row, RowResolution.ofEntry(row));
                continue;
            }
            Workflow.await(() -> inFlight.size() < plan.window() || stopped != null);
            if (stopped != null) {
                settle(row, Resolution.of(RowOutcome.FAILED, "not tried: " + stopped));
            } else {
                start(row);
            }
        }
        Workflow.await(inFlight::isEmpty);
        Workflow.newExternalWorkflowStub(ImportRowsWorkflow.class, plan.rowsWorkflowId(part))
                .settled(rows.stream().map(r -> settled.get(r.row())).toList());
        if (part + 1 < plan.parts()) {
            Workflow.continueAsNew(run.next(counts, stopped));
        }
        return stopped != null ? stop() : finish(ImportState.COMPLETED, null);
    }

    /** An unknown playlist (or a refused login) fails the import before its first search. */
    private String checkPlaylist() {
        try {
            new WorkflowPlaylistService().playlistSnapshot(plan.playlistId());
            return null;
        } catch (ActivityFailure failure) {
            String described = TemporalErrors.describe(failure);
            return described != null ? described : failure.getMessage();
        }
    }

    private List<ImportRow> fetchRows() {
        try {
            Workflow.newExternalWorkflowStub(ImportRowsWorkflow.class, plan.rowsWorkflowId(part))
                    .send();
        } catch (SignalExternalWorkflowException missing) {
            return null;
        }
        Workflow.await(() -> rows != null);
        return rows;
    }

    private void start(ImportRow row) {
        String syncId = ImportRequest.syncId(plan.importId(), row.row());
        SyncRequest request = new SyncRequest(
                syncId,
                row.song(),
                plan.playlistId(),
                null,
                plan.matchThreshold(),
                plan.useAi(),
                true,
                plan.reviewTimeoutDays());
        ChildWorkflowOptions options = ChildWorkflowOptions.newBuilder()
                .setWorkflowId(syncId)
                // A child waiting weeks for its review outlives this run and the import.
                .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                .setWorkflowIdReusePolicy(TemporalEngine.idReusePolicy())
                .setMemo(Map.of(SyncMemo.MEMO_KEY, SyncMemo.of(request)))
                .build();
        MusicSyncWorkflow child = Workflow.newChildWorkflowStub(MusicSyncWorkflow.class, options);
        inFlight.put(syncId, row);
        Promise<SyncResult> result = Async.function(child::run, request);
        result.handle((done, failure) -> {
            ended(syncId, done, failure);
            return null;
        });
    }

    private void ended(String syncId, SyncResult result, RuntimeException failure) {
        ImportRow row = inFlight.remove(syncId);
        if (row == null) {
            return; // settled when it began waiting for its review
        }
        if (failure == null) {
            settle(row, RowResolution.of(result, syncId));
            return;
        }
        ApplicationFailure application = applicationFailure(failure);
        if (application != null && MusicSyncWorkflow.CANCELLED_TYPE.equals(application.getType())) {
            settle(row, RowResolution.failed("cancelled", syncId));
            return;
        }
        String described = TemporalErrors.describe(failure);
        String message = described != null ? described : failure.getMessage();
        if (application != null && SHARED_FAILURES.contains(application.getType()) && stopped == null) {
            stopped = message;
        }
        settle(row, RowResolution.failed(message, syncId));
    }

    private static ApplicationFailure applicationFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApplicationFailure application) {
                return application;
            }
        }
        return null;
    }

    private void settle(ImportRow row, Resolution resolution) {
        settled.put(row.row(), resolution);
        counts = counts.plus(resolution.outcome());
    }

    /** Every row of the later parts fails "not tried"; the import ends failed, saying why. */
    private ImportProgress stop() {
        int from = rows == null ? part : part + 1;
        for (int later = from; later < plan.parts(); later++) {
            Workflow.newExternalWorkflowStub(ImportRowsWorkflow.class, plan.rowsWorkflowId(later))
                    .notTried(stopped);
        }
        int untried = plan.totalRows() - counts.done();
        for (int i = 0; i < untried; i++) {
            counts = counts.plus(RowOutcome.FAILED);
        }
        return finish(ImportState.FAILED, stopped);
    }

    private ImportProgress finish(ImportState end, String error) {
        state = end;
        return new ImportProgress(plan, state, part, counts, 0, error, Workflow.currentTimeMillis());
    }

    @Override
    public ImportProgress progress() {
        return new ImportProgress(plan, state, part, counts, inFlight.size(), null, null);
    }

    @Override
    public PartRows currentRows() {
        if (rows == null) {
            return new PartRows(List.of());
        }
        List<RowStatus> current = new ArrayList<>(rows.size());
        for (ImportRow row : rows) {
            current.add(new RowStatus(row, settled.get(row.row())));
        }
        return new PartRows(current);
    }

    @Override
    public void partRows(ImportPart arrived) {
        if (arrived.part() == part && rows == null) {
            rows = arrived.rows();
        }
    }

    @Override
    public void syncAwaitingReview(String syncId) {
        ImportRow row = inFlight.remove(syncId);
        if (row != null) {
            settle(row, RowResolution.awaitingReview(syncId));
        }
    }

    @Override
    public void cancelImport() {
        cancelRequested = true;
        if (plan == null || stopped != null) {
            return;
        }
        stopped = CANCELLED;
        for (String syncId : inFlight.keySet()) {
            Async.procedure(Workflow.newExternalWorkflowStub(MusicSyncWorkflow.class, syncId)::cancelSync);
        }
    }
}
