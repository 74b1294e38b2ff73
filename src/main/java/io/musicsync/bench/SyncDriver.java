package io.musicsync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** Submits syncs to a service over HTTP from several clients and waits until each has ended. */
public final class SyncDriver {

    /** How the syncs of a batch ended. */
    public record Outcome(int syncs, int succeeded, int notMatched, int failed, Duration submitted, Duration ended) {}

    private final ServiceProcess service;
    private final int clients;

    public SyncDriver(ServiceProcess service, int clients) {
        this.service = service;
        this.clients = clients;
    }

    /** Submits {@code count} syncs ({@code bodies.apply(i)}), from {@link #clients} at once; returns their ids. */
    public List<String> submitAll(int count, IntFunction<Map<String, Object>> bodies) throws InterruptedException {
        List<String> ids = Collections.synchronizedList(new ArrayList<>(Collections.nCopies(count, (String) null)));
        AtomicInteger next = new AtomicInteger();
        runClients(() -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                ids.set(i, service.submit(bodies.apply(i)));
            }
            return null;
        });
        return List.copyOf(ids);
    }

    /** Waits until every sync has ended (completed, failed or cancelled), polling them; counts the outcomes. */
    public Outcome awaitAll(List<String> ids, long beganNanos, Duration submitted, Duration atMost)
            throws InterruptedException {
        ConcurrentLinkedQueue<String> open = new ConcurrentLinkedQueue<>(ids);
        AtomicInteger succeeded = new AtomicInteger();
        AtomicInteger notMatched = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!open.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        open.size() + " of " + ids.size() + " syncs still open after " + atMost);
            }
            List<String> round = new ArrayList<>(open);
            open.clear();
            AtomicInteger index = new AtomicInteger();
            runClients(() -> {
                for (int i = index.getAndIncrement(); i < round.size(); i = index.getAndIncrement()) {
                    String id = round.get(i);
                    JsonNode status = service.status(id);
                    switch (status.path("status").asText()) {
                        case "running" -> open.add(id);
                        // Waits for a person: it ends nothing more without one, so it counts as not matched.
                        case "needs_review" -> notMatched.incrementAndGet();
                        case "completed" ->
                            (status.path("result").path("success").asBoolean() ? succeeded : notMatched)
                                    .incrementAndGet();
                        default -> failed.incrementAndGet();
                    }
                }
                return null;
            });
            if (!open.isEmpty()) {
                Thread.sleep(200);
            }
        }
        return new Outcome(
                ids.size(),
                succeeded.get(),
                notMatched.get(),
                failed.get(),
                submitted,
                Duration.ofNanos(System.nanoTime() - beganNanos));
    }

    /** Submits them all and waits for all: the batch's outcome, times counted from the first submit. */
    public Outcome run(int count, IntFunction<Map<String, Object>> bodies, Duration atMost)
            throws InterruptedException {
        long began = System.nanoTime();
        List<String> ids = submitAll(count, bodies);
        Duration submitted = Duration.ofNanos(System.nanoTime() - began);
        return awaitAll(ids, began, submitted, atMost);
    }

    private interface Work {
        Void call() throws InterruptedException;
    }

    private void runClients(Work work) throws InterruptedException {
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<Void>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit(work::call));
            }
            for (Future<Void> future : futures) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(
                            "a bench client failed: " + e.getCause().getMessage(), e);
                }
            }
        }
    }
}
