package io.musicsync.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The load generator: {@code connections} clients, each its own HTTP/1.1 connection on its own thread. Runs in the
 * bench's JVM, never in the process it measures. A warm-up of the same shape runs first and is not counted.
 *
 * <p>Closed loop ({@link #closedLoop}): each client sends the next request as soon as the last is answered, as
 * {@code wrk} does; this finds how many requests the service can take, and the latency at that load. Paced
 * ({@link #paced}): the clients together send {@code perSecond} requests on a fixed schedule, and each latency is
 * counted from when its request was due, not from when it was sent, so a stall counts for every request it
 * delayed (as {@code wrk2} does); this is the latency a client sees at a load the service can carry.
 */
public final class HttpLoad {

    /** The request a client sends next; {@code client} is 0-based, {@code sequence} counts all requests. */
    @FunctionalInterface
    public interface Requests {
        HttpRequest next(int client, long sequence);
    }

    private static final long MAX_NANOS = Duration.ofSeconds(60).toNanos();

    private HttpLoad() {}

    public static LatencySummary closedLoop(
            int connections, Duration warmUp, Duration measured, Requests requests, int expectedStatus)
            throws InterruptedException {
        return run(connections, 0, warmUp, measured, requests, expectedStatus);
    }

    public static LatencySummary paced(
            int connections,
            double perSecond,
            Duration warmUp,
            Duration measured,
            Requests requests,
            int expectedStatus)
            throws InterruptedException {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("perSecond must be > 0");
        }
        return run(connections, perSecond, warmUp, measured, requests, expectedStatus);
    }

    /**
     * When a paced client's {@code k}-th request is due, in nanoseconds after the start: the clients share the
     * rate and are offset from each other so that requests arrive evenly.
     */
    static long dueNanos(int client, int connections, double perSecond, long k) {
        double interval = 1e9 * connections / perSecond;
        return (long) (interval * k + interval * client / connections);
    }

    private static LatencySummary run(
            int connections,
            double perSecond,
            Duration warmUp,
            Duration measured,
            Requests requests,
            int expectedStatus)
            throws InterruptedException {
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            clients.add(HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build());
        }
        try {
            AtomicLong sequence = new AtomicLong();
            phase(clients, perSecond, warmUp, requests, expectedStatus, sequence);
            Phase phase = phase(clients, perSecond, measured, requests, expectedStatus, sequence);
            return LatencySummary.of(phase.histogram, phase.errors, phase.seconds);
        } finally {
            clients.forEach(HttpClient::close);
        }
    }

    private record Phase(Histogram histogram, long errors, double seconds) {}

    private static Phase phase(
            List<HttpClient> clients,
            double perSecond,
            Duration length,
            Requests requests,
            int expectedStatus,
            AtomicLong sequence)
            throws InterruptedException {
        long begin = System.nanoTime();
        long end = begin + length.toNanos();
        List<Histogram> histograms = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            Histogram histogram = new Histogram(MAX_NANOS, 3);
            histograms.add(histogram);
            HttpClient client = clients.get(i);
            int index = i;
            threads.add(Thread.ofPlatform().name("load-" + i).start(() -> {
                for (long k = 0; ; k++) {
                    long due =
                            perSecond > 0 ? begin + dueNanos(index, clients.size(), perSecond, k) : System.nanoTime();
                    if (due >= end) {
                        return;
                    }
                    try {
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(Duration.ofNanos(wait)); // pacing: the schedule, not synchronisation
                        }
                        HttpRequest request = requests.next(index, sequence.getAndIncrement());
                        int status = client.send(request, HttpResponse.BodyHandlers.ofByteArray())
                                .statusCode();
                        long took = System.nanoTime() - due;
                        if (status == expectedStatus) {
                            histogram.recordValue(Math.min(took, MAX_NANOS));
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        Histogram total = new Histogram(MAX_NANOS, 3);
        histograms.forEach(total::add);
        return new Phase(total, errors.get(), seconds);
    }
}
