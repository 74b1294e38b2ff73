package io.musicsync.bench;

import io.musicsync.domain.SongQuery;
import io.musicsync.support.TestService;
import io.musicsync.sync.SyncRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What the SQLite journal costs a sync's start, against the memory store, side by side in one run: the latency of
 * {@code SyncEngine.start} (the sync registered: in the journal with its first event, after the idempotency and
 * dedupe lookups) one start at a time, then how many starts per second one thread sustains for a few seconds while
 * the started syncs run against the simulator (their steps are journaled too). The whole standalone graph, no HTTP
 * (its ~1-2 ms would hide the difference). Not a test: run it with the command in docs/benchmarks.md. Arguments:
 * latency samples (default 2000), seconds of sustained starts (default 5).
 */
public final class JournalBenchmark {

    private static final List<String> SONGS =
            List.of("Bohemian Rhapsody", "Don't Stop Me Now", "Under Pressure", "Killer Queen", "Somebody To Love");

    private JournalBenchmark() {}

    public static void main(String[] args) {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        // Thousands of syncs: their INFO lines would be most of the work.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        System.out.printf("%-8s %8s %14s %14s %16s%n", "store", "samples", "start median", "start p99", "starts/s");
        for (String store : List.of("memory", "sqlite", "memory", "sqlite")) {
            try (TestService service = TestService.standalone(Map.of(
                    "STANDALONE_STORE", store,
                    "SYNC_QUEUE_CAPACITY", "1000000",
                    "DEDUPE_WINDOW_SECONDS", "600"))) {
                startOneAtATime(service, 500); // warm-up
                Samples latency = startOneAtATime(service, samples);
                double perSecond = sustained(service, seconds);
                System.out.printf(
                        Locale.ROOT,
                        "%-8s %8d %11.3f ms %11.3f ms %16.0f%n",
                        store,
                        samples,
                        latency.percentile(0.50),
                        latency.percentile(0.99),
                        perSecond);
            }
        }
    }

    private static SyncRequest request(TestService service, int i) {
        // Distinct users: each start is a new sync (the dedupe lookup still runs and finds nothing).
        return new SyncRequest(
                "sync-" + UUID.randomUUID(),
                SongQuery.of(SONGS.get(i % SONGS.size()), "Queen"),
                service.playlistId(),
                "bench-" + i,
                0.85,
                false,
                false,
                0);
    }

    private static Samples startOneAtATime(TestService service, int count) {
        Samples samples = new Samples();
        for (int i = 0; i < count; i++) {
            SyncRequest request = request(service, i);
            long begin = System.nanoTime();
            service.engine().start(request);
            samples.add(System.nanoTime() - begin);
        }
        return samples;
    }

    private static double sustained(TestService service, int seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long begin = System.nanoTime();
        int started = 0;
        while (System.nanoTime() < end) {
            service.engine().start(request(service, started));
            started++;
        }
        return started / ((System.nanoTime() - begin) / 1e9);
    }

    /** Durations in nanoseconds; reported in milliseconds. */
    private static final class Samples {
        private final List<Long> nanos = new ArrayList<>();

        void add(long value) {
            nanos.add(value);
        }

        double percentile(double fraction) {
            List<Long> sorted = nanos.stream().sorted().toList();
            int index = Math.max(0, (int) Math.ceil(fraction * sorted.size()) - 1);
            return sorted.get(index) / 1_000_000.0;
        }
    }
}
