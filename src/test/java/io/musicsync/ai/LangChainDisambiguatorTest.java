package io.musicsync.ai;

import static io.musicsync.ai.AiTestData.CANDIDATES;
import static io.musicsync.ai.AiTestData.LIVE;
import static io.musicsync.ai.AiTestData.SONG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicsync.config.Settings;
import io.musicsync.domain.AiChoice;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** LangChain4j's OpenAI chat model against a fake Chat Completions API. */
class LangChainDisambiguatorTest extends DisambiguatorContractTest {

    @Override
    Disambiguator create(MockWebServer server, Duration timeout) {
        return new LangChainDisambiguator(new Settings.Ai(
                true,
                "langchain",
                "test-model",
                null,
                null,
                "sk-openai-test",
                URI.create(server.url("/v1").toString()),
                timeout));
    }

    @Override
    MockResponse toolCall(Map<String, Object> arguments) throws Exception {
        Map<String, Object> call = Map.of(
                "id",
                "call_abc123",
                "type",
                "function",
                "function",
                Map.of("name", "choose_track", "arguments", json.writeValueAsString(arguments)));
        Map<String, Object> message = new HashMap<>();
        message.put("role", "assistant");
        message.put("content", null);
        message.put("tool_calls", List.of(call));
        return completion(message, "tool_calls");
    }

    @Override
    MockResponse error(int status) {
        String type = status == 401 ? "invalid_request_error" : "server_error";
        return jsonResponse(
                status,
                "{\"error\":{\"message\":\"fake error " + status + "\",\"type\":\"" + type
                        + "\",\"param\":null,\"code\":null}}");
    }

    @Override
    String keyVariable() {
        return "OPENAI_API_KEY";
    }

    @Override
    String provider() {
        return "langchain";
    }

    @Override
    void assertToolForced(JsonNode body, String... offeredUris) {
        assertThat(body.get("tool_choice").asText()).isEqualTo("required");
        assertThat(body.get("tools")).hasSize(1);
        JsonNode function = body.at("/tools/0/function");
        assertThat(function.get("name").asText()).isEqualTo("choose_track");
        assertThat(function.at("/parameters/required"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("chosen_uri", "confidence", "reasoning");
        assertThat(function.at("/parameters/properties/chosen_uri/anyOf/0/enum"))
                .extracting(JsonNode::asText)
                .containsExactly(offeredUris);
        assertThat(function.at("/parameters/properties/chosen_uri/anyOf/1/type").asText())
                .isEqualTo("null");
        assertThat(function.at("/parameters/properties/confidence/type").asText())
                .isEqualTo("number");
    }

    @Override
    String userText(JsonNode body) {
        return messageContent(body, "user");
    }

    @Override
    String systemText(JsonNode body) {
        return messageContent(body, "system");
    }

    @Test
    void callsChatCompletionsWithTheKeyAndModel() throws Exception {
        server.enqueue(toolCall(answer(LIVE, 0.6, "Live take.")));

        create(server, TIMEOUT).choose(SONG, CANDIDATES);

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer sk-openai-test");
        assertThat(json.readTree(request.getBody().utf8()).get("model").asText())
                .isEqualTo("test-model");
    }

    @Test
    void acceptsTheAnswerAsJsonContentFromServersThatIgnoreToolChoice() throws Exception {
        server.enqueue(completion(
                Map.of(
                        "role",
                        "assistant",
                        "content",
                        json.writeValueAsString(answer(LIVE, 0.71, "Only Beatles take."))),
                "stop"));

        AiChoice choice = create(server, TIMEOUT).choose(SONG, CANDIDATES);

        assertThat(choice.chosenUri()).isEqualTo(LIVE);
        assertThat(choice.confidence()).isEqualTo(0.71);
    }

    @Test
    void proseContentIsNotParsedForAUri() throws Exception {
        server.enqueue(completion(
                Map.of("role", "assistant", "content", "I would pick " + LIVE + " with confidence 0.9."), "stop"));

        AiChoice choice = create(server, TIMEOUT).choose(SONG, CANDIDATES);

        assertThat(choice.chose()).isFalse();
        assertThat(choice.reasoning()).contains("no choose_track answer");
    }

    @Test
    void truncatedToolArgumentsCountAsNone() throws Exception {
        Map<String, Object> call = Map.of(
                "id",
                "call_abc123",
                "type",
                "function",
                "function",
                Map.of("name", "choose_track", "arguments", "{\"chosen_uri\": \"" + LIVE + "\", \"conf"));
        server.enqueue(completion(Map.of("role", "assistant", "tool_calls", List.of(call)), "length"));

        AiChoice choice = create(server, TIMEOUT).choose(SONG, CANDIDATES);

        assertThat(choice.chose()).isFalse();
        assertThat(choice.reasoning()).contains("not JSON");
    }

    private MockResponse completion(Map<String, Object> message, String finishReason) throws Exception {
        Map<String, Object> body = Map.of(
                "id",
                "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT",
                "object",
                "chat.completion",
                "created",
                1764400000,
                "model",
                "test-model",
                "choices",
                List.of(Map.of("index", 0, "message", message, "finish_reason", finishReason)),
                "usage",
                Map.of("prompt_tokens", 812, "completion_tokens", 40, "total_tokens", 852));
        return jsonResponse(200, json.writeValueAsString(body));
    }

    private static String messageContent(JsonNode body, String role) {
        for (JsonNode message : body.get("messages")) {
            if (role.equals(message.get("role").asText())) {
                return message.get("content").asText();
            }
        }
        throw new AssertionError("no " + role + " message in " + body);
    }

    private static MockResponse jsonResponse(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }
}
