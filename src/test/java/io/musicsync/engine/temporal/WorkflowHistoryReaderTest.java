package io.musicsync.engine.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicsync.domain.SyncStep;
import io.musicsync.sync.SyncEvent;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.DefaultDataConverter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A sync's history in Temporal mode, derived from recorded workflow histories. */
class WorkflowHistoryReaderTest {

    private static List<SyncEvent> read(String resource) throws IOException {
        try (InputStream in = WorkflowHistoryReaderTest.class.getClassLoader().getResourceAsStream(resource)) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new WorkflowHistoryReader(DefaultDataConverter.newDefaultInstance())
                    .read(WorkflowExecutionHistory.fromJson(json).getEvents());
        }
    }

    private static List<SyncEvent.Type> types(List<SyncEvent> events) {
        return events.stream().map(SyncEvent::type).toList();
    }

    @Test
    void aRetriedSearchTheAiStepAndTheAddThroughItsChildWorkflow() throws IOException {
        List<SyncEvent> events = read("temporal/sync-v1-ai-with-retry.json");

        assertThat(types(events))
                .containsSubsequence(
                        SyncEvent.Type.STEP_STARTED,
                        SyncEvent.Type.ATTEMPT_FAILED,
                        SyncEvent.Type.STEP_COMPLETED,
                        SyncEvent.Type.DECISION,
                        SyncEvent.Type.AI_CHOICE,
                        SyncEvent.Type.ADDED,
                        SyncEvent.Type.COMPLETED)
                .endsWith(SyncEvent.Type.COMPLETED);
        SyncEvent failed = events.stream()
                .filter(e -> e.type() == SyncEvent.Type.ATTEMPT_FAILED)
                .findFirst()
                .orElseThrow();
        assertThat(failed.step()).isEqualTo(SyncStep.SEARCHING);
        assertThat(failed.attempt()).isEqualTo(1);
        SyncEvent decision = events.stream()
                .filter(e -> e.type() == SyncEvent.Type.DECISION)
                .findFirst()
                .orElseThrow();
        assertThat(decision.details()).containsEntry("outcome", "uncertain").containsKey("candidates");
        SyncEvent ai = events.stream()
                .filter(e -> e.type() == SyncEvent.Type.AI_CHOICE)
                .findFirst()
                .orElseThrow();
        assertThat(ai.details().get("chosen_uri")).asString().startsWith("spotify:track:");
        assertThat(events).extracting(SyncEvent::at).isSorted();
    }

    @Test
    void aReviewThatTimedOutShowsTheWaitAndItsEnd() throws IOException {
        List<SyncEvent> events = read("temporal/sync-v2-review-timed-out.json");

        assertThat(events)
                .filteredOn(e -> e.step() == SyncStep.AWAITING_REVIEW)
                .extracting(SyncEvent::message)
                .containsExactly("waiting for a person's review (up to 30 days)", "no review within 30 days");
        assertThat(events.getLast().message()).contains("(no review within 30 days)");
    }

    @Test
    void aRememberedDecisionNeedsNoSearchAndNoReview() throws IOException {
        List<SyncEvent> events = read("temporal/sync-v2-review-remembered.json");

        assertThat(events).noneMatch(e -> e.step() == SyncStep.AWAITING_REVIEW || e.step() == SyncStep.MATCHING);
        assertThat(types(events)).contains(SyncEvent.Type.ALREADY_IN_PLAYLIST).endsWith(SyncEvent.Type.COMPLETED);
    }

    @Test
    void aSyncCancelledWhileSearching() throws IOException {
        List<SyncEvent> events = read("temporal/sync-v1-cancelled-while-searching.json");

        assertThat(types(events))
                .containsExactly(
                        SyncEvent.Type.STEP_STARTED,
                        SyncEvent.Type.STEP_STARTED,
                        SyncEvent.Type.CANCELLED,
                        SyncEvent.Type.CANCELLED);
        assertThat(events.get(1).step()).isEqualTo(SyncStep.SEARCHING);
    }

    @Test
    void theAiChoosingNoneEndsCompletedWithoutAnAdd() throws IOException {
        List<SyncEvent> events = read("temporal/sync-v1-ai-chose-none.json");

        assertThat(types(events))
                .contains(SyncEvent.Type.AI_CHOICE)
                .doesNotContain(SyncEvent.Type.ADDED)
                .endsWith(SyncEvent.Type.COMPLETED);
        assertThat(events.get(events.size() - 1).message()).contains("AI chose none");
    }
}
