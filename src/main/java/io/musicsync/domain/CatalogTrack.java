package io.musicsync.domain;

import java.util.List;

/**
 * A Spotify track as the matcher and the pipeline see it.
 *
 * @param artists every credited artist, primary first
 * @param isrc the ISRC when Spotify returned one (normalised to upper case), else null
 */
public record CatalogTrack(
        String id,
        String uri,
        String name,
        List<String> artists,
        String album,
        String releaseDate,
        int durationMs,
        boolean explicit,
        String isrc) {

    public CatalogTrack {
        artists = artists == null ? List.of() : List.copyOf(artists);
    }

    public String primaryArtist() {
        return artists.isEmpty() ? "" : artists.get(0);
    }

    @Override
    public String toString() {
        return "\"" + name + "\" by " + String.join(", ", artists) + " [" + uri + "]";
    }
}
