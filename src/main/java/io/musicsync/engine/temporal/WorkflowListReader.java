package io.musicsync.engine.temporal;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.musicsync.domain.SyncState;
import io.musicsync.sync.SyncListQuery;
import io.musicsync.sync.SyncListing;
import io.musicsync.sync.SyncPage;
import io.musicsync.sync.SyncStatus;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.filter.v1.StartTimeFilter;
import io.temporal.api.filter.v1.WorkflowTypeFilter;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsResponse;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc.WorkflowServiceBlockingStub;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The list of syncs in Temporal mode, from {@code ListOpenWorkflowExecutions} and
 * {@code ListClosedWorkflowExecutions}: the two visibility calls that a real server (standard or advanced
 * visibility) and the SDK's test server both answer; the test server answers no visibility query. Both are filtered
 * by workflow type and by start time (older than the cursor, newer than the page's window), merged newest first;
 * the state and the playlist are filtered here (the calls take one filter each). The window widens from one hour
 * back until the page is full or it reaches the oldest sync, so a page costs calls for its window, not for all
 * history.
 */
final class WorkflowListReader {

    private static final int PAGE_SIZE = 1000;
    private static final long FIRST_WINDOW_MILLIS = 3_600_000L;
    private static final String SYNC_TYPE = MusicSyncWorkflow.class.getSimpleName();

    private final WorkflowServiceBlockingStub service;
    private final String namespace;
    private final Function<String, Optional<SyncStatus>> status;
    private final WorkflowMemos memos;
    private final long nowMillis;

    /** @param status the status of a closed sync (its result or failure), read as {@code GET /sync/{id}} does */
    WorkflowListReader(
            WorkflowServiceBlockingStub service,
            String namespace,
            Function<String, Optional<SyncStatus>> status,
            WorkflowMemos memos,
            long nowMillis) {
        this.service = service;
        this.namespace = namespace;
        this.status = status;
        this.memos = memos;
        this.nowMillis = nowMillis;
    }

    SyncPage read(SyncListQuery query) {
        // The server filters by whole times: one millisecond more keeps the cursor's own millisecond, which the
        // cursor's id then settles.
        long latest = query.after() == null ? nowMillis + 60_000 : query.after().startedAtMillis() + 1;
        Map<String, WorkflowExecutionInfo> newest = new HashMap<>();
        long window = FIRST_WINDOW_MILLIS;
        while (true) {
            long earliest = Math.max(0, latest - window);
            newest.clear();
            for (WorkflowExecutionInfo info : collect(earliest, latest)) {
                if (!SYNC_TYPE.equals(info.getType().getName())) {
                    continue; // the test server ignores the type filter
                }
                // A sync run again (it had failed) is one sync: its newest run.
                newest.merge(
                        info.getExecution().getWorkflowId(), info, (a, b) -> startMillis(a) >= startMillis(b) ? a : b);
            }
            long matching = newest.values().stream()
                    .map(info -> listing(info, false))
                    .filter(query::matches)
                    .count();
            if (matching > query.limit() || earliest == 0) {
                break;
            }
            window *= 8;
        }
        SyncPage page = SyncPage.of(newest.values().stream().map(info -> listing(info, false)), query);
        // Only the entries shown need their outcome: one status read per closed sync on the page.
        List<SyncListing> detailed = page.syncs().stream()
                .map(shallow -> listing(newest.get(shallow.syncId()), true))
                .toList();
        return new SyncPage(detailed, page.next());
    }

    private static long startMillis(WorkflowExecutionInfo info) {
        return instant(info.getStartTime()).toEpochMilli();
    }

    private List<WorkflowExecutionInfo> collect(long earliest, long latest) {
        List<WorkflowExecutionInfo> into = new ArrayList<>();
        StartTimeFilter window = StartTimeFilter.newBuilder()
                .setEarliestTime(timestamp(earliest))
                .setLatestTime(timestamp(latest))
                .build();
        WorkflowTypeFilter type =
                WorkflowTypeFilter.newBuilder().setName(SYNC_TYPE).build();
        ByteString token = ByteString.EMPTY;
        do {
            ListOpenWorkflowExecutionsResponse open =
                    service.listOpenWorkflowExecutions(ListOpenWorkflowExecutionsRequest.newBuilder()
                            .setNamespace(namespace)
                            .setMaximumPageSize(PAGE_SIZE)
                            .setNextPageToken(token)
                            .setStartTimeFilter(window)
                            .setTypeFilter(type)
                            .build());
            into.addAll(open.getExecutionsList());
            token = open.getNextPageToken();
        } while (!token.isEmpty());
        do {
            ListClosedWorkflowExecutionsResponse closed =
                    service.listClosedWorkflowExecutions(ListClosedWorkflowExecutionsRequest.newBuilder()
                            .setNamespace(namespace)
                            .setMaximumPageSize(PAGE_SIZE)
                            .setNextPageToken(token)
                            .setStartTimeFilter(window)
                            .setTypeFilter(type)
                            .build());
            into.addAll(closed.getExecutionsList());
            token = closed.getNextPageToken();
        } while (!token.isEmpty());
        return into;
    }

    /** @param detailed read the closed sync's outcome (a call to Temporal) rather than only its state */
    private SyncListing listing(WorkflowExecutionInfo info, boolean detailed) {
        String id = info.getExecution().getWorkflowId();
        SyncMemo memo = memos.read(info, SyncMemo.MEMO_KEY, SyncMemo.class);
        SyncStatus shallow =
                new SyncStatus(id, state(info), null, null, null, instant(info.getStartTime()), closeTime(info));
        SyncStatus full = detailed && info.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING
                ? status.apply(id).orElse(shallow)
                : shallow;
        return SyncListing.of(
                full,
                memo == null ? null : memo.trackName(),
                memo == null ? null : memo.artist(),
                memo == null ? null : memo.playlistId());
    }

    /**
     * Temporal's state as ours, before reading the outcome: a cancelled workflow whose add had started reports its
     * real outcome once detailed (see {@link WorkflowStatusReader}); a running one waits for its review while its
     * memo says so.
     */
    private SyncState state(WorkflowExecutionInfo info) {
        return switch (info.getStatus()) {
            case WORKFLOW_EXECUTION_STATUS_RUNNING -> awaitingReview(info) ? SyncState.NEEDS_REVIEW : SyncState.RUNNING;
            case WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW -> SyncState.RUNNING;
            case WORKFLOW_EXECUTION_STATUS_COMPLETED -> SyncState.COMPLETED;
            case WORKFLOW_EXECUTION_STATUS_CANCELED -> SyncState.CANCELLED;
            default -> SyncState.FAILED;
        };
    }

    private boolean awaitingReview(WorkflowExecutionInfo info) {
        ReviewMemo review = memos.read(info, ReviewMemo.MEMO_KEY, ReviewMemo.class);
        return review != null && review.isWaiting();
    }

    private static java.time.Instant closeTime(WorkflowExecutionInfo info) {
        return info.hasCloseTime() && info.getCloseTime().getSeconds() > 0 ? instant(info.getCloseTime()) : null;
    }

    private static java.time.Instant instant(Timestamp t) {
        return java.time.Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    private static Timestamp timestamp(long millis) {
        return Timestamp.newBuilder()
                .setSeconds(Math.floorDiv(millis, 1000))
                .setNanos((int) Math.floorMod(millis, 1000) * 1_000_000)
                .build();
    }
}
