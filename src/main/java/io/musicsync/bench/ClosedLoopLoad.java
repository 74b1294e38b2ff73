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
 * The load generator: {@code connections} clients, each its own HTTP/1.1 connection on its own thread, sending the
 * next request as soon as the last is answered (closed loop, as {@code wrk} does). Runs in the bench's JVM, never
 * in the process it measures. A warm-up of the same shape runs first and is not counted.
 */
public final class ClosedLoopLoad {

    /** The request a client sends next; {@code client} is 0-based, {@code sequence} counts its requests. */
    @FunctionalInterface
    public interface Requests {
        HttpRequest next(int client, long sequence);
    }

    private static final long MAX_NANOS = Duration.ofSeconds(60).toNanos();

    private ClosedLoopLoad() {}

    public static LatencySummary run(
            int connections, Duration warmUp, Duration measured, Requests requests, int expectedStatus)
            throws InterruptedException {
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            clients.add(HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build());
        }
        AtomicLong sequence = new AtomicLong();
        phase(clients, warmUp, requests, expectedStatus, sequence);
        Phase phase = phase(clients, measured, requests, expectedStatus, sequence);
        clients.forEach(HttpClient::close);
        return LatencySummary.of(phase.histogram, phase.errors, phase.seconds);
    }

    private record Phase(Histogram histogram, long errors, double seconds) {}

    private static Phase phase(
            List<HttpClient> clients, Duration length, Requests requests, int expectedStatus, AtomicLong sequence)
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
                while (System.nanoTime() < end) {
                    HttpRequest request = requests.next(index, sequence.getAndIncrement());
                    long sent = System.nanoTime();
                    try {
                        int status = client.send(request, HttpResponse.BodyHandlers.ofByteArray())
                                .statusCode();
                        long took = System.nanoTime() - sent;
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
