package io.musicsync.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits until a URL answers 200, polling every few milliseconds, and gives up early when the process that should
 * answer has exited.
 */
public final class HealthWait {

    private static final Duration POLL = Duration.ofMillis(10);

    private final HttpClient http;

    public HealthWait(HttpClient http) {
        this.http = http;
    }

    /**
     * Returns how long it took until {@code url} answered 200.
     *
     * @throws IllegalStateException when {@code alive} turns false first, or after {@code atMost}
     */
    public Duration await(URI url, BooleanSupplier alive, Duration atMost) throws InterruptedException {
        long begin = System.nanoTime();
        long deadline = begin + atMost.toNanos();
        HttpRequest request =
                HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).GET().build();
        while (true) {
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException("the process exited before " + url + " answered");
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - begin);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(url + " did not answer 200 within " + atMost);
            }
            Thread.sleep(POLL);
        }
    }
}
