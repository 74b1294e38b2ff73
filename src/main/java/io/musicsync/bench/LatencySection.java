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

    /** One load on the bare app and, right after it, on the service: the ratio compares like with like. */
    public record Pair(Level bare, Level service) {}

    public String run() throws IOException, InterruptedException {
        Map<LatencyMode, List<Pair>> results = new EnumMap<>(LatencyMode.class);
        Launcher launcher = context.launcher();
        int port = Launcher.freePort();
        try (SimulatorProcess simulator = SimulatorProcess.start(launcher, context.http());
                ChildProcess bareApp = launcher.bareApp(port, List.of())) {
            URI bare = URI.create("http://127.0.0.1:" + port);
            new HealthWait(context.http().client())
                    .await(bare.resolve("/api/v1/health"), bareApp::isAlive, Duration.ofSeconds(60));
            String playlist = simulator.createPlaylist("bench latency");
            for (LatencyMode mode : context.plan().latencyModes()) {
                context.say("latency: " + mode.label() + ", beside the bare app");
                results.put(mode, measure(mode, simulator, playlist, bare));
            }
        }
        return render(results, context.plan());
    }

    private List<Pair> measure(LatencyMode mode, SimulatorProcess simulator, String playlist, URI bare)
            throws IOException, InterruptedException {
        Launcher launcher = context.launcher();
        Map<String, String> settings =
                ServiceProcess.settings(simulator, playlist, launcher.dataDir(mode.name()), Map.of());
        if (mode == LatencyMode.TEMPORAL) {
            try (TemporalCluster cluster = TemporalCluster.start(launcher, settings, 1, List.of())) {
                Map<String, String> serve = new TreeMap<>(settings);
                serve.putAll(cluster.serveSettings());
                List<Pair> levels = measureService(mode, serve, bare);
                ChildProcess worker = cluster.workers().get(0);
                context.recordStartup(new BenchContext.Startup(
                        "worker", cluster.workerStartups().get(0), -1, worker.peakRss(), "latency runs"));
                return levels;
            }
        }
        Map<String, String> standalone = new TreeMap<>(settings);
        standalone.put("STANDALONE_STORE", mode == LatencyMode.MEMORY ? "memory" : "sqlite");
        return measureService(mode, standalone, bare);
    }

    private List<Pair> measureService(LatencyMode mode, Map<String, String> settings, URI bare)
            throws IOException, InterruptedException {
        try (ServiceProcess service =
                ServiceProcess.start(context.launcher(), context.http(), "serve-" + mode.name(), settings, List.of())) {
            long idle = service.process().rss();
            SyncDriver driver = new SyncDriver(service, 8);
            // Finished syncs for the status requests (a status of a finished sync is what a Shortcut polls for).
            List<BenchSong> statusSongs = context.newSongs(64);
            List<String> ids = driver.submitAll(64, i -> statusSongs.get(i).request(null));
            driver.awaitAll(ids, System.nanoTime(), Duration.ZERO, Duration.ofMinutes(3));
            List<Pair> levels = new ArrayList<>();
            for (int connections : context.plan().connections()) {
                levels.add(new Pair(
                        level(bare, connections, false, List.of("sync-bare"), () -> {}),
                        level(service.base(), connections, false, ids, () -> drain(service))));
            }
            levels.add(new Pair(
                    level(bare, PACED_CONNECTIONS, true, List.of("sync-bare"), () -> {}),
                    level(service.base(), PACED_CONNECTIONS, true, ids, () -> drain(service))));
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

    static String render(Map<LatencyMode, List<Pair>> results, BenchPlan plan) {
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
        MarkdownTable overhead = new MarkdownTable(
                "service",
                "connections",
                "start median / bare",
                "start p99 / bare",
                "status median / bare",
                "status p99 / bare");
        results.forEach((mode, pairs) -> {
            for (Pair pair : pairs) {
                row(table, "bare Javalin (beside " + mode.label() + ")", pair.bare(), plan);
                row(table, "**" + mode.label() + "**", pair.service(), plan);
                Level ours = pair.service();
                Level floor = pair.bare();
                overhead.row(
                        mode.label(),
                        ours.load(plan),
                        ratio(ours.start().median() / floor.start().median()),
                        ratio(ours.start().p99() / floor.start().p99()),
                        ratio(ours.status().median() / floor.status().median()),
                        ratio(ours.status().p99() / floor.status().p99()));
            }
        });
        return table.render()
                + "\nOverhead over the bare Javalin app, each load run on the bare app right before the same on the"
                + " service:\n\n" + overhead.render()
                + "\nThe issue's targets (standalone with SQLite at 16 connections; Temporal start median):\n\n"
                + targets(results, plan);
    }

    private static void row(MarkdownTable table, String name, Level level, BenchPlan plan) {
        table.row(
                name,
                level.load(plan),
                ms(level.start().median()),
                ms(level.start().p99()),
                ms(level.start().p999()),
                String.format(Locale.ROOT, "%.0f", level.start().perSecond()),
                ms(level.status().median()),
                ms(level.status().p99()),
                ms(level.status().p999()),
                String.format(Locale.ROOT, "%.0f", level.status().perSecond()),
                level.start().errors() + level.status().errors());
    }

    /** Each target of issue 15 that these figures decide, met or missed and by how much. */
    static String targets(Map<LatencyMode, List<Pair>> results, BenchPlan plan) {
        MarkdownTable table = new MarkdownTable("target", "load", "measured", "verdict");
        for (Pair pair : results.getOrDefault(LatencyMode.SQLITE, List.of())) {
            Level ours = pair.service();
            Level floor = pair.bare();
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
        for (Pair pair : results.getOrDefault(LatencyMode.TEMPORAL, List.of())) {
            if (pair.service().connections() == PACED_CONNECTIONS) {
                absoluteTarget(
                        table,
                        "Temporal start median ≤ 10 ms",
                        pair.service().load(plan),
                        pair.service().start().median(),
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
        if (unit.equals("×")) {
            return String.format(Locale.ROOT, "**missed**: %.1f× the limit", measured / limit);
        }
        return String.format(
                Locale.ROOT, "**missed** by %.2f%s (%.1f× the limit)", measured - limit, unit, measured / limit);
    }
}
