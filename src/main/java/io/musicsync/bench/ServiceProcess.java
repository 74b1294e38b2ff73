package io.musicsync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code ./music-sync serve} in its own process, configured only by environment variables, as a person runs it. */
public final class ServiceProcess implements AutoCloseable {

    private final ChildProcess process;
    private final BenchHttp http;
    private final URI base;
    private final Duration startup;

    private ServiceProcess(ChildProcess process, BenchHttp http, URI base, Duration startup) {
        this.process = process;
        this.http = http;
        this.base = base;
        this.startup = startup;
    }

    /**
     * The settings of a service (or worker, or import) that uses {@code simulator}: AI off, the client-side limits
     * (Spotify budget, API rate limit per client) raised out of the way of the load, data in {@code dataDir}.
     */
    public static Map<String, String> settings(
            SimulatorProcess simulator, String playlistId, Path dataDir, Map<String, String> more) {
        Map<String, String> env = new HashMap<>(simulator.spotifySettings());
        env.put("DEFAULT_PLAYLIST_ID", playlistId);
        env.put("CONFIG_DIR", dataDir.resolve("config").toString());
        env.put("DATA_DIR", dataDir.resolve("data").toString());
        env.put("USE_AI_DISAMBIGUATION", "false");
        env.put("SPOTIFY_MAX_REQUESTS_PER_SECOND", "1000");
        env.put("MAX_ACTIVITIES_PER_SECOND", "10000");
        env.put("API_RATE_LIMIT_PER_MINUTE", "1000000");
        env.putAll(more);
        return env;
    }

    /** Starts {@code serve} on a free port and waits for {@code /api/v1/health} to answer 200. */
    public static ServiceProcess start(
            Launcher launcher, BenchHttp http, String name, Map<String, String> settings, List<String> jvmFlags)
            throws IOException, InterruptedException {
        int port = Launcher.freePort();
        Map<String, String> env = new HashMap<>(settings);
        env.put("API_PORT", Integer.toString(port));
        ChildProcess process = launcher.musicSync(name, env, jvmFlags, "serve");
        URI base = URI.create("http://127.0.0.1:" + port);
        try {
            new HealthWait(http.client())
                    .await(base.resolve("/api/v1/health"), process::isAlive, Duration.ofSeconds(90));
        } catch (IllegalStateException e) {
            String output = process.output();
            process.close();
            throw new IllegalStateException(e.getMessage() + "\n" + output, e);
        }
        return new ServiceProcess(process, http, base, process.sinceLaunch());
    }

    public URI base() {
        return base;
    }

    /** Launch to the first 200 from {@code /api/v1/health}. */
    public Duration startup() {
        return startup;
    }

    public ChildProcess process() {
        return process;
    }

    /** Submits a sync; returns its id. */
    public String submit(Map<String, Object> body) throws InterruptedException {
        return BenchHttp.expect(http.postJson(base.resolve("/api/v1/sync"), body, Map.of()), 202, "start a sync")
                .body()
                .path("workflow_id")
                .asText();
    }

    /** The sync's status body. */
    public JsonNode status(String id) throws InterruptedException {
        return BenchHttp.expect(http.get(base.resolve("/api/v1/sync/" + id)), 200, "read a sync's status")
                .body();
    }

    /** The health body (its details include running and queued syncs in standalone mode). */
    public JsonNode health() throws InterruptedException {
        return http.get(base.resolve("/api/v1/health")).body();
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
