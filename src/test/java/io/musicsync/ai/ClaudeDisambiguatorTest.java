package io.musicsync.ai;

import static io.musicsync.ai.AiTestData.CANDIDATES;
import static io.musicsync.ai.AiTestData.SONG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicsync.config.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The Anthropic Java SDK against a fake Messages API. */
class ClaudeDisambiguatorTest extends DisambiguatorContractTest {

    @Override
    Disambiguator create(MockWebServer server, Duration timeout) {
        return new ClaudeDisambiguator(new Settings.Ai(
                true,
                "claude",
                "test-model",
                "sk-ant-test",
                URI.create(server.url("/").toString()),
                null,
                null,
                timeout));
    }

    @Override
    MockResponse toolCall(Map<String, Object> arguments) throws Exception {
        Map<String, Object> message = Map.of(
                "id", "msg_01XFDUDYJgAACzvnptvVoYEL",
                "type", "message",
                "role", "assistant",
                "model", "test-model",
                "content",
                        List.of(
                                Map.of("type", "text", "text", "Comparing the candidates."),
                                Map.of(
                                        "type",
                                        "tool_use",
                                        "id",
                                        "toolu_01A09q90qw90lq917835lq9",
                                        "name",
                                        "choose_track",
                                        "input",
                                        arguments)),
                "stop_reason", "tool_use",
                "usage", Map.of("input_tokens", 812, "output_tokens", 61));
        return jsonResponse(200, json.writeValueAsString(message));
    }

    @Override
    MockResponse error(int status) {
        String type = switch (status) {
            case 401 -> "authentication_error";
            case 429 -> "rate_limit_error";
            default -> "api_error";
        };
        return jsonResponse(
                status, "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"fake " + type + "\"}}");
    }

    @Override
    String keyVariable() {
        return "ANTHROPIC_API_KEY";
    }

    @Override
    String provider() {
        return "claude";
    }

    @Override
    void assertToolForced(JsonNode body, String... offeredUris) {
        assertThat(body.at("/tool_choice/type").asText()).isEqualTo("tool");
        assertThat(body.at("/tool_choice/name").asText()).isEqualTo("choose_track");
        JsonNode tool = body.at("/tools/0");
        assertThat(tool.get("name").asText()).isEqualTo("choose_track");
        assertThat(tool.at("/input_schema/required"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("chosen_uri", "confidence", "reasoning");
        assertThat(tool.at("/input_schema/properties/chosen_uri/anyOf/0/enum"))
                .extracting(JsonNode::asText)
                .containsExactly(offeredUris);
        assertThat(tool.at("/input_schema/properties/chosen_uri/anyOf/1/type").asText())
                .isEqualTo("null");
        assertThat(tool.at("/input_schema/properties/confidence/type").asText()).isEqualTo("number");
    }

    @Override
    String userText(JsonNode body) {
        return body.at("/messages/0/content").asText();
    }

    @Override
    String systemText(JsonNode body) {
        return body.get("system").asText();
    }

    @Test
    void callsTheMessagesApiWithTheKeyAndModel() throws Exception {
        server.enqueue(toolCall(answer(AiTestData.REMASTER, 0.8, "Remaster.")));

        create(server, TIMEOUT).choose(SONG, CANDIDATES);

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/messages");
        // SDK 3.x sends the key as a bearer token; older versions used x-api-key.
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer sk-ant-test");
        JsonNode body = json.readTree(request.getBody().utf8());
        assertThat(body.get("model").asText()).isEqualTo("test-model");
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("user");
    }

    private static MockResponse jsonResponse(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json")
                .addHeader("request-id", "req_test")
                .body(body)
                .build();
    }
}
