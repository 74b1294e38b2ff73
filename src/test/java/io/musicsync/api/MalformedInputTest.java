package io.musicsync.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicsync.support.TestService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A battery of malformed and hostile requests: each gets a 4xx (a JSON error where a handler answers) and nothing
 * reaches Spotify; after each one the server still answers health and still syncs a song.
 */
class MalformedInputTest {

    private static final String SYNC = "/api/v1/sync";

    private static TestService service;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        service = TestService.standalone();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    static Stream<Arguments> hostileRequests() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        return Stream.of(
                Arguments.of("not JSON", body("this is not json"), 400),
                Arguments.of("truncated JSON", body("{\"track_name\":\"Hello\",\"artist\":"), 400),
                Arguments.of("an array instead of an object", body("[\"Hello\",\"Adele\"]"), 422),
                Arguments.of("a number for the name", body("{\"track_name\":42,\"artist\":\"Adele\"}"), 422),
                Arguments.of("an object for the artist", body("{\"track_name\":\"Hello\",\"artist\":{\"a\":1}}"), 422),
                Arguments.of(
                        "a string for the threshold",
                        body("{\"track_name\":\"Hello\",\"artist\":\"Adele\",\"match_threshold\":\"high\"}"),
                        422),
                Arguments.of("a 100 KiB body", body("{\"track_name\":\"" + "x".repeat(100_000) + "\"}"), 413),
                Arguments.of(
                        "5,000 levels of nesting",
                        body("{\"track_name\":\"Hello\",\"artist\":\"Adele\",\"x\":" + deep + "}"),
                        400),
                Arguments.of(
                        "invalid UTF-8",
                        bytes(concat(
                                "{\"track_name\":\"".getBytes(StandardCharsets.UTF_8),
                                new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF},
                                "\",\"artist\":\"Adele\"}".getBytes(StandardCharsets.UTF_8))),
                        400),
                Arguments.of(
                        "a raw control character", body("{\"track_name\":\"Hel\u0001lo\",\"artist\":\"Adele\"}"), 400),
                Arguments.of(
                        "an escaped control character",
                        body("{\"track_name\":\"Hel\\u0007lo\",\"artist\":\"Adele\"}"),
                        422),
                Arguments.of(
                        "a 10,000-character name",
                        body("{\"track_name\":\"" + "a".repeat(10_000) + "\",\"artist\":\"Adele\"}"),
                        422),
                Arguments.of("a header flood", headerFlood(300), 431),
                Arguments.of("one 20 KiB header", oneHugeHeader(), 431),
                Arguments.of(
                        "an unknown route",
                        HttpRequest.newBuilder(uri("/api/v1/nothing-here")).GET(),
                        404),
                Arguments.of(
                        "a wrong method",
                        HttpRequest.newBuilder(uri(SYNC)).method("DELETE", HttpRequest.BodyPublishers.noBody()),
                        404));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRequests")
    void isRefusedWith4xxAndTheServerStaysHealthy(String what, HttpRequest.Builder request, int expected)
            throws Exception {
        long spotifyCallsBefore = service.simulator().stats().totalRequests();

        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(what + ": " + answer.body()).isEqualTo(expected);
        if (expected != 431) {
            assertThat(answer.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(answer.body())
                    .contains("\"error\"")
                    .doesNotContain("Exception")
                    .doesNotContain("at io.");
        }
        assertThat(service.simulator().stats().totalRequests()).isEqualTo(spotifyCallsBefore);
        assertThat(service.get("/api/v1/health").status()).isEqualTo(200);
    }

    /**
     * A body far over the limit: the server answers 413 as soon as it sees the length and closes the connection
     * while the client may still be writing, so the client sees either the 413 or the closed connection; either
     * way nothing was processed and the server stays healthy.
     */
    @org.junit.jupiter.api.Test
    void aThreeMegabyteBodyIsRefusedAndTheServerStaysHealthy() throws Exception {
        long spotifyCallsBefore = service.simulator().stats().totalRequests();
        HttpRequest request =
                body("{\"track_name\":\"" + "x".repeat(3_000_000) + "\"}").build();

        try {
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(413);
        } catch (IOException closedWhileSending) {
            assertThat(closedWhileSending).hasMessageNotContaining("Connection refused");
        }
        assertThat(service.simulator().stats().totalRequests()).isEqualTo(spotifyCallsBefore);
        assertThat(service.get("/api/v1/health").status()).isEqualTo(200);
    }

    @org.junit.jupiter.api.Test
    void afterTheBatteryASongStillSyncs() throws IOException {
        String id = service.submit("{\"track_name\":\"Bohemian Rhapsody\",\"artist\":\"Queen\"}");

        assertThat(service.awaitFinished(id).get("status").asText()).isEqualTo("completed");
    }

    private static URI uri(String path) {
        return service.baseUrl().resolve(path);
    }

    private static HttpRequest.Builder body(String json) {
        return bytes(json.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpRequest.Builder bytes(byte[] body) {
        return HttpRequest.newBuilder(uri(SYNC))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private static HttpRequest.Builder headerFlood(int headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri("/api/v1/health")).GET();
        for (int i = 0; i < headers; i++) {
            request.header("X-Flood-" + i, "y".repeat(60));
        }
        return request;
    }

    private static HttpRequest.Builder oneHugeHeader() {
        return HttpRequest.newBuilder(uri("/api/v1/health"))
                .header("X-Huge", "z".repeat(20 * 1024))
                .GET();
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
