package io.musicsync.engine.temporal;

import io.musicsync.domain.ReviewChoice;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * The remembered review decisions of Temporal mode: one long-running workflow per task queue, id
 * {@code review-decisions:<task queue>}, that holds them all. Workers may run on several machines, so the memory
 * lives in Temporal itself, not in a worker's file. Reached by the RecallDecision and RememberDecision activities
 * through the worker's client ({@link TemporalDecisionMemory}): a query to recall, an update-with-start to remember
 * (read-your-writes: the next recall sees it). It continues as new as it grows.
 */
@WorkflowInterface
public interface ReviewDecisionsWorkflow {

    static String workflowId(String taskQueue) {
        return "review-decisions:" + taskQueue;
    }

    @WorkflowMethod
    void run(DecisionBook book);

    /** The decision stored under the first of {@code keys} that has one, or null. */
    @QueryMethod
    ReviewChoice recall(List<String> keys);

    /** Stores the decision under each of its keys, replacing what was stored there. */
    @UpdateMethod
    void remember(KeyedDecision decision);
}
