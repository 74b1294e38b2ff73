package io.musicsync.activities;

import io.musicsync.domain.AddOutcome;
import io.musicsync.domain.PlaylistService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one writer of one playlist in this process (group commit): syncs hand it their decided track and wait; it
 * collects the requests for a {@link BatchWindow}, writes them with one {@link PlaylistBatch} (one add call for up
 * to 100 tracks) and answers each. One flusher at a time runs the batches, so no two adds to the playlist race and
 * its {@link WriterLedger} needs no lock; the flusher ends when no request waits, and the next request starts one.
 */
final class PlaylistWriter {

    private final String playlistId;
    private final PlaylistService playlists;
    private final BatchWindow window;
    private final Executor flushers;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AtomicBoolean flushing = new AtomicBoolean();
    private final AtomicLong requestIds = new AtomicLong();
    /** Written by the flusher only; volatile so a flusher that follows another (and verification) sees it. */
    private volatile WriterLedger ledger = WriterLedger.empty();

    PlaylistWriter(String playlistId, PlaylistService playlists, BatchWindow window, Executor flushers) {
        this.playlistId = playlistId;
        this.playlists = playlists;
        this.window = window;
        this.flushers = flushers;
    }

    /**
     * Adds the track unless the playlist holds it or this writer added it already, and waits for the answer.
     *
     * @throws CancellationException when the waiting thread is interrupted (the add may still happen)
     */
    AddOutcome add(String trackUri) {
        Pending pending = new Pending(new AddRequest("local-" + requestIds.incrementAndGet(), trackUri));
        queue.add(pending);
        startFlusherIfIdle();
        try {
            return pending.answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting to add to playlist " + playlistId);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Whether this writer added the track (its record, which a lagging read of the playlist may not show yet). */
    boolean added(String trackUri) {
        return ledger.addedBy().containsKey(trackUri);
    }

    private void startFlusherIfIdle() {
        if (flushing.compareAndSet(false, true)) {
            flushers.execute(this::flush);
        }
    }

    private void flush() {
        List<Pending> batch = new ArrayList<>();
        try {
            for (collect(batch); !batch.isEmpty(); collect(batch)) {
                write(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            CancellationException stopped = new CancellationException("the playlist writer was stopped");
            batch.forEach(p -> p.answer.completeExceptionally(stopped));
            failAll(stopped);
        } finally {
            flushing.set(false);
            if (!queue.isEmpty()) {
                startFlusherIfIdle(); // a request that came while this flusher was stopping
            }
        }
    }

    /** The next batch: what waits now, and what comes until a quiet pause, the window's end or a full batch. */
    private void collect(List<Pending> batch) throws InterruptedException {
        Pending first = queue.poll();
        if (first == null) {
            return;
        }
        batch.add(first);
        long deadline = first.arrivedNanos + window.longest().toNanos();
        while (batch.size() < PlaylistService.MAX_ADD_BATCH) {
            long wait = Math.min(window.quiet().toNanos(), deadline - System.nanoTime());
            Pending next = wait <= 0 ? queue.poll() : queue.poll(wait, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    private void write(List<Pending> batch) {
        try {
            PlaylistBatch.Result result = PlaylistBatch.write(
                    playlists,
                    playlistId,
                    ledger,
                    batch.stream().map(p -> p.request).toList());
            ledger = result.ledger();
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).answer.complete(result.outcomes().get(i));
            }
        } catch (RuntimeException e) {
            // The add may have reached the playlist: read it all before the next batch. Each sync's retry policy
            // decides whether it asks again.
            ledger = ledger.withRereadNeeded();
            batch.forEach(p -> p.answer.completeExceptionally(e));
        }
    }

    private void failAll(RuntimeException error) {
        for (Pending pending = queue.poll(); pending != null; pending = queue.poll()) {
            pending.answer.completeExceptionally(error);
        }
    }

    private static final class Pending {
        final AddRequest request;
        final long arrivedNanos = System.nanoTime();
        final CompletableFuture<AddOutcome> answer = new CompletableFuture<>();

        Pending(AddRequest request) {
            this.request = request;
        }
    }
}
