package io.musicsync.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicsync.AppComponents;
import io.musicsync.activities.BatchWindow;
import io.musicsync.api.ApiJson;
import io.musicsync.api.ApiServer;
import io.musicsync.config.Settings;
import io.musicsync.engine.SyncEngine;
import io.musicsync.engine.temporal.TemporalWorker;
import io.musicsync.simulator.SimulatorOptions;
import io.musicsync.simulator.SpotifySimulator;
import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The service as a user runs it, built by the real composition root: the Spotify simulator over HTTP at the
 * edge, the engine, and the HTTP API on a free port. Retry waits are skipped so retry paths run fast (standalone;
 * Temporal times its retries itself). In Temporal mode an in-JVM Temporal test server and one worker run too.
 */
public final class TestService implements AutoCloseable {

    /** Which engine the service runs: the same contract holds for both. */
    public enum Mode {
        STANDALONE,
        TEMPORAL
    }

    private final Mode mode;
    private final TestServer.PortBoundTestServer temporalServer;
    private final TemporalWorker worker;
    private final SpotifySimulator simulator;
    private final String playlistId;
    private final AppComponents app;
    private final SyncEngine engine;
    private final ApiServer api;
    private final Path configDir;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = ApiJson.newMapper();
    /** Every JSON answer of a documented operation is checked against the OpenAPI document's schema. */
    private static final OpenApiDocument OPENAPI = OpenApiDocument.load();

    private final Map<String, String> environment;

    private TestService(Mode mode, String temporalHost, Map<String, String> extraEnv, BatchWindow window) {
        this.mode = mode;
        this.simulator = SpotifySimulator.start(SimulatorOptions.defaults().withPort(0));
        this.playlistId = simulator.createPlaylist("test playlist");
        try {
            this.configDir = Files.createTempDirectory("music-sync-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new HashMap<>();
        env.put("SPOTIFY_API_URL", simulator.apiUrl().toString());
        env.put("SPOTIFY_ACCOUNTS_URL", simulator.accountsUrl().toString());
        env.put("SPOTIFY_CLIENT_ID", SpotifySimulator.DEFAULT_CLIENT_ID);
        env.put("SPOTIFY_REFRESH_TOKEN", SpotifySimulator.DEFAULT_REFRESH_TOKEN);
        env.put("CONFIG_DIR", configDir.toString());
        env.put("DATA_DIR", configDir.resolve("data").toString());
        env.put("DEFAULT_PLAYLIST_ID", playlistId);
        env.put("USE_AI_DISAMBIGUATION", "false");
        env.put("SPOTIFY_MAX_REQUESTS_PER_SECOND", "1000");
        // Tests of the writer send the same song twice on purpose; the dedupe window has its own tests.
        env.put("DEDUPE_WINDOW_SECONDS", "0");
        // Tests poll every 20 ms from one address; ApiLimitsTest lowers this to see the limit work.
        env.put("API_RATE_LIMIT_PER_MINUTE", "1000000");
        env.putAll(extraEnv);
        if (mode == Mode.TEMPORAL && temporalHost == null) {
            int port = FreePort.find();
            this.temporalServer = TestServer.createPortBoundServer(port);
            env.put("ENGINE", "temporal");
            env.put("TEMPORAL_HOST", "127.0.0.1:" + port);
        } else {
            this.temporalServer = null;
        }
        if (temporalHost != null) {
            env.put("ENGINE", "temporal");
            env.put("TEMPORAL_HOST", temporalHost);
        }
        this.environment = Map.copyOf(env);
        Settings settings = Settings.load(env, null);
        this.app = AppComponents.create(settings, java.time.Clock.systemUTC(), duration -> {}, window);
        this.engine = app.newEngine();
        this.worker = temporalServer != null ? startWorker(app) : null;
        this.api = app.newApiServer(engine).start("127.0.0.1", 0);
    }

    private static TemporalWorker startWorker(AppComponents app) {
        try {
            return app.startWorker();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static TestService start(Mode mode) {
        return new TestService(mode, null, Map.of(), BatchWindow.DEFAULT);
    }

    /** With another batching window for the playlist writers (benchmarks). */
    public static TestService start(Mode mode, BatchWindow window) {
        return new TestService(mode, null, Map.of(), window);
    }

    /** The service in this mode with more settings, e.g. {@code API_TOKEN}. */
    public static TestService start(Mode mode, Map<String, String> extraEnv) {
        return new TestService(mode, null, extraEnv, BatchWindow.DEFAULT);
    }

    /**
     * The API in Temporal mode on a Temporal the test runs (e.g. a {@code temporal-dev} process), with no worker
     * in this JVM: the test runs worker processes with {@link #environment()}.
     */
    public static TestService temporalApiOnly(String temporalHost) {
        return new TestService(Mode.TEMPORAL, temporalHost, Map.of(), BatchWindow.DEFAULT);
    }

    public static TestService standalone() {
        return new TestService(Mode.STANDALONE, null, Map.of(), BatchWindow.DEFAULT);
    }

    public static TestService standalone(Map<String, String> extraEnv) {
        return new TestService(Mode.STANDALONE, null, extraEnv, BatchWindow.DEFAULT);
    }

    /** The settings (as environment variables) the service runs with, for other processes of the same setup. */
    public Map<String, String> environment() {
        return environment;
    }

    public Mode mode() {
        return mode;
    }

    public SpotifySimulator simulator() {
        return simulator;
    }

    public String playlistId() {
        return playlistId;
    }

    public SyncEngine engine() {
        return engine;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + api.port());
    }

    /** An HTTP answer with its parsed JSON body (an empty object when there is none). */
    public record Answer(int status, JsonNode body) {}

    public Answer post(String path, String json) {
        return post(path, json, Map.of());
    }

    public Answer post(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl().resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** Posts {@code fields} and a file as {@code multipart/form-data} (the file's part is named {@code file}). */
    public Answer postMultipart(String path, Map<String, String> fields, String fileName, byte[] content) {
        return send(Multipart.post(baseUrl().resolve(path), fields, fileName, content));
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(baseUrl().resolve(path)).GET().build());
    }

    public Answer get(String path, Map<String, String> headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(baseUrl().resolve(path)).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    /** Submits a song to the default playlist and returns the sync id (asserting the 202). */
    public String submit(String json) {
        Answer answer = post("/api/v1/sync", json);
        if (answer.status() != 202) {
            throw new AssertionError("expected 202, got " + answer.status() + ": " + answer.body());
        }
        return answer.body().get("workflow_id").asText();
    }

    /** Waits until the sync is no longer running and returns its final status. */
    public JsonNode awaitFinished(String syncId) {
        return awaitFinished(syncId, Duration.ofSeconds(30));
    }

    public JsonNode awaitFinished(String syncId, Duration atMost) {
        org.awaitility.Awaitility.await()
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> !"running"
                        .equals(get("/api/v1/sync/" + syncId)
                                .body()
                                .path("status")
                                .asText()));
        return get("/api/v1/sync/" + syncId).body();
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            conformsToOpenApi(request, response);
            return new Answer(
                    response.statusCode(),
                    text == null || text.isBlank() ? mapper.createObjectNode() : mapper.readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void conformsToOpenApi(HttpRequest request, HttpResponse<String> response) {
        String path = request.uri().getPath();
        if (OPENAPI.template(path).isEmpty()) {
            return; // OpenApiContractTest fails for any route the document misses
        }
        if (OPENAPI.documentsJson(request.method(), path, response.statusCode())) {
            var problems = OPENAPI.problems(request.method(), path, response.statusCode(), response.body());
            if (!problems.isEmpty()) {
                throw new AssertionError("the answer to " + request.method() + " " + path + " (" + response.statusCode()
                        + ") does not match openapi.json: " + problems + "\n" + response.body());
            }
        } else if (response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            throw new AssertionError("openapi.json does not document " + response.statusCode() + " for "
                    + request.method() + " " + path + ": " + response.body());
        }
    }

    /** The composition root this service was built with (its metrics, settings). */
    public AppComponents app() {
        return app;
    }

    /** The server itself (its declared endpoints). */
    public ApiServer api() {
        return api;
    }

    @Override
    public void close() {
        api.close();
        app.stopImports();
        engine.close();
        app.closeJournal();
        if (worker != null) {
            worker.close();
        }
        if (temporalServer != null) {
            temporalServer.close();
        }
        simulator.close();
    }
}
