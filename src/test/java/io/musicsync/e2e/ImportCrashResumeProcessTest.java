package io.musicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicsync.simulator.SimulatorOptions;
import io.musicsync.simulator.SpotifySimulator;
import io.musicsync.support.FreePort;
import io.musicsync.support.GeneratedLibrary;
import io.musicsync.support.Multipart;
import io.musicsync.support.MusicSyncProcess;
import io.musicsync.support.ServeEnvironment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A real {@code ./music-sync serve} with its SQLite journal, stopped in the middle of a library import (SIGKILL: no
 * shutdown hook runs; SIGTERM: the service stops as it does for Ctrl-C or {@code docker stop}), then started again
 * on the same data directory: the import resumes by itself from the rows it had reached and ends with the outcome
 * an uninterrupted import has, every track in the playlist exactly once.
 */
class ImportCrashResumeProcessTest {

    private static final int ENTRIES = 300;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    enum Stop {
        SIGKILL,
        SIGTERM
    }

    @ParameterizedTest
    @EnumSource(Stop.class)
    void anImportStoppedMidwayResumesAfterTheRestartAndAddsNothingTwice(Stop stop) throws Exception {
        try (SpotifySimulator simulator =
                SpotifySimulator.start(SimulatorOptions.defaults().withPort(0))) {
            String playlist = simulator.createPlaylist("import crash test");
            GeneratedLibrary library =
                    GeneratedLibrary.create(dir.resolve("Library.xml"), ENTRIES, simulator, playlist, 200);
            int before = simulator.playlistUris(playlist).size();
            int port = FreePort.find();
            Map<String, String> env = environment(simulator, playlist, port);
            // A slow Spotify: rows are in flight when the process stops.
            simulator.setLatency(Duration.ofMillis(40));

            String id;
            int doneAtStop;
            try (MusicSyncProcess first = MusicSyncProcess.start(env, dir, "serve")) {
                first.awaitOutput("listening on");
                HttpResponse<String> accepted = http.send(
                        Multipart.post(
                                URI.create("http://127.0.0.1:" + port + "/api/v1/imports"),
                                Map.of(),
                                "Library.xml",
                                Files.readAllBytes(library.file())),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
                id = json.readTree(accepted.body()).path("import_id").asText();
                await("a third of the rows done")
                        .atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> counts(port, id).path("done").asInt() >= ENTRIES / 3);
                if (stop == Stop.SIGKILL) {
                    first.kill();
                } else {
                    first.terminate();
                }
            }
            simulator.setLatency(Duration.ZERO);

            try (MusicSyncProcess second = MusicSyncProcess.start(env, dir, "serve")) {
                second.awaitOutput("listening on");
                JsonNode resumed = get(port, "/api/v1/imports/" + id + "?limit=0");
                doneAtStop = resumed.path("counts").path("done").asInt();
                assertThat(doneAtStop).as(resumed.toString()).isBetween(ENTRIES / 3, ENTRIES - 1);
                await("the resumed import")
                        .atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> !get(port, "/api/v1/imports/" + id + "?limit=0")
                                .path("status")
                                .asText()
                                .equals("running"));
                assertThat(second.output()).contains("resuming import " + id);

                List<JsonNode> rows = rows(port, id);
                List<String> outcomes = new ArrayList<>();
                rows.forEach(r -> outcomes.add(r.path("outcome").asText()
                        + (r.has("skip_reason") ? ":" + r.path("skip_reason").asText() : "")));
                assertThat(outcomes).containsExactlyElementsOf(library.expected());
                for (int i = 0; i < rows.size(); i++) {
                    if (library.uris().get(i) != null) {
                        assertThat(rows.get(i).path("track_uri").asText())
                                .isEqualTo(library.uris().get(i));
                        assertThat(rows.get(i).path("sync_id").asText()).isEqualTo(id + "-" + (i + 1));
                    }
                }
            }
            List<String> inPlaylist = simulator.playlistUris(playlist);
            assertThat(inPlaylist).doesNotHaveDuplicates().hasSize(before + (int) library.count("added"));
        }
    }

    private JsonNode counts(int port, String id) throws Exception {
        return get(port, "/api/v1/imports/" + id + "?limit=0").path("counts");
    }

    private List<JsonNode> rows(int port, String id) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        String cursor = "0";
        while (cursor != null) {
            JsonNode page = get(port, "/api/v1/imports/" + id + "?limit=500&cursor=" + cursor);
            page.path("rows").forEach(rows::add);
            cursor = page.has("next_cursor") ? page.path("next_cursor").asText() : null;
        }
        return rows;
    }

    private JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body());
    }

    private Map<String, String> environment(SpotifySimulator simulator, String playlist, int port) throws Exception {
        Map<String, String> env = ServeEnvironment.of(simulator, simulator.apiUrl(), dir, playlist, port);
        env.put("LOG_LEVEL", "info"); // the resume is logged at info
        return env;
    }
}
