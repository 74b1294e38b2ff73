package io.musicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicsync.simulator.SpotifySimulator;
import io.musicsync.support.FakeAnthropic;
import io.musicsync.support.TestService;
import io.musicsync.support.UnsureSong;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A full sync with AI on (fake Anthropic endpoint), every secret configured: every log line, in the text format
 * and as JSON lines, and the metrics page are searched for each secret, and none is found. The JSON lines are one
 * object each and the sync's lines carry its id.
 */
class NoSecretsInLogsEndToEndTest {

    private static final String API_TOKEN = "api-token-Zq8x1v6S0c9";
    private static final String ANTHROPIC_KEY = "sk-ant-secret-Kp2Lw9Qe4R";
    // The strict simulator checks the client secret: use the one it knows.
    private static final String CLIENT_SECRET = SpotifySimulator.DEFAULT_CLIENT_SECRET;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aFullSyncWithAiLogsItsEventsAndNoSecret() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ByteArrayOutputStream jsonLines = new ByteArrayOutputStream();
        ByteArrayOutputStream textLines = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> jsonAppender = capture(root, jsonLines, jsonEncoder(root));
        OutputStreamAppender<ILoggingEvent> textAppender = capture(root, textLines, textEncoder(root));
        String syncId;
        String metricsPage;
        try (MockWebServer anthropic = new MockWebServer()) {
            anthropic.start();
            try (TestService service = TestService.standalone(Map.of(
                    "API_TOKEN",
                    API_TOKEN,
                    "SPOTIFY_CLIENT_SECRET",
                    CLIENT_SECRET,
                    "USE_AI_DISAMBIGUATION",
                    "true",
                    "AI_PROVIDER",
                    "claude",
                    "ANTHROPIC_API_KEY",
                    ANTHROPIC_KEY,
                    "ANTHROPIC_BASE_URL",
                    anthropic.url("/").toString()))) {
                String studio = UnsureSong.addTo(service.simulator()).reRecordingUri();
                anthropic.setDispatcher(FakeAnthropic.answering(
                        offered -> Map.of("chosen_uri", studio, "confidence", 0.82, "reasoning", "Same duration.")));
                Map<String, String> auth = Map.of("Authorization", "Bearer " + API_TOKEN);

                TestService.Answer accepted = service.post("/api/v1/sync", UnsureSong.REQUEST, auth);
                syncId = accepted.body().get("workflow_id").asText();
                String id = syncId;
                org.awaitility.Awaitility.await()
                        .atMost(Duration.ofSeconds(30))
                        .until(() -> "completed"
                                .equals(service.get("/api/v1/sync/" + id, auth)
                                        .body()
                                        .path("status")
                                        .asText()));
                assertThat(service.get("/api/v1/sync/" + id, auth)
                                .body()
                                .path("result")
                                .path("match_method")
                                .asText())
                        .isEqualTo("ai");
                assertThat(anthropic.getRequestCount()).isEqualTo(1);
                // A refused call logs too: its token must not appear either.
                service.get("/api/v1/sync/" + id, Map.of("Authorization", "Bearer not-" + API_TOKEN));
                metricsPage = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(service.baseUrl().resolve("/metrics"))
                                        .header("Authorization", "Bearer " + API_TOKEN)
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
            }
        } finally {
            root.detachAppender(jsonAppender);
            root.detachAppender(textAppender);
            jsonAppender.stop();
            textAppender.stop();
        }

        String text = textLines.toString(StandardCharsets.UTF_8);
        String jsonText = jsonLines.toString(StandardCharsets.UTF_8);
        List<String> secrets = List.of(API_TOKEN, ANTHROPIC_KEY, CLIENT_SECRET, SpotifySimulator.DEFAULT_REFRESH_TOKEN);
        for (String secret : secrets) {
            assertThat(text).as("text log").doesNotContain(secret);
            assertThat(jsonText).as("JSON log").doesNotContain(secret);
            assertThat(metricsPage).as("metrics").doesNotContain(secret);
        }
        assertThat(metricsPage).contains("musicsync_ai_calls_total{");

        List<JsonNode> lines = new ArrayList<>();
        for (String line : jsonText.split("\n")) {
            lines.add(json.readTree(line));
        }
        List<String> aboutTheSync = lines.stream()
                .filter(line -> syncId.equals(line.path("sync_id").asText()))
                .map(line -> line.path("message").asText())
                .toList();
        assertThat(aboutTheSync)
                .anySatisfy(message -> assertThat(message).contains("started"))
                .anySatisfy(message -> assertThat(message).contains("completed"));
        assertThat(text).contains("[" + syncId + "]");
    }

    private static OutputStreamAppender<ILoggingEvent> capture(
            Logger root, ByteArrayOutputStream into, Encoder<ILoggingEvent> encoder) {
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(root.getLoggerContext());
        appender.setEncoder(encoder);
        appender.setOutputStream(into);
        appender.start();
        root.addAppender(appender);
        return appender;
    }

    private static Encoder<ILoggingEvent> jsonEncoder(Logger root) {
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(root.getLoggerContext());
        encoder.start();
        return encoder;
    }

    /** The text format of logback.xml, MDC included. */
    private static Encoder<ILoggingEvent> textEncoder(Logger root) {
        LoggerContext context = root.getLoggerContext();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{24}%replace( [%X{sync_id}]){' \\[\\]', ''} - %msg%n%ex");
        encoder.start();
        return encoder;
    }
}
