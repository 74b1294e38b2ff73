package io.musicsync.bench;

import static io.musicsync.bench.MarkdownTable.decimal;
import static io.musicsync.bench.MarkdownTable.megabytes;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Syncs held at once (the simulator answering after 1 s per call) and syncs completed per second (50 ms per
 * call), standalone and Temporal, each batch submitted at once and followed until every sync has ended.
 */
public final class LoadSection {

    /** Songs per playlist: many playlists keep each one's writer and its read-back small. */
    private static final int SONGS_PER_PLAYLIST = 100;

    private final BenchContext context;

    public LoadSection(BenchContext context) {
        this.context = context;
    }

    private record Batch(String service, String heap, SyncDriver.Outcome outcome, int peakRunning, long peakRss) {}

    public String inFlight() throws IOException, InterruptedException {
        BenchPlan plan = context.plan();
        List<Batch> batches = new ArrayList<>();
        try (SimulatorProcess simulator = SimulatorProcess.start(context.launcher(), context.http())) {
            simulator.setLatency(Duration.ofSeconds(1));
            for (String heap : plan.inFlightHeaps()) {
                context.say("in flight: " + plan.inFlightSyncs() + " standalone syncs, -Xmx" + heap);
                Map<String, String> extra = Map.of(
                        "STANDALONE_STORE", "sqlite",
                        "MAX_CONCURRENT_WORKFLOWS", "10000",
                        "SYNC_QUEUE_CAPACITY", "20000");
                batches.add(standalone(simulator, plan.inFlightSyncs(), extra, heap, Duration.ofMinutes(4)));
            }
            if (plan.inFlightPerWorker() > 0) {
                context.say("in flight: " + plan.inFlightPerWorker() + " syncs on one Temporal worker");
                Map<String, String> extra = Map.of(
                        "MAX_CONCURRENT_WORKFLOWS", Integer.toString(plan.inFlightPerWorker()),
                        "MAX_CONCURRENT_ACTIVITIES", Integer.toString(plan.inFlightPerWorker()));
                batches.add(temporal(simulator, plan.inFlightPerWorker(), extra, 1, "512m", Duration.ofMinutes(4)));
            }
        }
        MarkdownTable table = new MarkdownTable(
                "service",
                "-Xmx",
                "syncs",
                "submitted in",
                "peak running at once",
                "all ended after",
                "added",
                "no match",
                "failed",
                "peak RSS");
        for (Batch batch : batches) {
            SyncDriver.Outcome o = batch.outcome();
            table.row(
                    batch.service(),
                    batch.heap(),
                    o.syncs(),
                    seconds(o.submitted()),
                    batch.peakRunning() < 0 ? "n/a" : batch.peakRunning(),
                    seconds(o.ended()),
                    o.succeeded(),
                    o.notMatched(),
                    o.failed(),
                    megabytes(batch.peakRss()));
        }
        return table.render();
    }

    public String throughput() throws IOException, InterruptedException {
        BenchPlan plan = context.plan();
        List<Batch> batches = new ArrayList<>();
        try (SimulatorProcess simulator = SimulatorProcess.start(context.launcher(), context.http())) {
            simulator.setLatency(Duration.ofMillis(50));
            context.say("throughput: " + plan.throughputSyncs() + " standalone syncs");
            batches.add(standalone(
                    simulator,
                    plan.throughputSyncs(),
                    Map.of("STANDALONE_STORE", "sqlite"),
                    null,
                    Duration.ofMinutes(3)));
            for (int workers : plan.throughputWorkers()) {
                context.say("throughput: " + plan.throughputSyncs() + " syncs, " + workers + " Temporal worker(s)");
                batches.add(
                        temporal(simulator, plan.throughputSyncs(), Map.of(), workers, null, Duration.ofMinutes(3)));
            }
        }
        MarkdownTable table = new MarkdownTable(
                "service", "syncs", "all ended after", "syncs/s end to end", "added", "no match", "failed");
        for (Batch batch : batches) {
            SyncDriver.Outcome o = batch.outcome();
            table.row(
                    batch.service(),
                    o.syncs(),
                    seconds(o.ended()),
                    decimal(o.syncs() / (o.ended().toMillis() / 1000.0)),
                    o.succeeded(),
                    o.notMatched(),
                    o.failed());
        }
        return table.render();
    }

    private Batch standalone(
            SimulatorProcess simulator, int syncs, Map<String, String> extra, String heap, Duration atMost)
            throws IOException, InterruptedException {
        List<BenchSong> songs = context.newSongs(syncs);
        List<String> playlists = prepare(simulator, songs);
        Map<String, String> settings = ServiceProcess.settings(
                simulator, playlists.get(0), context.launcher().dataDir("standalone"), extra);
        List<String> flags = heap == null ? List.of() : List.of("-Xmx" + heap);
        try (ServiceProcess service =
                ServiceProcess.start(context.launcher(), context.http(), "serve-load", settings, flags)) {
            AtomicInteger peak = new AtomicInteger();
            Thread sampler = Thread.ofPlatform().daemon().start(() -> sampleRunning(service, peak));
            try {
                SyncDriver.Outcome outcome = new SyncDriver(service, 32)
                        .run(syncs, i -> songs.get(i).request(playlists.get(i / SONGS_PER_PLAYLIST)), atMost);
                return new Batch(
                        "standalone, SQLite",
                        heap == null ? "default" : heap,
                        outcome,
                        peak.get(),
                        service.process().peakRss());
            } finally {
                sampler.interrupt();
            }
        }
    }

    private Batch temporal(
            SimulatorProcess simulator, int syncs, Map<String, String> extra, int workers, String heap, Duration atMost)
            throws IOException, InterruptedException {
        List<BenchSong> songs = context.newSongs(syncs);
        List<String> playlists = prepare(simulator, songs);
        Map<String, String> settings = ServiceProcess.settings(
                simulator, playlists.get(0), context.launcher().dataDir("temporal"), extra);
        List<String> flags = heap == null ? List.of() : List.of("-Xmx" + heap);
        try (TemporalCluster cluster = TemporalCluster.start(context.launcher(), settings, workers, flags)) {
            Map<String, String> serve = new HashMap<>(settings);
            serve.putAll(cluster.serveSettings());
            try (ServiceProcess service =
                    ServiceProcess.start(context.launcher(), context.http(), "serve-temporal", serve, List.of())) {
                SyncDriver.Outcome outcome = new SyncDriver(service, 32)
                        .run(syncs, i -> songs.get(i).request(playlists.get(i / SONGS_PER_PLAYLIST)), atMost);
                long peakRss = cluster.workers().stream()
                        .mapToLong(ChildProcess::peakRss)
                        .max()
                        .orElse(-1);
                return new Batch(
                        "temporal, " + workers + " worker" + (workers == 1 ? "" : "s"),
                        heap == null ? "default" : heap + " (worker)",
                        outcome,
                        -1,
                        peakRss);
            }
        }
    }

    /** Puts the songs into the simulator's catalog and makes one playlist per {@link #SONGS_PER_PLAYLIST}. */
    private List<String> prepare(SimulatorProcess simulator, List<BenchSong> songs) throws InterruptedException {
        simulator.addSongs(songs);
        List<String> playlists = new ArrayList<>();
        for (int i = 0; i < songs.size(); i += SONGS_PER_PLAYLIST) {
            playlists.add(simulator.createPlaylist("bench " + i));
        }
        return playlists;
    }

    /** The highest {@code running_syncs} the health answer shows while the batch runs (standalone mode). */
    private static void sampleRunning(ServiceProcess service, AtomicInteger peak) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                JsonNode details = service.health().path("engine");
                peak.accumulateAndGet(details.path("running_syncs").asInt(0), Math::max);
                Thread.sleep(100);
            }
        } catch (InterruptedException | RuntimeException stopped) {
            // the batch is over
        }
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
