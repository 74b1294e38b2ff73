package io.musicsync.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicsync.domain.RequestRejectedException;
import io.musicsync.domain.SongQuery;
import io.musicsync.imports.ImportCounts;
import io.musicsync.imports.Resolution;
import io.musicsync.imports.RowOutcome;
import io.musicsync.library.LibraryEntry;
import io.musicsync.library.SkipReason;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ImportRunnerTest {

    private static List<LibraryEntry> songs(int n) {
        List<LibraryEntry> entries = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            entries.add(LibraryEntry.Song.of("line " + i, SongQuery.of("Song " + i, "Artist")));
        }
        return entries;
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
        ImportRunner runner = new ImportRunner(resolver, 3, Clock.systemUTC());
        List<ImportCounts> seen = new ArrayList<>();
        ImportListener listener = new ImportListener() {
            @Override
            public void rowDone(RowResult row, ImportCounts counts) {
                seen.add(counts);
            }
        };

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
        ImportSummary summary = runner.run(songs(20), true, null, listener);
        releaser.join();

        assertThat(most.get()).isEqualTo(3);
        assertThat(summary.rows())
                .extracting(r -> r.resolution().message())
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 20)
                        .mapToObj(i -> "row " + i)
                        .toList());
        assertThat(summary.counts().count(RowOutcome.WOULD_ADD)).isEqualTo(20);
        assertThat(seen)
                .extracting(ImportCounts::done)
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
    }

    @Test
    void skippedAndUnreadableEntriesAreCountedAndAFailingSongDoesNotStopTheRest() throws Exception {
        List<LibraryEntry> entries = new ArrayList<>(songs(2));
        entries.add(1, new LibraryEntry.Skipped("track 7", "\"Video\" by X", SkipReason.VIDEO));
        entries.add(new LibraryEntry.Unreadable("line 9", "it has no title"));
        SongResolver resolver = (row, song) -> {
            if (song.song().title().equals("Song 1")) {
                throw new RequestRejectedException("Spotify rejected the request");
            }
            return Resolution.of(RowOutcome.NOT_FOUND, "nothing");
        };

        ImportSummary summary =
                new ImportRunner(resolver, 2, Clock.systemUTC()).run(entries, false, "p", ImportListener.NONE);

        assertThat(summary.rows())
                .extracting(
                        RowResult::row, RowResult::outcome, r -> r.resolution().message())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, RowOutcome.FAILED, "Spotify rejected the request"),
                        org.assertj.core.groups.Tuple.tuple(
                                2, RowOutcome.SKIPPED, "skipped: a video (music video, movie or TV show), not a song"),
                        org.assertj.core.groups.Tuple.tuple(3, RowOutcome.NOT_FOUND, "nothing"),
                        org.assertj.core.groups.Tuple.tuple(4, RowOutcome.FAILED, "it has no title"));
        assertThat(summary.counts().done()).isEqualTo(4);
        assertThat(summary.counts().count(RowOutcome.FAILED)).isEqualTo(2);
    }
}
