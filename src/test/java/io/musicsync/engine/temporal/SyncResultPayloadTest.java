package io.musicsync.engine.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicsync.sync.MatchMethod;
import io.musicsync.sync.SyncResult;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sync's result as Temporal stores it: the field names and match-method values recorded histories hold. */
class SyncResultPayloadTest {

    private final DataConverter converter = DefaultDataConverter.STANDARD_INSTANCE;

    @Test
    void aResultRecordedBeforeTheMatchMethodWasAnEnumIsStillRead() throws IOException {
        Payloads recorded = completionResult("temporal/sync-v1-no-match.json");

        SyncResult result = converter.fromPayloads(0, Optional.of(recorded), SyncResult.class, SyncResult.class);

        assertThat(result.matchMethod()).isEqualTo(MatchMethod.NONE);
        assertThat(result.success()).isFalse();
        assertThat(result.decision()).isNotNull();
    }

    @Test
    void aRecordedAddedTrackIsReadUnderItsOriginalFieldNames() throws IOException {
        Payloads recorded = completionResult("temporal/sync-v1-ai-with-retry.json");

        SyncResult result = converter.fromPayloads(0, Optional.of(recorded), SyncResult.class, SyncResult.class);

        assertThat(result.success()).isTrue();
        assertThat(result.trackUri()).startsWith("spotify:track:").endsWith(result.trackId());
        assertThat(result.matchMethod()).isEqualTo(MatchMethod.AI);
    }

    @Test
    void theMatchMethodIsWrittenInItsWireForm() {
        SyncResult result = SyncResult.noMatch("No match", null).withRetryCount(1);

        Payload payload = converter.toPayload(result).orElseThrow();

        assertThat(payload.getData().toStringUtf8())
                .contains("\"matchMethod\":\"none\"")
                .contains("\"spotifyTrackUri\":null")
                .contains("\"retryCount\":1");
    }

    private static Payloads completionResult(String resource) throws IOException {
        String json;
        try (InputStream in = SyncResultPayloadTest.class.getClassLoader().getResourceAsStream(resource)) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return WorkflowExecutionHistory.fromJson(json).getEvents().stream()
                .filter(HistoryEvent::hasWorkflowExecutionCompletedEventAttributes)
                .findFirst()
                .orElseThrow()
                .getWorkflowExecutionCompletedEventAttributes()
                .getResult();
    }
}
