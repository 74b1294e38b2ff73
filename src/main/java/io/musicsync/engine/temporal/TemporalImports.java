package io.musicsync.engine.temporal;

import com.google.protobuf.Timestamp;
import io.musicsync.domain.SyncException;
import io.musicsync.engine.EngineUnavailableException;
import io.musicsync.imports.ImportCounts;
import io.musicsync.imports.ImportRequest;
import io.musicsync.imports.ImportRow;
import io.musicsync.imports.ImportState;
import io.musicsync.imports.ImportStatus;
import io.musicsync.imports.Imports;
import io.musicsync.imports.RowStatus;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.api.filter.v1.StartTimeFilter;
import io.temporal.api.filter.v1.WorkflowTypeFilter;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowQueryException;
import io.temporal.client.WorkflowStub;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link Imports} on Temporal: each import is an {@link ImportWorkflow} (workflow id = import id) whose rows are kept,
 * one part each, by {@link ImportRowsWorkflow}s that this side starts first; the rows' syncs are the import's child
 * workflows, run by the workers. Counts come from the import's progress query (its result once it ended), rows from
 * the part being driven (the import's query) or from the parts' workflows. A dry run changes nothing and needs no
 * durability: it runs in this process ({@code dryRuns}).
 */
public final class TemporalImports implements Imports {

    /** Songs in flight at once per import (child syncs running). */
    public static final int DEFAULT_WINDOW = 50;

    /** Rows per part: the import continues as new after each (about 4,000 history events per run). */
    public static final int DEFAULT_ROWS_PER_RUN = 500;

    private static final String IMPORT_TYPE = ImportWorkflow.class.getSimpleName();
    private static final int LIST_PAGE = 1000;

    /**
     * How imports run.
     *
     * @param window songs in flight at once
     * @param rowsPerRun rows per part (per run of the workflow)
     */
    public record Options(int window, int rowsPerRun, double matchThreshold, boolean useAi, int reviewTimeoutDays) {}

    private final TemporalConnection connection;
    private final Imports dryRuns;
    private final Function<String, String> createPlaylist;
    private final Options options;
    private final Clock clock;

    /** @param createPlaylist creates a private playlist of that name and returns its id */
    TemporalImports(
            TemporalConnection connection,
            Imports dryRuns,
            Function<String, String> createPlaylist,
            Options options,
            Clock clock) {
        this.connection = connection;
        this.dryRuns = dryRuns;
        this.createPlaylist = createPlaylist;
        this.options = options;
        this.clock = clock;
    }

    @Override
    public ImportStatus start(ImportRequest request) {
        if (request.dryRun()) {
            return dryRuns.start(request);
        }
        Optional<ImportStatus> existing = status(request.importId(), 0, 0);
        if (existing.isPresent()) {
            return existing.get();
        }
        ImportPlan plan = plan(request, playlistFor(request));
        try {
            available(() -> {
                startWorkflows(client(), connection.settings().taskQueue(), plan, request.rows());
                return null;
            });
        } catch (WorkflowExecutionAlreadyStarted raced) {
            return status(request.importId(), 0, 0).orElseThrow(() -> raced);
        }
        ImportProgress started =
                new ImportProgress(plan, ImportState.RUNNING, 0, ImportCounts.start(plan.totalRows()), 0, null, null);
        return toStatus(started, List.of(), null);
    }

    private String playlistFor(ImportRequest request) {
        if (request.playlistId() != null) {
            return request.playlistId();
        }
        try {
            return createPlaylist.apply(request.createName());
        } catch (SyncException e) {
            throw new EngineUnavailableException("The playlist could not be created: " + e.getMessage(), e);
        }
    }

    private ImportPlan plan(ImportRequest request, String playlistId) {
        return new ImportPlan(
                request.importId(),
                playlistId,
                request.createName(),
                request.fileName(),
                request.format(),
                request.problems(),
                clock.millis(),
                request.rows().size(),
                options.rowsPerRun(),
                options.window(),
                options.matchThreshold(),
                options.useAi(),
                options.reviewTimeoutDays());
    }

    /**
     * Starts the import: first one {@link ImportRowsWorkflow} per part (so that the import finds every part it asks
     * for; a part kept by an earlier, interrupted start stays), then the {@link ImportWorkflow}.
     *
     * @throws WorkflowExecutionAlreadyStarted when the import runs or ran already
     */
    static void startWorkflows(WorkflowClient client, String taskQueue, ImportPlan plan, List<ImportRow> rows) {
        for (int part = 0; part < plan.parts(); part++) {
            int from = part * plan.rowsPerRun();
            List<ImportRow> partRows = rows.subList(from, Math.min(rows.size(), from + plan.rowsPerRun()));
            ImportRowsWorkflow keeper = client.newWorkflowStub(
                    ImportRowsWorkflow.class,
                    WorkflowOptions.newBuilder()
                            .setWorkflowId(plan.rowsWorkflowId(part))
                            .setTaskQueue(taskQueue)
                            .build());
            try {
                WorkflowClient.start(keeper::keep, new ImportPart(plan.importId(), part, partRows));
            } catch (WorkflowExecutionAlreadyStarted keptBefore) {
                // A start retried after a crash: this part is kept already.
            }
        }
        ImportWorkflow workflow = client.newWorkflowStub(
                ImportWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(plan.importId())
                        .setTaskQueue(taskQueue)
                        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                        .build());
        WorkflowClient.start(workflow::run, ImportRun.first(plan));
    }

    @Override
    public Optional<ImportStatus> status(String importId, int afterRow, int limit) {
        if (limit < 0 || limit > MAX_ROWS_PER_PAGE) {
            throw new IllegalArgumentException("limit must be 0-" + MAX_ROWS_PER_PAGE + ", was " + limit);
        }
        WorkflowStub stub = client().newUntypedWorkflowStub(importId);
        Optional<WorkflowExecutionDescription> description = describe(stub, IMPORT_TYPE);
        if (description.isEmpty()) {
            return dryRuns.status(importId, afterRow, limit);
        }
        return Optional.of(available(() -> read(importId, stub, description.get(), afterRow, limit)));
    }

    private ImportStatus read(
            String importId, WorkflowStub stub, WorkflowExecutionDescription description, int afterRow, int limit) {
        WorkflowExecutionStatus status = description.getStatus();
        // A run that has just continued as new is the import still running: its queries reach the new run.
        boolean running = status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING
                || status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW;
        ImportWorkflow workflow = client().newWorkflowStub(ImportWorkflow.class, importId);
        ImportProgress progress;
        if (status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
            progress = stub.getResult(ImportProgress.class);
        } else if (running) {
            progress = askRunning(workflow::progress);
        } else {
            // Failed, terminated or timed out in Temporal: a worker replays it for its counts.
            ImportProgress last = workflow.progress();
            progress = new ImportProgress(
                    last.plan(),
                    ImportState.FAILED,
                    last.part(),
                    last.counts(),
                    0,
                    "The import ended in Temporal: " + status.name().replace("WORKFLOW_EXECUTION_STATUS_", ""),
                    description.getWorkflowExecutionInfo().getCloseTime().getSeconds() * 1000);
        }
        if (limit == 0) {
            return toStatus(progress, List.of(), null);
        }
        List<RowStatus> rows = rows(progress, running ? workflow : null, afterRow, limit);
        Integer next = !rows.isEmpty()
                        && rows.size() == limit
                        && rows.getLast().row().row() < progress.plan().totalRows()
                ? rows.getLast().row().row()
                : null;
        return toStatus(progress, rows, next);
    }

    /** Rows {@code afterRow+1 ..}: the part being driven from the import, the others from their parts' keepers. */
    private List<RowStatus> rows(ImportProgress progress, ImportWorkflow running, int afterRow, int limit) {
        ImportPlan plan = progress.plan();
        int first = afterRow + 1;
        int last = Math.min(plan.totalRows(), afterRow + limit);
        List<RowStatus> page = new ArrayList<>();
        if (first > last) {
            return page;
        }
        for (int part = plan.partOf(first); part <= plan.partOf(last); part++) {
            List<RowStatus> partRows = List.of();
            if (running != null && part == progress.part()) {
                partRows = askRunning(running::currentRows).rows();
            }
            if (partRows.isEmpty()) {
                partRows = keptRows(plan.rowsWorkflowId(part));
            }
            for (RowStatus row : partRows) {
                if (row.row().row() >= first && row.row().row() <= last) {
                    page.add(row);
                }
            }
        }
        return page;
    }

    private List<RowStatus> keptRows(String keeperId) {
        WorkflowStub stub = client().newUntypedWorkflowStub(keeperId);
        Optional<WorkflowExecutionDescription> description = describe(stub, ImportRowsWorkflow.class.getSimpleName());
        if (description.isEmpty()) {
            return List.of();
        }
        if (description.get().getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
            return stub.getResult(PartRows.class).rows(); // no worker needed
        }
        return client().newWorkflowStub(ImportRowsWorkflow.class, keeperId)
                .rows()
                .rows();
    }

    @Override
    public List<ImportStatus> list(int limit) {
        List<ImportStatus> all = new ArrayList<>(dryRuns.list(limit));
        for (String importId : importIds()) {
            status(importId, 0, 0).ifPresent(all::add);
        }
        return all.stream()
                .sorted(Comparator.comparing(ImportStatus::createdAt).reversed())
                .limit(limit)
                .toList();
    }

    /** The imports Temporal knows (one id for the runs of one import); the test server answers these calls too. */
    private Set<String> importIds() {
        var service = client().getWorkflowServiceStubs().blockingStub();
        String namespace = connection.settings().namespace();
        StartTimeFilter anyTime = StartTimeFilter.newBuilder()
                .setLatestTime(Timestamp.newBuilder().setSeconds(clock.instant().getEpochSecond() + 1))
                .build();
        WorkflowTypeFilter type =
                WorkflowTypeFilter.newBuilder().setName(IMPORT_TYPE).build();
        Set<String> ids = new LinkedHashSet<>();
        available(() -> service.listOpenWorkflowExecutions(ListOpenWorkflowExecutionsRequest.newBuilder()
                                .setNamespace(namespace)
                                .setMaximumPageSize(LIST_PAGE)
                                .setStartTimeFilter(anyTime)
                                .setTypeFilter(type)
                                .build())
                        .getExecutionsList())
                .stream()
                .map(WorkflowExecutionInfo::getExecution)
                .map(WorkflowExecution::getWorkflowId)
                .forEach(ids::add);
        available(() -> service.listClosedWorkflowExecutions(ListClosedWorkflowExecutionsRequest.newBuilder()
                                .setNamespace(namespace)
                                .setMaximumPageSize(LIST_PAGE)
                                .setStartTimeFilter(anyTime)
                                .setTypeFilter(type)
                                .build())
                        .getExecutionsList())
                .stream()
                // An import that continued as new is listed once, by its id.
                .filter(info -> info.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW)
                .map(WorkflowExecutionInfo::getExecution)
                .map(WorkflowExecution::getWorkflowId)
                .forEach(ids::add);
        return ids;
    }

    private static ImportStatus toStatus(ImportProgress progress, List<RowStatus> rows, Integer next) {
        ImportPlan plan = progress.plan();
        return new ImportStatus(
                plan.importId(),
                progress.state(),
                plan.playlistId(),
                plan.createName(),
                false,
                plan.fileName(),
                plan.format(),
                progress.counts(),
                plan.problems(),
                progress.error(),
                Instant.ofEpochMilli(plan.createdAtMillis()),
                progress.completedAtMillis() == null ? null : Instant.ofEpochMilli(progress.completedAtMillis()),
                rows,
                next);
    }

    /** A query of a running import: a worker answers it; when none does, the API says so (503). */
    private <T> T askRunning(Supplier<T> query) {
        try {
            return query.get();
        } catch (WorkflowQueryException e) {
            if (TemporalErrors.classify(e).isPresent()) {
                throw e; // Temporal itself is down: available() says so
            }
            throw new EngineUnavailableException(
                    "No worker answered the import's progress query: is a worker (./music-sync worker) running?", e);
        }
    }

    private WorkflowClient client() {
        return connection.client();
    }

    private Optional<WorkflowExecutionDescription> describe(WorkflowStub stub, String type) {
        try {
            return Optional.of(available(stub::describe)).filter(d -> type.equals(d.getWorkflowType()));
        } catch (WorkflowNotFoundException e) {
            return Optional.empty();
        }
    }

    private <T> T available(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            Optional<ConnectionFailure> failure = TemporalErrors.classify(e);
            if (failure.isPresent()) {
                throw new EngineUnavailableException(connection.message(failure.get()), e);
            }
            throw e;
        }
    }
}
