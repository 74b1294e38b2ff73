package io.musicsync.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** A fake Anthropic Messages API that answers every request with a forced {@code choose_track} tool call. */
public final class FakeAnthropic {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeAnthropic() {}

    /** @param choose the tool input to answer with, given the request body */
    public static Dispatcher answering(Function<JsonNode, Map<String, Object>> choose) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                try {
                    JsonNode body = JSON.readTree(request.getBody().utf8());
                    Map<String, Object> message = Map.of(
                            "id",
                            "msg_e2e",
                            "type",
                            "message",
                            "role",
                            "assistant",
                            "model",
                            body.get("model").asText(),
                            "content",
                            List.of(Map.of(
                                    "type",
                                    "tool_use",
                                    "id",
                                    "toolu_e2e",
                                    "name",
                                    "choose_track",
                                    "input",
                                    choose.apply(body))),
                            "stop_reason",
                            "tool_use",
                            "usage",
                            Map.of("input_tokens", 500, "output_tokens", 40));
                    return new MockResponse.Builder()
                            .code(200)
                            .addHeader("Content-Type", "application/json")
                            .body(JSON.writeValueAsString(message))
                            .build();
                } catch (IOException e) {
                    return new MockResponse.Builder().code(500).build();
                }
            }
        };
    }
}
