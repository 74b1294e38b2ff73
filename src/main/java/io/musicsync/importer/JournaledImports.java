package io.musicsync.importer;

import io.musicsync.domain.SyncException;
import io.musicsync.engine.EngineUnavailableException;
import io.musicsync.imports.ImportCounts;
import io.musicsync.imports.ImportRequest;
import io.musicsync.imports.ImportRow;
import io.musicsync.imports.ImportState;
import io.musicsync.imports.ImportStatus;
import io.musicsync.imports.Imports;
import io.musicsync.imports.Resolution;
import io.musicsync.imports.RowOutcome;
import io.musicsync.imports.RowStatus;
import io.musicsync.store.ImportStore;
import io.musicsync.store.StoreException;
import io.musicsync.store.StoredImport;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone imports: each import and its rows are stored in the {@link ImportStore} (the journal) before the
 * first Spotify call, its song rows run as keyed syncs ({@link ImportRequest#syncId}) through the engine with at
 * most {@code concurrency} in flight, and each row's outcome is recorded as it ends. {@link #resumeUnfinished()}
 * (at the service's start) carries on every import a stop or a crash interrupted, from the rows without an outcome:
 * a row that was in flight asks for the same sync again, which the engine has finished or resumes from its own
 * journal, so nothing is added twice.
 */
public final class JournaledImports implements Imports, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JournaledImports.class);

    /**
     * Songs of one import in flight at once. The playlist's writer batches the adds that reach it together, so
     * more in flight means fewer add calls per song (about 3 calls per batch: version, add, read-back).
     */
    public static final int DEFAULT_CONCURRENCY = 32;

    private final ImportStore store;
    private final RowResolvers resolvers;
    private final PlaylistCreator creator;
    private final int concurrency;
    private final Clock clock;
    private final Set<Thread> drivers = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    public JournaledImports(
            ImportStore store, RowResolvers resolvers, PlaylistCreator creator, int concurrency, Clock clock) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        this.store = store;
        this.resolvers = resolvers;
        this.creator = creator;
        this.concurrency = concurrency;
        this.clock = clock;
    }

    @Override
    public ImportStatus start(ImportRequest request) {
        boolean created;
        try {
            created = store.create(request, clock.instant());
        } catch (StoreException e) {
            throw new EngineUnavailableException("The import could not be recorded: " + e.getMessage(), e);
        }
        StoredImport stored = store.find(request.importId()).orElseThrow();
        if (created) {
            drive(stored);
        }
        return stored.toStatus(store.counts(stored.importId()), List.of(), null);
    }

    @Override
    public Optional<ImportStatus> status(String importId, int afterRow, int limit) {
        if (limit < 0 || limit > MAX_ROWS_PER_PAGE) {
            throw new IllegalArgumentException("limit must be 0-" + MAX_ROWS_PER_PAGE + ", was " + limit);
        }
        return store.find(importId).map(stored -> {
            ImportCounts counts = store.counts(importId);
            List<RowStatus> rows = limit == 0 ? List.of() : store.rows(importId, afterRow, limit);
            Integer next = !rows.isEmpty()
                            && rows.size() == limit
                            && rows.getLast().row().row() < counts.total()
                    ? rows.getLast().row().row()
                    : null;
            return stored.toStatus(counts, rows, next);
        });
    }

    @Override
    public List<ImportStatus> list(int limit) {
        return store.newest(limit).stream()
                .map(stored -> stored.toStatus(store.counts(stored.importId()), List.of(), null))
                .toList();
    }

    /** Carries on every import that has not ended (after a restart); returns how many. */
    public int resumeUnfinished() {
        List<StoredImport> unfinished = store.unfinished();
        for (StoredImport stored : unfinished) {
            LOG.info(
                    "resuming import {} ({} rows left)",
                    stored.importId(),
                    store.pending(stored.importId()).size());
            drive(stored);
        }
        return unfinished.size();
    }

    private void drive(StoredImport stored) {
        Thread driver = Thread.ofVirtual().name("import-" + stored.importId()).unstarted(() -> {
            try {
                run(stored);
            } finally {
                drivers.remove(Thread.currentThread());
            }
        });
        drivers.add(driver);
        driver.start();
    }

    private void run(StoredImport stored) {
        String id = stored.importId();
        try {
            String playlistId = stored.playlistId();
            if (playlistId == null && stored.createName() != null && !stored.dryRun()) {
                playlistId = creator.createPlaylist(stored.createName());
                store.playlistChosen(id, playlistId);
            }
            SongResolver resolver;
            if (stored.dryRun()) {
                resolver = resolvers.dryRun(playlistId);
            } else {
                resolvers.checkPlaylist(playlistId);
                resolver = resolvers.syncs(id, playlistId);
            }
            new ImportRunner(resolver, concurrency).run(store.pending(id), store.counts(id), (row, counts) -> {
                // A row that ends because the import is stopping is not an outcome: the resumed import redoes it.
                if (!closing) {
                    store.rowDone(id, row.row().row(), row.resolution());
                }
            });
            if (!closing) {
                store.finished(id, ImportState.COMPLETED, null, clock.instant());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SyncException e) {
            // Refused as a whole (an unknown playlist, the login): no row is tried.
            stop(id, e.getMessage());
        } catch (RuntimeException e) {
            if (!closing) {
                LOG.error("import {} failed", id, e);
                stop(id, "internal error (see the log)");
            }
        }
    }

    private void stop(String id, String why) {
        if (closing) {
            return;
        }
        for (ImportRow row : store.pending(id)) {
            store.rowDone(id, row.row(), Resolution.of(RowOutcome.FAILED, "not tried: " + why));
        }
        store.finished(id, ImportState.FAILED, why, clock.instant());
    }

    /** Stops driving imports: rows in flight are left without an outcome, for the next start to resume. */
    @Override
    public void close() {
        closing = true;
        for (Thread driver : drivers) {
            driver.interrupt();
        }
        for (Thread driver : drivers) {
            try {
                driver.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
