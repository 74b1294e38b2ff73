package io.musicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicsync.simulator.CatalogEntry;
import io.musicsync.simulator.SpotifySimulator;
import io.musicsync.simulator.TrackJson;
import io.musicsync.support.FakeAnthropic;
import io.musicsync.support.TestService;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Standalone mode with the Claude provider against a fake Anthropic Messages API: when the matcher is unsure,
 * the model's pick is added (match_method "ai"); when the model chooses none, nothing is added.
 */
class AiDisambiguationEndToEndTest {

    private static final String REQUEST =
            "{\"track_name\":\"Glass Harbor\",\"artist\":\"The Quiet Pines\"," + "\"duration_ms\":201000}";

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
        studioUri = addLiveTakeAndReRecording(service.simulator());
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
    void whenTheModelChoosesNoneNothingIsAdded() throws Exception {
        anthropic.setDispatcher(answering(offered -> {
            Map<String, Object> none = new java.util.HashMap<>();
            none.put("chosen_uri", null);
            none.put("confidence", 0.3);
            none.put("reasoning", "None of these is the studio recording.");
            return none;
        }));

        JsonNode status = service.awaitFinished(service.submit(REQUEST));

        assertThat(status.get("status").asText()).isEqualTo("completed");
        assertThat(status.get("result").get("success").asBoolean()).isFalse();
        assertThat(status.get("result").get("message").asText()).contains("AI chose none");
        assertThat(service.simulator().playlistUris(service.playlistId())).isEmpty();
    }

    /**
     * Only a live take and a re-recording of "Glass Harbor" exist: neither may be added without a second opinion.
     *
     * @return the re-recording's URI, the one with the requested duration
     */
    static String addLiveTakeAndReRecording(SpotifySimulator simulator) {
        List<TrackJson> added = simulator.addTracks(List.of(
                CatalogEntry.of(
                        "Glass Harbor - Live at the Roundhouse",
                        List.of("The Quiet Pines"),
                        "Live 2019",
                        "2019",
                        243_000,
                        false,
                        null),
                CatalogEntry.of(
                        "Glass Harbor (2023 Version)",
                        List.of("The Quiet Pines"),
                        "Glass Harbor",
                        "2023-03-01",
                        201_500,
                        false,
                        null)));
        return added.get(1).uri();
    }

    private static Dispatcher answering(Function<JsonNode, Map<String, Object>> choose) {
        return FakeAnthropic.answering(choose);
    }
}
