package io.musicsync.activities;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicsync.domain.PlaylistPage;
import io.musicsync.domain.PlaylistService;
import io.musicsync.store.SqliteAddJournal;
import io.musicsync.store.SqliteDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's unconfirmed adds against a playlist that already shows them (the add landed before a crash). */
class JournaledPlaylistServiceTest {

    private static final String PLAYLIST = "p1";

    @TempDir
    Path dir;

    private SqliteDatabase db;
    private SqliteAddJournal journal;
    private final List<String> playlist = new ArrayList<>(Arrays.asList("spotify:track:a", null, "spotify:track:b"));
    private final List<List<String>> sent = new ArrayList<>();

    @BeforeEach
    void open() {
        db = SqliteDatabase.open(dir);
        journal = new SqliteAddJournal(db, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aReadThatShowsAnUnconfirmedAddConfirmsIt() {
        journal.adding(PLAYLIST, List.of("spotify:track:b", "spotify:track:c"));
        JournaledPlaylistService service = service();

        service.allPlaylistUris(PLAYLIST);

        assertThat(journal.unconfirmed(PLAYLIST)).containsExactly("spotify:track:c");
        assertThat(journal.addedTo(PLAYLIST)).containsExactly("spotify:track:b");
    }

    @Test
    void aPageThatShowsAnUnconfirmedAddConfirmsItAndLocalFilesAreIgnored() {
        journal.adding(PLAYLIST, List.of("spotify:track:a"));

        PlaylistPage page = service().playlistItems(PLAYLIST, 0, 50);

        assertThat(page.uris()).containsNull();
        assertThat(journal.unconfirmed(PLAYLIST)).isEmpty();
    }

    @Test
    void anUnconfirmedAddThePlaylistShowsIsNotSentAgain() {
        journal.adding(PLAYLIST, List.of("spotify:track:b"));

        service().addItems(PLAYLIST, List.of("spotify:track:b", "spotify:track:d"));

        assertThat(sent).containsExactly(List.of("spotify:track:d"));
        assertThat(journal.unconfirmed(PLAYLIST)).isEmpty();
    }

    private JournaledPlaylistService service() {
        return new JournaledPlaylistService(new Playlist(), journal, Clock.systemUTC(), duration -> {});
    }

    /** The Spotify edge: a playlist whose reads show every write at once. */
    private final class Playlist implements PlaylistService {
        @Override
        public String playlistSnapshot(String playlistId) {
            return "snap-" + playlist.size();
        }

        @Override
        public PlaylistPage playlistItems(String playlistId, int offset, int limit) {
            List<String> slice = playlist.subList(offset, Math.min(playlist.size(), offset + limit));
            return new PlaylistPage(new ArrayList<>(slice), offset, playlist.size());
        }

        @Override
        public List<String> allPlaylistUris(String playlistId) {
            return new ArrayList<>(playlist);
        }

        @Override
        public String addItems(String playlistId, List<String> uris) {
            sent.add(List.copyOf(uris));
            playlist.addAll(uris);
            return playlistSnapshot(playlistId);
        }
    }
}
