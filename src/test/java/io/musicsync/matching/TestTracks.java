package io.musicsync.matching;

import io.musicsync.sync.SongQuery;
import io.musicsync.sync.Track;
import java.util.List;

/** Builds tracks and requests for matcher tests; ids are derived from the name so each test reads naturally. */
final class TestTracks {

    private TestTracks() {
    }

    static Track track(String id, String name, String album, int durationMs, boolean explicit, String isrc,
                       String... artists) {
        return new Track(id, "spotify:track:" + id, name, List.of(artists), album, "2020-01-01", durationMs, explicit,
                isrc);
    }

    static Track track(String id, String name, String album, int durationMs, String... artists) {
        return track(id, name, album, durationMs, false, null, artists);
    }

    static SongQuery song(String title, String artist, String album, Integer durationMs) {
        return new SongQuery(title, artist, album, durationMs, null, null);
    }
}
