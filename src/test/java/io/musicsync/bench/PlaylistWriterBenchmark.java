package io.musicsync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicsync.activities.BatchWindow;
import io.musicsync.simulator.CatalogEntry;
import io.musicsync.simulator.SimulatorStats;
import io.musicsync.support.SyntheticSongs;
import io.musicsync.support.TestService;
import io.musicsync.support.WriterLoad;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * The playlist writer's cost and gain, in both modes, against the simulator over HTTP (Temporal: the in-JVM test
 * server and one worker). 1. A lone sync's duration ({@code execution_time_seconds}, one sync at a time, each a new
 * song) with the default batching window and with none: the difference is what batching adds. 2. 50 syncs at once:
 * add calls. 3. 30 songs sent twice at once and 140 others, the simulator showing writes 1.5 s late: duplicates
 * and Spotify calls per sync. Not a test: run it with the command in docs/benchmarks.md. Argument: lone syncs per
 * configuration (default 40).
 */
public final class PlaylistWriterBenchmark {

    private static final BatchWindow NONE = new BatchWindow(Duration.ZERO, Duration.ZERO);

    private PlaylistWriterBenchmark() {}

    public static void main(String[] args) {
        int lone = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        System.out.printf("%-10s %-8s %6s %12s %12s%n", "mode", "window", "syncs", "median", "p90");
        for (TestService.Mode mode : TestService.Mode.values()) {
            for (BatchWindow window : List.of(NONE, BatchWindow.DEFAULT)) {
                List<Double> seconds = loneSyncs(mode, window, lone);
                System.out.printf(
                        Locale.ROOT,
                        "%-10s %-8s %6d %9.1f ms %9.1f ms%n",
                        name(mode),
                        window.equals(NONE) ? "none" : window.quiet().toMillis() + " ms",
                        seconds.size(),
                        percentile(seconds, 50) * 1000,
                        percentile(seconds, 90) * 1000);
            }
        }
        for (TestService.Mode mode : TestService.Mode.values()) {
            burst(mode);
        }
    }

    /** One sync at a time (after a warm-up of ten), each a new song into the same playlist. */
    private static List<Double> loneSyncs(TestService.Mode mode, BatchWindow window, int count) {
        List<CatalogEntry> songs = SyntheticSongs.first(count + 10);
        List<Double> seconds = new ArrayList<>();
        try (TestService service = TestService.start(mode, window)) {
            service.simulator().addTracks(songs);
            for (int i = 0; i < songs.size(); i++) {
                JsonNode status = service.awaitFinished(service.submit(SyntheticSongs.requestBody(songs.get(i))));
                if (i >= 10) {
                    seconds.add(status.at("/result/execution_time_seconds").asDouble());
                }
            }
        }
        return seconds;
    }

    private static void burst(TestService.Mode mode) {
        try (TestService service = TestService.start(mode)) {
            List<CatalogEntry> fifty = SyntheticSongs.first(50);
            service.simulator().addTracks(SyntheticSongs.first(220));
            List<String> requests =
                    fifty.stream().map(SyntheticSongs::requestBody).toList();
            WriterLoad.syncAll(service, requests);
            long first = service.simulator().stats().requests("add");
            WriterLoad.syncAll(service, requests);
            long again = service.simulator().stats().requests("add") - first;
            System.out.printf(
                    Locale.ROOT,
                    "%-10s 50 syncs at once: %d add calls; the same 50 again: %d%n",
                    name(mode),
                    first,
                    again);

            String playlist = service.simulator().createPlaylist("lagging");
            service.simulator().setConsistencyLag(Duration.ofMillis(1500));
            List<String> twins = WriterLoad.withTwins(SyntheticSongs.first(220).subList(50, 220), 30).stream()
                    .map(body -> body.replace("{", "{\"playlist_id\":\"" + playlist + "\","))
                    .toList();
            SimulatorStats before = service.simulator().stats();
            long started = System.nanoTime();
            WriterLoad.syncAll(service, twins);
            double wall = (System.nanoTime() - started) / 1e9;
            SimulatorStats after = service.simulator().stats();
            List<String> uris = service.simulator().playlistUris(playlist);
            System.out.printf(
                    Locale.ROOT,
                    "%-10s %d syncs (30 twins, lag 1.5 s): %d in playlist, %d duplicates, %.2f Spotify calls per sync"
                            + " (%s), %d add calls, %.1f s%n",
                    name(mode),
                    twins.size(),
                    uris.size(),
                    uris.size() - new HashSet<>(uris).size(),
                    (after.totalRequests() - before.totalRequests()) / (double) twins.size(),
                    perEndpoint(before, after, twins.size()),
                    after.requests("add") - before.requests("add"),
                    wall);
        }
    }

    private static String perEndpoint(SimulatorStats before, SimulatorStats after, int syncs) {
        List<String> parts = new ArrayList<>();
        for (String endpoint : after.requests().keySet()) {
            long calls = after.requests(endpoint) - before.requests(endpoint);
            if (calls > 0) {
                parts.add(String.format(Locale.ROOT, "%s %.2f", endpoint, calls / (double) syncs));
            }
        }
        return String.join(", ", parts);
    }

    private static String name(TestService.Mode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }

    private static double percentile(List<Double> values, int percent) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
