package io.musicsync.importer;

import io.musicsync.domain.InsufficientScopeException;
import io.musicsync.domain.InvalidCredentialsException;
import io.musicsync.domain.RateLimitedException;
import io.musicsync.domain.SyncException;
import io.musicsync.imports.ImportCounts;
import io.musicsync.imports.ImportRow;
import io.musicsync.imports.Resolution;
import io.musicsync.imports.RowOutcome;
import io.musicsync.imports.RowStatus;
import io.musicsync.sync.RowResolution;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the rows of an import that have no outcome yet: skipped and unreadable entries end at once, songs go to the
 * {@link SongResolver} with at most {@code concurrency} in flight, in row order. A failure that every later song
 * would share (the login expired, was refused or lacks a scope; a long rate limit) stops asking Spotify: the songs
 * not yet tried fail saying so.
 */
public final class ImportRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRunner.class);

    private final SongResolver resolver;
    private final int concurrency;

    public ImportRunner(SongResolver resolver, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        this.resolver = resolver;
        this.concurrency = concurrency;
    }

    /**
     * @param rows the rows to run, in row order
     * @param before the import's counts before these rows (a resumed import has some done)
     * @return the counts once every row has ended
     */
    public ImportCounts run(List<ImportRow> rows, ImportCounts before, ImportListener listener)
            throws InterruptedException {
        Progress progress = new Progress(before, listener);
        List<ImportRow> songs = new ArrayList<>();
        for (ImportRow row : rows) {
            switch (row.kind()) {
                case SONG -> songs.add(row);
                case SKIPPED, UNREADABLE -> progress.done(row, RowResolution.ofEntry(row));
            }
        }
        Semaphore slots = new Semaphore(concurrency);
        AtomicReference<String> stopped = new AtomicReference<>();
        List<Future<?>> running = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            try {
                for (ImportRow song : songs) {
                    slots.acquire();
                    running.add(threads.submit(() -> {
                        try {
                            progress.done(song, resolveSafely(song, stopped));
                        } finally {
                            slots.release();
                        }
                    }));
                }
            } catch (InterruptedException e) {
                threads.shutdownNow(); // stopping: the rows in flight end at once, unrecorded
                throw e;
            }
        }
        for (Future<?> song : running) {
            try {
                song.get(); // all have ended (the executor closed); this surfaces a listener's failure
            } catch (ExecutionException e) {
                throw new IllegalStateException("an import row could not be recorded", e.getCause());
            }
        }
        return progress.counts();
    }

    private Resolution resolveSafely(ImportRow song, AtomicReference<String> stopped) {
        String stop = stopped.get();
        if (stop != null) {
            return Resolution.of(RowOutcome.FAILED, "not tried: " + stop);
        }
        try {
            return resolver.resolve(song.row(), song.song());
        } catch (InvalidCredentialsException | InsufficientScopeException | RateLimitedException e) {
            // Every later song would fail the same way: stop asking Spotify, and say why in each row.
            stopped.compareAndSet(null, e.getMessage());
            return Resolution.of(RowOutcome.FAILED, e.getMessage());
        } catch (SyncException e) {
            return Resolution.of(RowOutcome.FAILED, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("import row {} ({}) failed", song.row(), song.source(), e);
            return Resolution.of(RowOutcome.FAILED, "internal error (see the log)");
        }
    }

    /** The counts so far; one row at a time reaches the listener. */
    private static final class Progress {
        private final ImportListener listener;
        private ImportCounts counts;

        Progress(ImportCounts before, ImportListener listener) {
            this.listener = listener;
            this.counts = before;
        }

        synchronized void done(ImportRow row, Resolution resolution) {
            counts = counts.plus(resolution.outcome());
            listener.rowDone(new RowStatus(row, resolution), counts);
        }

        synchronized ImportCounts counts() {
            return counts;
        }
    }
}
