package io.musicsync.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicsync.support.TestService;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /metrics} scraped before and after a sync: the counters moved, the token is needed, promtool accepts it. */
class MetricsEndpointTest {

    private static final String TOKEN = "metrics-test-token-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.standalone(Map.of("API_TOKEN", TOKEN));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aSyncMovesItsCountersAndTimers() throws Exception {
        String before = scrape(TOKEN).body();

        String id = submitted();
        awaitCompleted(id);
        String after = scrape(TOKEN).body();

        String started = "musicsync_syncs_started_total{application=\"music-sync\",mode=\"standalone\"}";
        assertThat(value(after, started)).isEqualTo(value(before, started) + 1);
        assertThat(value(
                        after,
                        "musicsync_syncs_finished_total{application=\"music-sync\",match_method=\"fuzzy\","
                                + "mode=\"standalone\",outcome=\"added\",status=\"completed\"}"))
                .isEqualTo(1);
        assertThat(value(
                        after,
                        "musicsync_step_duration_seconds_count{application=\"music-sync\",outcome=\"found\","
                                + "step=\"search\"}"))
                .isEqualTo(1);
        assertThat(value(
                        after,
                        "musicsync_spotify_calls_seconds_count{application=\"music-sync\",endpoint=\"GET /search\","
                                + "status=\"200\"}"))
                .isPositive();
        assertThat(value(after, "musicsync_writer_batch_size_count{application=\"music-sync\"}"))
                .isEqualTo(1);
        assertThat(after).contains("musicsync_syncs_running{").contains("jvm_memory_used_bytes{");
        assertThat(after).contains("musicsync_step_duration_seconds_bucket{");
    }

    @Test
    void everySeriesTheGrafanaDashboardQueriesIsExported() throws Exception {
        awaitCompleted(submitted());
        String page = scrape(TOKEN).body();

        for (String series : DeploymentFilesTest.metricNames(new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(DeploymentFilesTest.GRAFANA_DASHBOARD.toFile()))) {
            assertThat(page).as(series).containsPattern("(?m)^" + series + "[{ ]");
        }
    }

    @Test
    void theMetricsPageNeedsTheToken() throws Exception {
        assertThat(scrape(null).statusCode()).isEqualTo(401);
        assertThat(scrape("wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> ok = scrape(TOKEN);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    }

    @Test
    void promtoolAcceptsThePage() throws Exception {
        // CI installs Debian's prometheus package (.ci/run); elsewhere the check runs when promtool is there.
        Assumptions.assumeTrue(
                Files.isExecutable(PROMTOOL) || System.getenv("CI") != null, "promtool is not installed");
        awaitCompleted(submitted());
        String page = scrape(TOKEN).body();

        Process promtool = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics")
                .redirectErrorStream(true)
                .start();
        try (OutputStream in = promtool.getOutputStream()) {
            in.write(page.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(promtool.exitValue()).as(output).isZero();
    }

    private static String submitted() {
        TestService.Answer accepted = service.post(
                "/api/v1/sync",
                "{\"track_name\":\"Bohemian Rhapsody\",\"artist\":\"Queen\"}",
                Map.of("Authorization", "Bearer " + TOKEN));
        assertThat(accepted.status()).isEqualTo(202);
        return accepted.body().get("workflow_id").asText();
    }

    private static void awaitCompleted(String id) {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> "completed"
                        .equals(service.get("/api/v1/sync/" + id, Map.of("Authorization", "Bearer " + TOKEN))
                                .body()
                                .path("status")
                                .asText()));
        // The finished counter is recorded right after the final status is stored.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(5))
                .until(() -> scrape(TOKEN).body().contains("musicsync_syncs_finished_total{"));
    }

    private static HttpResponse<String> scrape(String token) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(service.baseUrl().resolve("/metrics")).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The sample's value, 0 when the page has no such series. */
    private static double value(String page, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE)
                .matcher(page);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
