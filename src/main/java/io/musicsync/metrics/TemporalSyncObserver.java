package io.musicsync.metrics;

import io.musicsync.sync.SyncLogContext;
import io.musicsync.sync.SyncResult;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * On a Temporal worker: counts syncs started and finished ({@code musicsync_syncs_started_total},
 * {@code musicsync_syncs_finished_total} with mode=temporal, as standalone counts them) through the workflow's
 * metrics scope, which reports nothing while a workflow replays, so each sync counts once; and gives every log
 * line of an activity the sync id (MDC {@code sync_id}: the workflow id). Changes no workflow code or history.
 */
public final class TemporalSyncObserver extends WorkerInterceptorBase {

    /** The sync workflow's type: child workflows (the playlist adds) are not syncs. */
    private final String syncWorkflowType;

    public TemporalSyncObserver(String syncWorkflowType) {
        this.syncWorkflowType = syncWorkflowType;
    }

    @Override
    public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
        return new WorkflowInboundCallsInterceptorBase(next) {
            @Override
            public WorkflowOutput execute(WorkflowInput input) {
                if (!Workflow.getInfo().getWorkflowType().equals(syncWorkflowType)) {
                    return super.execute(input);
                }
                Logger log = Workflow.getLogger(TemporalSyncObserver.class);
                String id = Workflow.getInfo().getWorkflowId();
                Workflow.getMetricsScope()
                        .tagged(Map.of("mode", "temporal"))
                        .counter("musicsync_syncs_started")
                        .inc(1);
                log.info("sync {} started", id);
                // Counted on the way out only: a workflow thread evicted from the cache unwinds with an Error, which
                // is neither an end nor counted.
                try {
                    WorkflowOutput output = super.execute(input);
                    SyncResult result = output.getResult() instanceof SyncResult r ? r : null;
                    log.info("sync {} completed: {}", id, result == null ? "" : result.message());
                    finished("completed", result);
                    return output;
                } catch (CanceledFailure e) {
                    log.info("sync {} cancelled", id);
                    finished("cancelled", null);
                    throw e;
                } catch (RuntimeException e) {
                    log.warn("sync {} failed: {}", id, e.getMessage());
                    finished("failed", null);
                    throw e;
                }
            }

            private void finished(String status, SyncResult result) {
                Workflow.getMetricsScope()
                        .tagged(Map.of(
                                "mode",
                                "temporal",
                                "status",
                                status,
                                "outcome",
                                SyncMetrics.outcome(result),
                                "match_method",
                                SyncMetrics.matchMethod(result)))
                        .counter("musicsync_syncs_finished")
                        .inc(1);
            }
        };
    }

    @Override
    public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
        return new ActivityInboundCallsInterceptorBase(next) {
            private String syncId;

            @Override
            public void init(ActivityExecutionContext context) {
                syncId = context.getInfo().getWorkflowId();
                super.init(context);
            }

            @Override
            public ActivityOutput execute(ActivityInput input) {
                MDC.put(SyncLogContext.SYNC_ID, syncId);
                try {
                    return super.execute(input);
                } finally {
                    MDC.remove(SyncLogContext.SYNC_ID);
                }
            }
        };
    }
}
