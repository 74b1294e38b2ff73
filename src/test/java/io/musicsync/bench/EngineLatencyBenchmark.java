package io.musicsync.bench;

import io.musicsync.support.TestService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Start and status latency of the HTTP API in both modes, side by side in one run: {@code POST /api/v1/sync}
 * (start) and {@code GET /api/v1/sync/{id}} of a finished sync (status), each over loopback HTTP against the
 * whole service (simulator at the edge; in Temporal mode the in-JVM Temporal test server and one worker). Not a
 * test: run it with the command in docs/benchmarks.md. Argument: syncs per mode (default 300).
 */
public final class EngineLatencyBenchmark {

    private static final List<String> SONGS = List.of(
            "Bohemian Rhapsody",
            "Don't Stop Me Now",
            "Under Pressure",
            "Killer Queen",
            "Somebody To Love",
            "We Will Rock You");

    private EngineLatencyBenchmark() {}

    public static void main(String[] args) {
        int syncs = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        System.out.printf(
                "%-10s %6s %14s %14s %14s %14s%n",
                "mode", "syncs", "start median", "start p99", "status median", "status p99");
        for (TestService.Mode mode : TestService.Mode.values()) {
            try (TestService service = TestService.start(mode)) {
                measure(service, 30);
                Latencies latencies = measure(service, syncs);
                System.out.printf(
                        Locale.ROOT,
                        "%-10s %6d %11.2f ms %11.2f ms %11.2f ms %11.2f ms%n",
                        mode.name().toLowerCase(Locale.ROOT),
                        syncs,
                        latencies.start.median(),
                        latencies.start.p99(),
                        latencies.status.median(),
                        latencies.status.p99());
            }
        }
    }

    private static Latencies measure(TestService service, int syncs) {
        Samples starts = new Samples();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < syncs; i++) {
            String body = "{\"track_name\":\"" + SONGS.get(i % SONGS.size()) + "\",\"artist\":\"Queen\"}";
            long begin = System.nanoTime();
            ids.add(service.submit(body));
            starts.add(System.nanoTime() - begin);
        }
        ids.forEach(service::awaitFinished);
        Samples statuses = new Samples();
        for (String id : ids) {
            long begin = System.nanoTime();
            service.get("/api/v1/sync/" + id);
            statuses.add(System.nanoTime() - begin);
        }
        return new Latencies(starts, statuses);
    }

    private record Latencies(Samples start, Samples status) {}

    /** Durations in nanoseconds; reported in milliseconds. */
    private static final class Samples {
        private final List<Long> nanos = new ArrayList<>();

        void add(long value) {
            nanos.add(value);
        }

        double median() {
            return percentile(0.50);
        }

        double p99() {
            return percentile(0.99);
        }

        private double percentile(double fraction) {
            List<Long> sorted = nanos.stream().sorted().toList();
            int index = Math.max(0, (int) Math.ceil(fraction * sorted.size()) - 1);
            return sorted.get(index) / 1_000_000.0;
        }
    }
}
