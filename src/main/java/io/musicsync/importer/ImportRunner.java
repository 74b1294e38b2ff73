package io.musicsync.importer;

import io.musicsync.domain.InsufficientScopeException;
import io.musicsync.domain.InvalidCredentialsException;
import io.musicsync.domain.RateLimitedException;
import io.musicsync.domain.SyncException;
import io.musicsync.imports.ImportCounts;
import io.musicsync.imports.Resolution;
import io.musicsync.imports.RowOutcome;
import io.musicsync.library.LibraryEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Runs an import: skipped and unreadable entries are done at once, songs go to the {@link SongResolver} with at
 * most {@code concurrency} in flight. Results keep the import's order whatever order the songs finish in. A
 * failure that every later song would share (the login expired, was refused or lacks a scope; a long rate limit) stops the
 * import: the songs not yet tried fail saying so, and Spotify is not asked again.
 */
public final class ImportRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRunner.class);

    private final SongResolver resolver;
    private final int concurrency;
    private final Clock clock;

    public ImportRunner(SongResolver resolver, int concurrency, Clock clock) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        this.resolver = resolver;
        this.concurrency = concurrency;
        this.clock = clock;
    }

    public ImportSummary run(List<LibraryEntry> entries, boolean dryRun, String playlistId, ImportListener listener)
            throws InterruptedException {
        Instant start = clock.instant();
        Progress progress = new Progress(entries.size(), listener);
        List<Integer> songs = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            LibraryEntry entry = entries.get(i);
            switch (entry) {
                case LibraryEntry.Song song -> songs.add(i);
                case LibraryEntry.Skipped skipped ->
                    progress.done(
                            i,
                            entry,
                            Resolution.of(
                                    RowOutcome.SKIPPED,
                                    "skipped: " + skipped.reason().explanation()));
                case LibraryEntry.Unreadable unreadable ->
                    progress.done(i, entry, Resolution.of(RowOutcome.FAILED, unreadable.message()));
            }
        }
        Semaphore slots = new Semaphore(concurrency);
        AtomicReference<String> stopped = new AtomicReference<>();
        List<Future<?>> running = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int index : songs) {
                slots.acquire();
                LibraryEntry.Song song = (LibraryEntry.Song) entries.get(index);
                running.add(threads.submit(() -> {
                    try {
                        progress.done(index, song, resolveSafely(index + 1, song, stopped));
                    } finally {
                        slots.release();
                    }
                }));
            }
        }
        for (Future<?> song : running) {
            try {
                song.get(); // all have ended (the executor closed); this surfaces a listener's bug
            } catch (ExecutionException e) {
                throw new IllegalStateException("an import row could not be recorded", e.getCause());
            }
        }
        return new ImportSummary(
                dryRun, playlistId, progress.rows(), progress.counts(), Duration.between(start, clock.instant()));
    }

    private Resolution resolveSafely(int row, LibraryEntry.Song song, AtomicReference<String> stopped) {
        String stop = stopped.get();
        if (stop != null) {
            return Resolution.of(RowOutcome.FAILED, "not tried: " + stop);
        }
        try {
            return resolver.resolve(row, song);
        } catch (InvalidCredentialsException | InsufficientScopeException | RateLimitedException e) {
            // Every later song would fail the same way: stop asking Spotify, and say why in each row.
            stopped.compareAndSet(null, e.getMessage());
            return Resolution.of(RowOutcome.FAILED, e.getMessage());
        } catch (SyncException e) {
            return Resolution.of(RowOutcome.FAILED, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("import row {} ({}) failed", row, song.source(), e);
            return Resolution.of(RowOutcome.FAILED, "internal error (see the log)");
        }
    }

    /** The results so far; one row at a time reaches the listener. */
    private static final class Progress {
        private final RowResult[] rows;
        private final ImportListener listener;
        private ImportCounts counts;

        Progress(int total, ImportListener listener) {
            this.rows = new RowResult[total];
            this.listener = listener;
            this.counts = ImportCounts.start(total);
            listener.started(counts);
        }

        synchronized void done(int index, LibraryEntry entry, Resolution resolution) {
            RowResult row = new RowResult(index + 1, entry, resolution);
            rows[index] = row;
            counts = counts.plus(resolution.outcome());
            listener.rowDone(row, counts);
        }

        synchronized List<RowResult> rows() {
            return Arrays.asList(rows);
        }

        synchronized ImportCounts counts() {
            return counts;
        }
    }
}
