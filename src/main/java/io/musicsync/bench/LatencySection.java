package io.musicsync.bench;

import static io.musicsync.bench.MarkdownTable.ms;
import static io.musicsync.bench.MarkdownTable.ratio;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.musicsync.bench.BenchPlan.LatencyMode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Request latency of {@code POST /api/v1/sync} (start) and {@code GET /api/v1/sync/{id}} (status) at each
 * connection level, for each service and the bare Javalin app, and our overhead over the bare app.
 */
public final class LatencySection {

    /** Start and status at one connection level; {@code paced} when at a fixed rate rather than closed loop. */
    public record Level(int connections, boolean paced, LatencySummary start, LatencySummary status) {

        String load(BenchPlan plan) {
            return paced
                    ? String.format(
                            Locale.ROOT,
                            "%d, paced: %.0f starts/s, %.0f statuses/s",
                            connections,
                            plan.pacedStarts(),
                            plan.pacedStatuses())
                    : connections + ", closed loop";
        }
    }

    /** Connections of the paced run. */
    static final int PACED_CONNECTIONS = 16;

    private final BenchContext context;

    public LatencySection(BenchContext context) {
        this.context = context;
    }

    public String run() throws IOException, InterruptedException {
        Map<LatencyMode, List<Level>> results = new EnumMap<>(LatencyMode.class);
        try (SimulatorProcess simulator = SimulatorProcess.start(context.launcher(), context.http())) {
            String playlist = simulator.createPlaylist("bench latency");
            for (LatencyMode mode : context.plan().latencyModes()) {
                context.say("latency: " + mode.label());
                results.put(mode, measure(mode, simulator, playlist));
            }
        }
        return render(results, context.plan());
    }

    private List<Level> measure(LatencyMode mode, SimulatorProcess simulator, String playlist)
            throws IOException, InterruptedException {
        Launcher launcher = context.launcher();
        if (mode == LatencyMode.BARE) {
            int port = Launcher.freePort();
            try (ChildProcess bare = launcher.bareApp(port, List.of())) {
                URI base = URI.create("http://127.0.0.1:" + port);
                new HealthWait(context.http().client())
                        .await(base.resolve("/api/v1/health"), bare::isAlive, Duration.ofSeconds(60));
                return levels(base, List.of("sync-bare"), () -> {});
            }
        }
        Map<String, String> settings =
                ServiceProcess.settings(simulator, playlist, launcher.dataDir(mode.name()), Map.of());
        if (mode == LatencyMode.TEMPORAL) {
            try (TemporalCluster cluster = TemporalCluster.start(launcher, settings, 1, List.of())) {
                Map<String, String> serve = new TreeMap<>(settings);
                serve.putAll(cluster.serveSettings());
                List<Level> levels = measureService(mode, serve);
                ChildProcess worker = cluster.workers().get(0);
                context.recordStartup(new BenchContext.Startup(
                        "worker", cluster.workerStartups().get(0), -1, worker.peakRss(), "latency runs"));
                return levels;
            }
        }
        Map<String, String> standalone = new TreeMap<>(settings);
        standalone.put("STANDALONE_STORE", mode == LatencyMode.MEMORY ? "memory" : "sqlite");
        return measureService(mode, standalone);
    }

    private List<Level> measureService(LatencyMode mode, Map<String, String> settings)
            throws IOException, InterruptedException {
        try (ServiceProcess service =
                ServiceProcess.start(context.launcher(), context.http(), "serve-" + mode.name(), settings, List.of())) {
            long idle = service.process().rss();
            SyncDriver driver = new SyncDriver(service, 8);
            // Finished syncs for the status requests (a status of a finished sync is what a Shortcut polls for).
            List<BenchSong> statusSongs = context.newSongs(64);
            List<String> ids = driver.submitAll(64, i -> statusSongs.get(i).request(null));
            driver.awaitAll(ids, System.nanoTime(), Duration.ZERO, Duration.ofMinutes(3));
            List<Level> levels = levels(service.base(), ids, () -> drain(service));
            context.recordStartup(new BenchContext.Startup(
                    "serve (" + mode.label() + ")",
                    service.startup(),
                    idle,
                    service.process().peakRss(),
                    "latency runs"));
            return levels;
        }
    }

    /** Waits until the syncs the start load began have run, so that they do not weigh on the next run. */
    private void drain(ServiceProcess service) throws InterruptedException {
        SyncDriver driver = new SyncDriver(service, 1);
        List<BenchSong> marker = context.newSongs(1);
        List<String> ids = driver.submitAll(1, i -> marker.get(0).request(null));
        driver.awaitAll(ids, System.nanoTime(), Duration.ZERO, Duration.ofMinutes(5));
    }

    private interface Pause {
        void run() throws InterruptedException;
    }

    /** Each closed-loop level, then the paced run. */
    private List<Level> levels(URI base, List<String> statusIds, Pause afterStarts) throws InterruptedException {
        List<Level> levels = new ArrayList<>();
        for (int connections : context.plan().connections()) {
            levels.add(level(base, connections, false, statusIds, afterStarts));
        }
        levels.add(level(base, PACED_CONNECTIONS, true, statusIds, afterStarts));
        return levels;
    }

    private Level level(URI base, int connections, boolean paced, List<String> statusIds, Pause afterStarts)
            throws InterruptedException {
        BenchPlan plan = context.plan();
        int run = context.nextSongRun();
        URI start = base.resolve("/api/v1/sync");
        HttpLoad.Requests starts = (client, sequence) -> HttpRequest.newBuilder(start)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(run, sequence)))
                .build();
        HttpLoad.Requests statuses = (client, sequence) -> HttpRequest.newBuilder(
                        base.resolve("/api/v1/sync/" + statusIds.get((int) (sequence % statusIds.size()))))
                .GET()
                .build();
        LatencySummary started = paced
                ? HttpLoad.paced(connections, plan.pacedStarts(), plan.warmUp(), plan.measured(), starts, 202)
                : HttpLoad.closedLoop(connections, plan.warmUp(), plan.measured(), starts, 202);
        afterStarts.run();
        LatencySummary read = paced
                ? HttpLoad.paced(connections, plan.pacedStatuses(), plan.warmUp(), plan.measured(), statuses, 200)
                : HttpLoad.closedLoop(connections, plan.warmUp(), plan.measured(), statuses, 200);
        return new Level(connections, paced, started, read);
    }

    /**
     * A song no catalog has: the sync it starts searches and ends "no match", which keeps the playlist from
     * growing by thousands of tracks during the run while every start still registers and runs a real sync.
     */
    private String body(int run, long sequence) {
        BenchSong song = BenchSong.of(run, (int) (sequence % 150_000));
        try {
            return context.http().json().writeValueAsString(song.request(null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String render(Map<LatencyMode, List<Level>> results, BenchPlan plan) {
        MarkdownTable table = new MarkdownTable(
                "service",
                "connections",
                "start median",
                "start p99",
                "start p99.9",
                "starts/s",
                "status median",
                "status p99",
                "status p99.9",
                "statuses/s",
                "errors");
        results.forEach((mode, levels) -> levels.forEach(level -> table.row(
                mode.label(),
                level.load(plan),
                ms(level.start().median()),
                ms(level.start().p99()),
                ms(level.start().p999()),
                String.format(Locale.ROOT, "%.0f", level.start().perSecond()),
                ms(level.status().median()),
                ms(level.status().p99()),
                ms(level.status().p999()),
                String.format(Locale.ROOT, "%.0f", level.status().perSecond()),
                level.start().errors() + level.status().errors())));
        StringBuilder out = new StringBuilder(table.render());
        List<Level> bare = results.get(LatencyMode.BARE);
        if (bare != null) {
            MarkdownTable overhead = new MarkdownTable(
                    "service",
                    "connections",
                    "start median / bare",
                    "start p99 / bare",
                    "status median / bare",
                    "status p99 / bare");
            results.forEach((mode, levels) -> {
                if (mode == LatencyMode.BARE) {
                    return;
                }
                for (int i = 0; i < levels.size() && i < bare.size(); i++) {
                    Level ours = levels.get(i);
                    Level floor = bare.get(i);
                    overhead.row(
                            mode.label(),
                            ours.load(plan),
                            ratio(ours.start().median() / floor.start().median()),
                            ratio(ours.start().p99() / floor.start().p99()),
                            ratio(ours.status().median() / floor.status().median()),
                            ratio(ours.status().p99() / floor.status().p99()));
                }
            });
            out.append("\nOverhead over the bare Javalin app in the same run (targets, standalone with SQLite at 16"
                            + " connections: start median ≤ 2×, status median ≤ 1.5×, p99 of both ≤ 1.5×):\n\n")
                    .append(overhead.render());
            out.append("\nThe issue's targets (standalone with SQLite at 16 connections; Temporal start median):\n\n")
                    .append(targets(results, plan));
        }
        return out.toString();
    }

    /** Each target of issue 15 that these figures decide, met or missed and by how much. */
    static String targets(Map<LatencyMode, List<Level>> results, BenchPlan plan) {
        MarkdownTable table = new MarkdownTable("target", "load", "measured", "verdict");
        List<Level> bare = results.get(LatencyMode.BARE);
        List<Level> sqlite = results.getOrDefault(LatencyMode.SQLITE, List.of());
        for (int i = 0; i < sqlite.size() && i < bare.size(); i++) {
            Level ours = sqlite.get(i);
            Level floor = bare.get(i);
            if (ours.connections() != PACED_CONNECTIONS) {
                continue;
            }
            String load = ours.load(plan);
            ratioTarget(
                    table,
                    "start median ≤ 2× bare",
                    load,
                    ours.start().median(),
                    floor.start().median(),
                    2);
            ratioTarget(
                    table,
                    "status median ≤ 1.5× bare",
                    load,
                    ours.status().median(),
                    floor.status().median(),
                    1.5);
            ratioTarget(
                    table,
                    "start p99 ≤ 1.5× bare p99",
                    load,
                    ours.start().p99(),
                    floor.start().p99(),
                    1.5);
            ratioTarget(
                    table,
                    "status p99 ≤ 1.5× bare p99",
                    load,
                    ours.status().p99(),
                    floor.status().p99(),
                    1.5);
            absoluteTarget(table, "start median ≤ 1 ms", load, ours.start().median(), 1);
            absoluteTarget(table, "status median ≤ 0.5 ms", load, ours.status().median(), 0.5);
        }
        for (Level level : results.getOrDefault(LatencyMode.TEMPORAL, List.of())) {
            if (level.connections() == PACED_CONNECTIONS) {
                absoluteTarget(
                        table,
                        "Temporal start median ≤ 10 ms",
                        level.load(plan),
                        level.start().median(),
                        10);
            }
        }
        return table.render();
    }

    private static void ratioTarget(
            MarkdownTable table, String target, String load, double ours, double floor, double limit) {
        double ratio = ours / floor;
        table.row(target, load, ratio(ratio), verdict(ratio, limit, "×"));
    }

    private static void absoluteTarget(MarkdownTable table, String target, String load, double ours, double limit) {
        table.row(target, load, ms(ours), verdict(ours, limit, " ms"));
    }

    static String verdict(double measured, double limit, String unit) {
        if (measured <= limit) {
            return "met";
        }
        return String.format(
                Locale.ROOT, "**missed** by %.2f%s (%.1f× the target)", measured - limit, unit, measured / limit);
    }
}
