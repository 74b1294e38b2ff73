package io.musicsync.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged Prometheus config passes {@code promtool check config}; the Grafana dashboard is valid JSON. */
class DeploymentFilesTest {

    static final Path PROMETHEUS_CONFIG = Path.of("deploy", "prometheus", "prometheus.yml");
    static final Path GRAFANA_DASHBOARD = Path.of("deploy", "grafana", "dashboards", "music-sync.json");
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    @Test
    void promtoolAcceptsTheScrapeConfig(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(PROMTOOL) || System.getenv("CI") != null, "promtool is not installed");
        // promtool checks that the token file exists: point the copy at one.
        Path token = Files.writeString(dir.resolve("api_token"), "token\n");
        String config = Files.readString(PROMETHEUS_CONFIG).replace("/etc/prometheus/api_token", token.toString());
        Path copy = Files.writeString(dir.resolve("prometheus.yml"), config);

        Process promtool = new ProcessBuilder(PROMTOOL.toString(), "check", "config", copy.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(promtool.exitValue()).as(output).isZero();
        assertThat(config).contains("authorization:").contains("/metrics");
    }

    @Test
    void theDashboardQueriesOurMetrics() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(GRAFANA_DASHBOARD.toFile());

        assertThat(dashboard.get("uid").asText()).isEqualTo("music-sync");
        assertThat(metricNames(dashboard))
                .contains(
                        "musicsync_syncs_started_total",
                        "musicsync_syncs_finished_total",
                        "musicsync_step_duration_seconds_bucket",
                        "musicsync_spotify_calls_seconds_count",
                        "musicsync_ai_calls_total",
                        "musicsync_writer_batch_size_count");
    }

    /** Every {@code musicsync_…} series a panel of the dashboard queries. */
    static Set<String> metricNames(JsonNode dashboard) {
        Set<String> names = new TreeSet<>();
        Pattern metric = Pattern.compile("\\bmusicsync_[a-z_]+");
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher m = metric.matcher(target.path("expr").asText());
                while (m.find()) {
                    names.add(m.group());
                }
            }
        }
        return names;
    }
}
