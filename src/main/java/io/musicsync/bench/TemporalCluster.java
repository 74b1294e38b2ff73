package io.musicsync.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code ./music-sync temporal-dev} and some {@code ./music-sync worker}s, each its own process. */
public final class TemporalCluster implements AutoCloseable {

    private final ChildProcess server;
    private final List<ChildProcess> workers;
    private final String host;
    private final List<Duration> workerStartups;

    private TemporalCluster(
            ChildProcess server, List<ChildProcess> workers, String host, List<Duration> workerStartups) {
        this.server = server;
        this.workers = workers;
        this.host = host;
        this.workerStartups = workerStartups;
    }

    /** Starts the dev server, then the workers with {@code settings} (plus the server's address). */
    public static TemporalCluster start(
            Launcher launcher, Map<String, String> settings, int workerCount, List<String> workerFlags)
            throws IOException, InterruptedException {
        int port = Launcher.freePort();
        ChildProcess server = launcher.musicSync(
                "temporal-dev", Map.of(), List.of("-Xmx1g"), "temporal-dev", "--port", Integer.toString(port));
        List<ChildProcess> workers = new ArrayList<>();
        List<Duration> startups = new ArrayList<>();
        try {
            server.awaitOutput("listening on port", Duration.ofSeconds(60));
            String host = "127.0.0.1:" + port;
            for (int i = 0; i < workerCount; i++) {
                Map<String, String> env = new HashMap<>(settings);
                env.put("ENGINE", "temporal");
                env.put("TEMPORAL_HOST", host);
                ChildProcess worker = launcher.musicSync("worker-" + (i + 1), env, workerFlags, "worker");
                workers.add(worker);
                startups.add(worker.awaitOutput("worker polling", Duration.ofSeconds(90)));
            }
            return new TemporalCluster(server, workers, host, startups);
        } catch (RuntimeException | IOException | InterruptedException e) {
            for (ChildProcess worker : workers) {
                worker.close();
            }
            server.close();
            throw e;
        }
    }

    /** The settings a {@code serve} in Temporal mode needs on top of the common ones. */
    public Map<String, String> serveSettings() {
        return Map.of("ENGINE", "temporal", "TEMPORAL_HOST", host);
    }

    public List<ChildProcess> workers() {
        return List.copyOf(workers);
    }

    /** Launch to "worker polling" for each worker. */
    public List<Duration> workerStartups() {
        return List.copyOf(workerStartups);
    }

    @Override
    public void close() throws InterruptedException {
        for (ChildProcess worker : workers) {
            worker.close();
        }
        server.close();
    }
}
