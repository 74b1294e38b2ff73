package io.musicsync.bench;

import java.time.Duration;
import java.util.List;

/**
 * How big a bench run is: the full run (under 15 minutes on 2 cores) or {@code --quick} (under 2 minutes, to check
 * that the bench works: small counts, one connection level, no Temporal, no matching).
 *
 * @param latencyModes which services the request-latency section measures, each beside the bare app
 * @param connections connection levels of the request-latency section
 * @param warmUp unmeasured load before each measured run
 * @param measured length of each measured run
 * @param pacedStarts starts per second of the paced run (16 connections, latency counted from when each was due)
 * @param pacedStatuses status requests per second of the paced run
 * @param inFlightHeaps the {@code -Xmx} values tried for {@code inFlightSyncs} standalone syncs
 * @param inFlightSyncs syncs held at once in standalone mode
 * @param inFlightPerWorker syncs held at once by one Temporal worker (0: skipped)
 * @param throughputSyncs syncs of the throughput section
 * @param throughputWorkers Temporal worker counts of the throughput section (empty: standalone only)
 * @param oneByOne one-by-one syncs of the Spotify-calls section
 * @param concurrent syncs at once into one playlist
 * @param importSongs songs imported into a playlist that holds {@code importPlaylistSize} already
 * @param matching whether to run match-eval and search-eval (when the data exists)
 */
public record BenchPlan(
        String name,
        List<LatencyMode> latencyModes,
        List<Integer> connections,
        Duration warmUp,
        Duration measured,
        double pacedStarts,
        double pacedStatuses,
        List<String> inFlightHeaps,
        int inFlightSyncs,
        int inFlightPerWorker,
        int throughputSyncs,
        List<Integer> throughputWorkers,
        int oneByOne,
        int concurrent,
        int importSongs,
        int importPlaylistSize,
        boolean matching) {

    /** The services whose start and status latency is measured. */
    public enum LatencyMode {
        MEMORY("standalone, memory"),
        SQLITE("standalone, SQLite"),
        TEMPORAL("temporal, 1 worker");

        private final String label;

        LatencyMode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static BenchPlan full() {
        return new BenchPlan(
                "full",
                List.of(LatencyMode.values()),
                List.of(1, 16, 64),
                Duration.ofSeconds(1),
                Duration.ofSeconds(4),
                50,
                500,
                List.of("512m", "256m"),
                10_000,
                1_000,
                400,
                List.of(1, 2),
                50,
                50,
                1_000,
                5_000,
                true);
    }

    public static BenchPlan quick() {
        return new BenchPlan(
                "quick",
                List.of(LatencyMode.SQLITE),
                List.of(16),
                Duration.ofSeconds(1),
                Duration.ofSeconds(3),
                50,
                500,
                List.of("512m"),
                500,
                0,
                100,
                List.of(),
                10,
                50,
                100,
                500,
                false);
    }
}
