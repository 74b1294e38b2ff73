package io.musicsync.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.musicsync.domain.AddConfirmation;
import io.musicsync.domain.AddOutcome;
import io.musicsync.domain.PlaylistPage;
import io.musicsync.domain.PlaylistService;
import io.musicsync.support.PlaylistPages;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The writer's rules on a playlist whose reads can be frozen (a read-after-write lag without end). */
class PlaylistBatchTest {

    private static final String PLAYLIST = "37i9dQZF1DXcBWIGoYBM5M";

    /** A playlist whose reads show {@code shown}, and whose version changes with every write. */
    private static final class LaggingPlaylist implements PlaylistService {
        final List<String> entries = new ArrayList<>();
        List<String> shown = null; // null: reads show every write at once
        int version;
        int adds;
        int wholeReads;

        List<String> readable() {
            return shown == null ? List.copyOf(entries) : shown;
        }

        @Override
        public String playlistSnapshot(String playlistId) {
            return "v" + (shown == null ? version : -shown.size());
        }

        @Override
        public PlaylistPage playlistItems(String playlistId, int offset, int limit) {
            return PlaylistPages.slice(readable(), offset, limit);
        }

        @Override
        public List<String> allPlaylistUris(String playlistId) {
            wholeReads++;
            return readable();
        }

        @Override
        public String addItems(String playlistId, List<String> uris) {
            adds++;
            entries.addAll(uris);
            return "v" + ++version;
        }

        void freezeReads() {
            shown = List.copyOf(entries);
        }
    }

    private final LaggingPlaylist playlist = new LaggingPlaylist();

    private PlaylistBatch.Result write(WriterLedger ledger, AddRequest... requests) {
        return PlaylistBatch.write(playlist, PLAYLIST, ledger, List.of(requests));
    }

    @Test
    void aRequestDeliveredAgainHearsItWasItsAddWithoutASecondAdd() {
        PlaylistBatch.Result first = write(WriterLedger.empty(), new AddRequest("sync-1", "spotify:track:a"));
        PlaylistBatch.Result again = write(first.ledger(), new AddRequest("sync-1", "spotify:track:a"));

        assertThat(again.outcomes().get(0)).isEqualTo(new AddOutcome(true, 0, null, AddConfirmation.WRITER_RECORD));
        assertThat(playlist.adds).isEqualTo(1);
        assertThat(playlist.entries).containsExactly("spotify:track:a");
    }

    @Test
    void aReadThatLagsBehindOurAddIsMergedWithOurRecordAfterSomebodyElsesChange() {
        PlaylistBatch.Result first = write(WriterLedger.empty(), new AddRequest("sync-1", "spotify:track:a"));
        playlist.freezeReads(); // reads show the playlist with "a" from now on
        playlist.entries.add("spotify:track:b"); // somebody else adds "b"...
        playlist.freezeReads(); // ...which reads show
        PlaylistBatch.Result second = write(first.ledger(), new AddRequest("sync-2", "spotify:track:c"));
        playlist.shown = List.of("spotify:track:x"); // a foreign change, while reads lag behind our "c"
        int wholeReads = playlist.wholeReads;

        PlaylistBatch.Result third = write(second.ledger(), new AddRequest("sync-3", "spotify:track:c"));

        assertThat(playlist.wholeReads)
                .as("an unknown snapshot is read in whole")
                .isEqualTo(wholeReads + 1);
        assertThat(third.outcomes().get(0).added()).isFalse();
        assertThat(third.outcomes().get(0).confirmation()).isEqualTo(AddConfirmation.WRITER_RECORD);
        assertThat(third.ledger().contents()).contains("spotify:track:a", "spotify:track:c", "spotify:track:x");
        assertThat(Collections.frequency(playlist.entries, "spotify:track:c")).isEqualTo(1);
    }

    @Test
    void aKnownSnapshotIsNotReadInWhole() {
        PlaylistBatch.Result first = write(WriterLedger.empty(), new AddRequest("sync-1", "spotify:track:a"));
        int wholeReads = playlist.wholeReads;

        write(first.ledger(), new AddRequest("sync-2", "spotify:track:b"));

        assertThat(playlist.wholeReads).isEqualTo(wholeReads);
        assertThat(playlist.entries).containsExactly("spotify:track:a", "spotify:track:b");
    }

    @Test
    void aNeededRereadReadsInWholeEvenAtAKnownSnapshot() {
        PlaylistBatch.Result first = write(WriterLedger.empty(), new AddRequest("sync-1", "spotify:track:a"));
        int wholeReads = playlist.wholeReads;

        write(first.ledger().withRereadNeeded(), new AddRequest("sync-2", "spotify:track:b"));

        assertThat(playlist.wholeReads).isEqualTo(wholeReads + 1);
    }

    @Test
    void aBatchHoldsAtMostOneHundredRequests() {
        AddRequest[] requests = IntStream.range(0, 101)
                .mapToObj(i -> new AddRequest("sync-" + i, "spotify:track:" + i))
                .toArray(AddRequest[]::new);

        assertThatThrownBy(() -> write(WriterLedger.empty(), requests)).isInstanceOf(IllegalArgumentException.class);
        assertThat(playlist.adds).isZero();
    }
}
