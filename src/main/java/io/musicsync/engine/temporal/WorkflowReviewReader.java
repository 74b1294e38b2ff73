package io.musicsync.engine.temporal;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.musicsync.sync.PendingReview;
import io.musicsync.sync.ReviewPage;
import io.musicsync.sync.SyncCursor;
import io.temporal.api.filter.v1.StartTimeFilter;
import io.temporal.api.filter.v1.WorkflowTypeFilter;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc.WorkflowServiceBlockingStub;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The review queue in Temporal mode: the open sync workflows ({@code ListOpenWorkflowExecutions}, which a real
 * server and the SDK's test server both answer) whose {@link ReviewMemo} says they wait, waiting longest first.
 * A page costs one listing call per 1,000 open syncs (plus, on the test server, which lists no memos, one describe
 * per open sync); no worker has to answer and no history is read.
 */
final class WorkflowReviewReader {

    private static final int PAGE_SIZE = 1000;
    private static final String SYNC_TYPE = MusicSyncWorkflow.class.getSimpleName();
    /** Waiting longest first; the id breaks ties so the order (and so the cursor) is total. */
    private static final Comparator<SyncCursor> LONGEST_WAITING_FIRST =
            Comparator.comparingLong(SyncCursor::startedAtMillis).thenComparing(SyncCursor::syncId);

    private final WorkflowServiceBlockingStub service;
    private final String namespace;
    private final WorkflowMemos memos;
    private final long nowMillis;

    WorkflowReviewReader(WorkflowServiceBlockingStub service, String namespace, WorkflowMemos memos, long nowMillis) {
        this.service = service;
        this.namespace = namespace;
        this.memos = memos;
        this.nowMillis = nowMillis;
    }

    /**
     * @param cursor the previous page's {@code nextCursor}, or null for the first page
     * @throws IllegalArgumentException when the cursor is not one of ours
     */
    ReviewPage read(String cursor, int limit) {
        SyncCursor after = cursor == null
                ? null
                : SyncCursor.decode(cursor)
                        .orElseThrow(() -> new IllegalArgumentException("cursor: not a cursor of the review queue"));
        List<PendingReview> waiting = new ArrayList<>();
        for (WorkflowExecutionInfo info : openSyncs()) {
            ReviewMemo review = memos.read(info, ReviewMemo.MEMO_KEY, ReviewMemo.class);
            if (review != null && review.isWaiting()) {
                waiting.add(review.waiting());
            }
        }
        List<PendingReview> page = waiting.stream()
                .filter(pending -> after == null || LONGEST_WAITING_FIRST.compare(position(pending), after) > 0)
                .sorted(Comparator.comparing(WorkflowReviewReader::position, LONGEST_WAITING_FIRST))
                .limit(limit + 1L)
                .toList();
        if (page.size() <= limit) {
            return new ReviewPage(page, null);
        }
        List<PendingReview> shown = page.subList(0, limit);
        return new ReviewPage(shown, position(shown.get(limit - 1)).encode());
    }

    private static SyncCursor position(PendingReview pending) {
        return new SyncCursor(pending.waitingSinceMillis(), pending.syncId());
    }

    private List<WorkflowExecutionInfo> openSyncs() {
        List<WorkflowExecutionInfo> open = new ArrayList<>();
        StartTimeFilter allTime = StartTimeFilter.newBuilder()
                .setEarliestTime(Timestamp.getDefaultInstance())
                .setLatestTime(Timestamp.newBuilder().setSeconds(nowMillis / 1000 + 60))
                .build();
        WorkflowTypeFilter type =
                WorkflowTypeFilter.newBuilder().setName(SYNC_TYPE).build();
        ByteString token = ByteString.EMPTY;
        do {
            ListOpenWorkflowExecutionsResponse response =
                    service.listOpenWorkflowExecutions(ListOpenWorkflowExecutionsRequest.newBuilder()
                            .setNamespace(namespace)
                            .setMaximumPageSize(PAGE_SIZE)
                            .setNextPageToken(token)
                            .setStartTimeFilter(allTime)
                            .setTypeFilter(type)
                            .build());
            response.getExecutionsList().stream()
                    .filter(info -> SYNC_TYPE.equals(info.getType().getName())) // the test server ignores the filter
                    .forEach(open::add);
            token = response.getNextPageToken();
        } while (!token.isEmpty());
        return open;
    }
}
