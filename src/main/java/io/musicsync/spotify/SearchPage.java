package io.musicsync.spotify;

import io.musicsync.domain.CatalogTrack;
import java.util.List;

/** One page of {@code GET /search?type=track}. */
public record SearchPage(List<CatalogTrack> tracks, int offset, int total, boolean hasNext) {

    public SearchPage {
        tracks = List.copyOf(tracks);
    }
}
