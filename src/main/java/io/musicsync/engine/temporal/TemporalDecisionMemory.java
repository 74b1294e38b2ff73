package io.musicsync.engine.temporal;

import io.musicsync.domain.DecisionMemory;
import io.musicsync.domain.ReviewChoice;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateStage;
import java.util.List;
import java.util.Optional;

/**
 * {@link DecisionMemory} kept in Temporal, in the task queue's {@link ReviewDecisionsWorkflow}, so every worker on
 * every machine sees the same decisions. Used by the worker's RecallDecision and RememberDecision activities.
 */
public final class TemporalDecisionMemory implements DecisionMemory {

    private final WorkflowClient client;
    private final String taskQueue;

    public TemporalDecisionMemory(WorkflowClient client, String taskQueue) {
        this.client = client;
        this.taskQueue = taskQueue;
    }

    /** A query: nothing is written to the decisions' history. No decisions workflow yet: nothing remembered. */
    @Override
    public Optional<ReviewChoice> recall(List<String> keys) {
        try {
            return Optional.ofNullable(
                    client.newWorkflowStub(ReviewDecisionsWorkflow.class, ReviewDecisionsWorkflow.workflowId(taskQueue))
                            .recall(keys));
        } catch (WorkflowNotFoundException nothingRemembered) {
            return Optional.empty();
        }
    }

    /**
     * An update-with-start: atomic on the server (it starts the decisions workflow unless it runs), and it returns
     * once the decision is stored, so the next recall finds it.
     */
    @Override
    public void remember(List<String> keys, ReviewChoice choice) {
        ReviewDecisionsWorkflow decisions = client.newWorkflowStub(
                ReviewDecisionsWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(ReviewDecisionsWorkflow.workflowId(taskQueue))
                        .setTaskQueue(taskQueue)
                        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                        .build());
        WorkflowClient.executeUpdateWithStart(
                decisions::remember,
                new KeyedDecision(keys, choice),
                UpdateOptions.<Void>newBuilder()
                        .setWaitForStage(WorkflowUpdateStage.COMPLETED)
                        .build(),
                new WithStartWorkflowOperation<>(decisions::run, DecisionBook.empty()));
    }
}
