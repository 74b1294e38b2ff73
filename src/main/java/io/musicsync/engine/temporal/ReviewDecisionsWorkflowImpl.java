package io.musicsync.engine.temporal;

import io.musicsync.domain.ReviewChoice;
import io.temporal.workflow.Workflow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Holds the decisions in workflow state; after {@link DecisionBook#decisionsPerRun()} decisions, or when Temporal
 * suggests it, it lets running updates finish and continues as new with them all. Deterministic workflow code.
 */
public class ReviewDecisionsWorkflowImpl implements ReviewDecisionsWorkflow {

    private final Map<String, ReviewChoice> byKey = new LinkedHashMap<>();
    private int remembered;

    @Override
    public void run(DecisionBook book) {
        byKey.putAll(book.byKey());
        Workflow.await(
                () -> remembered >= book.decisionsPerRun() || Workflow.getInfo().isContinueAsNewSuggested());
        Workflow.await(Workflow::isEveryHandlerFinished);
        Workflow.continueAsNew(new DecisionBook(byKey, book.decisionsPerRun()));
    }

    @Override
    public ReviewChoice recall(List<String> keys) {
        return keys.stream()
                .map(byKey::get)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    @Override
    public void remember(KeyedDecision decision) {
        decision.keys().forEach(key -> byKey.put(key, decision.choice()));
        remembered++;
    }
}
