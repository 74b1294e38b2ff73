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

    /**
     * A track a person named by its URI ({@code spotify:track:<id>}) that no search of ours returned: only the URI
     * and id are known, which is all an add needs.
     */
    public static CatalogTrack knownByUri(String uri) {
        String id = uri.substring(uri.lastIndexOf(':') + 1);
        return new CatalogTrack(id, uri, null, List.of(), null, null, 0, false, null);
    }

    public String primaryArtist() {
        return artists.isEmpty() ? "" : artists.get(0);
    }

    @Override
    public String toString() {
        return name == null ? "[" + uri + "]" : "\"" + name + "\" by " + String.join(", ", artists) + " [" + uri + "]";
    }
}
