package io.musicsync.mcp;

import static io.musicsync.mcp.McpTestClients.call;
import static io.musicsync.mcp.McpTestClients.ok;
import static io.musicsync.mcp.McpTestClients.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.musicsync.support.TestService;
import io.musicsync.support.UnsureSong;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The MCP server over Streamable HTTP at {@code /mcp} on the running service (the real composition root), as a
 * remote assistant reaches it: behind the API's bearer token, with the sync run by the configured engine.
 */
class McpHttpTest {

    private static final String TOKEN = "mcp-test-token-0123456789";
    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
            "capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""";

    @ParameterizedTest
    @EnumSource(TestService.Mode.class)
    void aRemoteAssistantWithTheTokenSyncsASongThroughTheEngine(TestService.Mode mode) {
        try (TestService service = TestService.start(mode, Map.of("API_TOKEN", TOKEN))) {
            Queue<ProgressNotification> progress = new ConcurrentLinkedQueue<>();
            try (McpSyncClient client = McpClient.sync(transport(service, TOKEN))
                    .requestTimeout(Duration.ofSeconds(60))
                    .progressConsumer(progress::add)
                    .build()) {
                client.initialize();
                assertThat(client.listTools().tools())
                        .extracting(Tool::name)
                        .containsExactlyInAnyOrderElementsOf(McpStdioTest.TOOLS);

                CallToolResult result = client.callTool(CallToolRequest.builder("sync_song")
                        .arguments(Map.of("track_name", "Bohemian Rhapsody", "artist", "Queen", "wait_seconds", 30))
                        .meta(Map.of("progressToken", "song-1"))
                        .build());
                JsonNode status = ok(result);
                assertThat(status.get("status").asText()).isEqualTo("completed");
                String uri = status.get("result").get("spotify_track_uri").asText();
                assertThat(Collections.frequency(service.simulator().playlistUris(service.playlistId()), uri))
                        .isEqualTo(1);
                assertThat(progress)
                        .extracting(ProgressNotification::progressToken)
                        .containsOnly("song-1");
                assertThat(progress).extracting(ProgressNotification::message).contains("queued");

                // The tool answers what the HTTP API answers for the same sync.
                String id = status.get("workflow_id").asText();
                JsonNode api = service.get("/api/v1/sync/" + id, Map.of("Authorization", "Bearer " + TOKEN))
                        .body();
                JsonNode tool = ok(call(client, "get_sync_status", Map.of("workflow_id", id)));
                assertThat(tool.get("result")).isEqualTo(api.get("result"));
                assertThat(tool.get("status")).isEqualTo(api.get("status"));

                JsonNode again =
                        ok(call(client, "sync_song", Map.of("track_name", "Bohemian Rhapsody", "artist", "Queen")));
                assertThat(again.get("result").get("already_in_playlist").asBoolean())
                        .isTrue();
                assertThat(Collections.frequency(service.simulator().playlistUris(service.playlistId()), uri))
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void withoutTheTokenNothingIsServed() throws Exception {
        try (TestService service = TestService.standalone(Map.of("API_TOKEN", TOKEN))) {
            try (McpSyncClient anonymous = McpClient.sync(transport(service, null))
                    .requestTimeout(Duration.ofSeconds(20))
                    .build()) {
                assertThatThrownBy(anonymous::initialize).isNotNull();
            }
            HttpResponse<String> refused = post(service, null, null);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            JsonNode body = new ObjectMapper().readTree(refused.body());
            assertThat(body.get("error").asText()).isEqualTo("unauthorized");
            assertThat(post(service, "Bearer wrong", null).statusCode()).isEqualTo(401);

            HttpResponse<String> accepted = post(service, "Bearer " + TOKEN, null);
            assertThat(accepted.statusCode()).isEqualTo(200);
            assertThat(accepted.headers().firstValue("Mcp-Session-Id")).isPresent();
            // A web page of another origin is refused even with the token (DNS-rebinding guard).
            assertThat(post(service, "Bearer " + TOKEN, "http://evil.example").statusCode())
                    .isEqualTo(403);
            assertThat(service.simulator().playlistUris(service.playlistId())).isEmpty();
        }
    }

    @Test
    void anAssistantListsASongWaitingForReviewAndAnswersWithThePersonsChoice() {
        try (TestService service = TestService.standalone();
                McpSyncClient client = McpTestClients.client(transport(service, null))) {
            client.initialize();
            UnsureSong song = UnsureSong.addTo(service.simulator());

            JsonNode waiting = ok(call(
                    client,
                    "sync_song",
                    Map.of("track_name", "Glass Harbor", "artist", "The Quiet Pines", "duration_ms", 201_000)));
            assertThat(waiting.get("status").asText()).isEqualTo("needs_review");
            String id = waiting.get("workflow_id").asText();
            JsonNode reviews = ok(call(client, "list_reviews", Map.of()));
            assertThat(reviews.get("reviews").get(0).get("workflow_id").asText())
                    .isEqualTo(id);
            assertThat(reviews.get("reviews").get(0).get("candidates")).hasSize(2);
            CallToolResult bad = call(client, "answer_review", Map.of("workflow_id", id));
            assertThat(bad.isError()).isTrue();
            assertThat(text(bad)).contains("track_uri");

            JsonNode accepted =
                    ok(call(client, "answer_review", Map.of("workflow_id", id, "track_uri", song.reRecordingUri())));

            assertThat(accepted.get("status").asText()).isEqualTo("accepted");
            assertThat(service.awaitFinished(id)
                            .get("result")
                            .get("match_method")
                            .asText())
                    .isEqualTo("review");
            assertThat(service.simulator().playlistUris(service.playlistId())).containsExactly(song.reRecordingUri());
            assertThat(call(client, "answer_review", Map.of("workflow_id", id, "not_on_spotify", true))
                            .isError())
                    .isTrue();
        }
    }

    @Test
    void onLoopbackWithoutATokenTheEndpointIsOpenLikeTheApi() {
        try (TestService service = TestService.standalone();
                McpSyncClient client = McpTestClients.client(transport(service, null))) {
            client.initialize();
            CallToolResult result = call(client, "sync_song", Map.of("track_name", "Yesterday"));
            assertThat(result.isError()).isTrue();
            assertThat(text(result)).contains("artist");
        }
    }

    private static HttpClientStreamableHttpTransport transport(TestService service, String token) {
        HttpClientStreamableHttpTransport.Builder builder = HttpClientStreamableHttpTransport.builder(
                        service.baseUrl().toString())
                .endpoint(McpEndpoints.HTTP_PATH);
        if (token != null) {
            builder.httpRequestCustomizer(
                    (request, method, uri, body, context) -> request.header("Authorization", "Bearer " + token));
        }
        return builder.build();
    }

    private static HttpResponse<String> post(TestService service, String authorization, String origin)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUrl() + McpEndpoints.HTTP_PATH))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
