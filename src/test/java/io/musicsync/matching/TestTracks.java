package io.musicsync.matching;

import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.SongQuery;
import java.util.List;

/** Builds tracks and requests for matcher tests; ids are derived from the name so each test reads naturally. */
final class TestTracks {

    private TestTracks() {}

    static CatalogTrack track(
            String id, String name, String album, int durationMs, boolean explicit, String isrc, String... artists) {
        return new CatalogTrack(
                id, "spotify:track:" + id, name, List.of(artists), album, "2020-01-01", durationMs, explicit, isrc);
    }

    static CatalogTrack track(String id, String name, String album, int durationMs, String... artists) {
        return track(id, name, album, durationMs, false, null, artists);
    }

    static SongQuery song(String title, String artist, String album, Integer durationMs) {
        return new SongQuery(title, artist, album, durationMs, null, null);
    }
}
