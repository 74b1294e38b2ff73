package io.musicsync.api;

import static io.javalin.apibuilder.ApiBuilder.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.musicsync.support.TestService;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-client rate limit, CORS (closed unless listed), the security headers and the slow-client timeout. */
class ApiLimitsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aClientOverItsBudgetGets429WithRetryAfter() {
        try (TestService service = TestService.standalone(Map.of("API_RATE_LIMIT_PER_MINUTE", "5"))) {
            for (int i = 0; i < 5; i++) {
                assertThat(service.get("/api/v1/health").status()).isEqualTo(200);
            }
            HttpResponse<String> refused =
                    send(HttpRequest.newBuilder(service.baseUrl().resolve("/api/v1/sync/x")));

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After"))
                    .hasValueSatisfying(
                            seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
            assertThat(refused.body()).contains("\"error\":\"rate_limited\"");
        }
    }

    @Test
    void corsIsClosedByDefault() {
        try (TestService service = TestService.standalone()) {
            HttpResponse<String> answer =
                    send(HttpRequest.newBuilder(service.baseUrl().resolve("/api/v1/health"))
                            .header("Origin", "https://elsewhere.example"));

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Access-Control-Allow-Origin"))
                    .isEmpty();
        }
    }

    @Test
    void corsOriginsOpensTheApiToTheListedOriginsOnly() {
        try (TestService service = TestService.standalone(Map.of("CORS_ORIGINS", "https://music.example.org"))) {
            HttpResponse<String> listed =
                    send(HttpRequest.newBuilder(service.baseUrl().resolve("/api/v1/health"))
                            .header("Origin", "https://music.example.org"));
            HttpResponse<String> other =
                    send(HttpRequest.newBuilder(service.baseUrl().resolve("/api/v1/health"))
                            .header("Origin", "https://elsewhere.example"));

            assertThat(listed.headers().firstValue("Access-Control-Allow-Origin"))
                    .contains("https://music.example.org");
            assertThat(listed.headers().firstValue("Access-Control-Allow-Credentials"))
                    .isEmpty();
            assertThat(other.headers().firstValue("Access-Control-Allow-Origin"))
                    .isEmpty();
        }
    }

    @Test
    void pagesForbidFramingAndForeignScripts() {
        try (TestService service = TestService.standalone()) {
            for (String page : List.of("/", "/docs", "/api/v1/health")) {
                HttpResponse<String> answer =
                        send(HttpRequest.newBuilder(service.baseUrl().resolve(page)));

                assertThat(answer.headers().firstValue("X-Frame-Options"))
                        .as(page)
                        .hasValueSatisfying(v -> assertThat(v).isEqualToIgnoringCase("DENY"));
                assertThat(answer.headers().firstValue("Content-Security-Policy"))
                        .as(page)
                        .hasValueSatisfying(csp -> assertThat(csp)
                                .contains("frame-ancestors 'none'")
                                .contains("script-src 'self'"));
                assertThat(answer.headers().firstValue("X-Content-Type-Options"))
                        .contains("nosniff");
            }
        }
    }

    @Test
    void aClientThatStopsSendingIsCutOff() throws Exception {
        ApiLimits limits = new ApiLimits(64 * 1024, 1000, List.of(), Duration.ofMillis(500));
        ApiRoutes ping = access -> get("/ping", ctx -> ctx.result("pong"), ApiRole.PUBLIC);
        try (ApiServer server =
                        new ApiServer(List.of(ping), List.of(), null, limits, Clock.systemUTC()).start("127.0.0.1", 0);
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            // Half a request, never finished: a slow-loris client.
            out.write("GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long started = System.nanoTime();

            InputStream in = socket.getInputStream();
            byte[] answer = in.readAllBytes();

            Duration held = Duration.ofNanos(System.nanoTime() - started);
            assertThat(held).isLessThan(Duration.ofSeconds(8));
            String text = new String(answer, StandardCharsets.US_ASCII);
            assertThat(text.isEmpty() || text.startsWith("HTTP/1.1 4")).as(text).isTrue();
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
