package io.musicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicsync.support.FakeAnthropic;
import io.musicsync.support.TestService;
import io.musicsync.support.UnsureSong;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Standalone mode with the Claude provider against a fake Anthropic Messages API: when the matcher is unsure,
 * the model's pick is added (match_method "ai"); when the model chooses none, nothing is added and the sync waits
 * for a person's review, which shows the model's answer.
 */
class AiDisambiguationEndToEndTest {

    private static final String REQUEST = UnsureSong.REQUEST;

    private MockWebServer anthropic;
    private TestService service;
    private String studioUri;

    @BeforeEach
    void start() throws IOException {
        anthropic = new MockWebServer();
        anthropic.start();
        service = TestService.standalone(Map.of(
                "USE_AI_DISAMBIGUATION",
                "true",
                "AI_PROVIDER",
                "claude",
                "ANTHROPIC_API_KEY",
                "sk-ant-test",
                "ANTHROPIC_BASE_URL",
                anthropic.url("/").toString()));
        studioUri = UnsureSong.addTo(service.simulator()).reRecordingUri();
    }

    @AfterEach
    void stop() throws IOException {
        service.close();
        anthropic.close();
    }

    @Test
    void anUnsureMatchIsSettledByTheModelAndItsPickAdded() throws Exception {
        anthropic.setDispatcher(answering(offered -> Map.of(
                "chosen_uri", studioUri, "confidence", 0.82, "reasoning", "Same duration; the live take is longer.")));

        JsonNode status = service.awaitFinished(service.submit(REQUEST));

        JsonNode result = status.get("result");
        assertThat(result.get("success").asBoolean()).as(status.toString()).isTrue();
        assertThat(result.get("match_method").asText()).isEqualTo("ai");
        assertThat(result.get("confidence_score").asDouble()).isEqualTo(0.82);
        assertThat(result.get("ai").get("provider").asText()).isEqualTo("claude");
        assertThat(result.get("ai").get("reasoning").asText()).contains("live take");
        assertThat(service.simulator().playlistUris(service.playlistId())).containsExactly(studioUri);
        assertThat(anthropic.getRequestCount()).isEqualTo(1);
    }

    @Test
    void whenTheModelChoosesNoneNothingIsAddedAndAPersonIsAsked() throws Exception {
        anthropic.setDispatcher(answering(offered -> {
            Map<String, Object> none = new java.util.HashMap<>();
            none.put("chosen_uri", null);
            none.put("confidence", 0.3);
            none.put("reasoning", "None of these is the studio recording.");
            return none;
        }));

        String id = service.submit(REQUEST);
        JsonNode status = service.awaitFinished(id);

        assertThat(status.get("status").asText()).isEqualTo("needs_review");
        JsonNode review = service.get("/api/v1/reviews").body().get("reviews").get(0);
        assertThat(review.get("workflow_id").asText()).isEqualTo(id);
        assertThat(review.get("message").asText()).contains("AI chose none");
        assertThat(review.get("ai").get("reasoning").asText()).contains("studio recording");
        assertThat(service.simulator().playlistUris(service.playlistId())).isEmpty();
    }

    private static Dispatcher answering(Function<JsonNode, Map<String, Object>> choose) {
        return FakeAnthropic.answering(choose);
    }
}
