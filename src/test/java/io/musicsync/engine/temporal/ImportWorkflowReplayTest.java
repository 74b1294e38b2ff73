package io.musicsync.engine.temporal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Imports in flight when a new version is deployed are replayed by the new code. The histories were recorded once
 * from runs of {@code ImportWorkflowTest}: the first run of a 30-row import in parts of 10 (window 4, continued as
 * new), its last run (completed), a run whose child syncs signalled that they wait for their review, a cancelled
 * import, and a part's {@link ImportRowsWorkflow}. If this test fails, the change needs {@code Workflow.getVersion}
 * rather than a new recording.
 */
class ImportWorkflowReplayTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "temporal/import-v1-continued-as-new.json",
                "temporal/import-v1-last-part.json",
                "temporal/import-v1-awaiting-review.json",
                "temporal/import-v1-cancelled.json"
            })
    void recordedImportsReplayOnTheCurrentWorkflowCode(String history) {
        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecutionFromResource(history, ImportWorkflowImpl.class))
                .doesNotThrowAnyException();
    }

    @Test
    void aRecordedPartOfRowsReplaysOnTheCurrentCode() {
        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecutionFromResource(
                        "temporal/import-rows-v1.json", ImportRowsWorkflowImpl.class))
                .doesNotThrowAnyException();
    }

    @Test
    void anImportThatNoLongerChecksThePlaylistIsCaughtAsNonDeterministic() {
        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecutionFromResource(
                        "temporal/import-v1-continued-as-new.json", SkipsThePlaylistCheck.class))
                .hasMessageContaining("NonDeterministicException");
    }

    /** A changed import: it asks for its rows without checking the playlist first. */
    public static class SkipsThePlaylistCheck extends ImportWorkflowImpl {
        @Override
        public ImportProgress run(ImportRun run) {
            io.temporal.workflow.Workflow.newExternalWorkflowStub(
                            ImportRowsWorkflow.class, run.plan().rowsWorkflowId(run.part()))
                    .send();
            throw new IllegalStateException("not reached in replay");
        }
    }
}
