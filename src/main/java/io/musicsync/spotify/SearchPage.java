package io.musicsync.spotify;

import io.musicsync.sync.Track;
import java.util.List;

/** One page of {@code GET /search?type=track}. */
public record SearchPage(List<Track> tracks, int offset, int total, boolean hasNext) {

    public SearchPage {
        tracks = List.copyOf(tracks);
    }
}
