package io.musicsync.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicsync.domain.RequestRejectedException;
import io.musicsync.domain.SongQuery;
import io.musicsync.imports.ImportCounts;
import io.musicsync.imports.ImportRow;
import io.musicsync.imports.Resolution;
import io.musicsync.imports.RowOutcome;
import io.musicsync.imports.RowStatus;
import io.musicsync.library.LibraryEntry;
import io.musicsync.library.SkipReason;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ImportRunnerTest {

    private static List<ImportRow> songs(int n) {
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            rows.add(ImportRow.song(i, "line " + i, SongQuery.of("Song " + i, "Artist"), List.of()));
        }
        return rows;
    }

    /** The rows as they ended, by row number. */
    private static final class Recorder implements ImportListener {
        final java.util.Map<Integer, RowStatus> rows = new java.util.TreeMap<>();
        final List<ImportCounts> seen = new ArrayList<>();

        @Override
        public void rowDone(RowStatus row, ImportCounts counts) {
            rows.put(row.row().row(), row);
            seen.add(counts);
        }
    }

    @Test
    void atMostConcurrencySongsAreInFlightAndResultsKeepTheFileOrder() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch threeStarted = new CountDownLatch(3);
        CountDownLatch release = new CountDownLatch(1);
        SongResolver resolver = (row, song) -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            threeStarted.countDown();
            try {
                // The first three wait until the test has seen that no fourth started alongside them.
                assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return Resolution.of(RowOutcome.WOULD_ADD, "row " + row);
        };
        ImportRunner runner = new ImportRunner(resolver, 3);
        Recorder recorder = new Recorder();

        Thread releaser = Thread.ofVirtual().start(() -> {
            try {
                threeStarted.await();
                assertThat(most.get()).isEqualTo(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                release.countDown();
            }
        });
        ImportCounts counts = runner.run(songs(20), ImportCounts.start(20), recorder);
        releaser.join();

        assertThat(most.get()).isEqualTo(3);
        assertThat(recorder.rows.values())
                .extracting(r -> r.resolution().message())
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 20)
                        .mapToObj(i -> "row " + i)
                        .toList());
        assertThat(counts.count(RowOutcome.WOULD_ADD)).isEqualTo(20);
        assertThat(recorder.seen)
                .extracting(ImportCounts::done)
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
    }

    @Test
    void skippedAndUnreadableEntriesAreCountedAndAFailingSongDoesNotStopTheRest() throws Exception {
        List<LibraryEntry> entries = new ArrayList<>();
        entries.add(LibraryEntry.Song.of("line 1", SongQuery.of("Song 1", "Artist")));
        entries.add(new LibraryEntry.Skipped("track 7", "\"Video\" by X", SkipReason.VIDEO));
        entries.add(LibraryEntry.Song.of("line 2", SongQuery.of("Song 2", "Artist")));
        entries.add(new LibraryEntry.Unreadable("line 9", "it has no title"));
        SongResolver resolver = (row, song) -> {
            if (song.title().equals("Song 1")) {
                throw new RequestRejectedException("Spotify rejected the request");
            }
            return Resolution.of(RowOutcome.NOT_FOUND, "nothing");
        };

        Recorder recorder = new Recorder();
        ImportCounts counts = new ImportRunner(resolver, 2).run(ImportRow.of(entries), ImportCounts.start(4), recorder);

        assertThat(recorder.rows.values())
                .extracting(
                        r -> r.row().row(),
                        r -> r.resolution().outcome(),
                        r -> r.resolution().message())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, RowOutcome.FAILED, "Spotify rejected the request"),
                        org.assertj.core.groups.Tuple.tuple(
                                2, RowOutcome.SKIPPED, "skipped: a video (music video, movie or TV show), not a song"),
                        org.assertj.core.groups.Tuple.tuple(3, RowOutcome.NOT_FOUND, "nothing"),
                        org.assertj.core.groups.Tuple.tuple(4, RowOutcome.FAILED, "it has no title"));
        assertThat(counts.done()).isEqualTo(4);
        assertThat(counts.count(RowOutcome.FAILED)).isEqualTo(2);
    }
}
