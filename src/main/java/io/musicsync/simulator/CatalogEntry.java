package io.musicsync.simulator;

import java.util.List;
import java.util.Map;

/**
 * One song of the simulated catalog in the few fields that matter; {@link #toTrack()} builds the Spotify track
 * object. Ids are synthetic (a hash of title, artists and album), not real Spotify ids.
 *
 * @param albumType {@code album}, {@code single} or {@code compilation}
 * @param isrc the real ISRC, or null when unknown (never made up)
 */
public record CatalogEntry(
        String title,
        List<String> artists,
        String album,
        String releaseDate,
        int durationMs,
        boolean explicit,
        String isrc,
        String albumType,
        int trackNumber) {

    public CatalogEntry {
        artists = List.copyOf(artists);
        if (title == null || title.isBlank() || artists.isEmpty()) {
            throw new IllegalArgumentException("a catalog entry needs a title and at least one artist");
        }
        album = album == null || album.isBlank() ? title : album;
        albumType = albumType == null || albumType.isBlank() ? "album" : albumType;
        trackNumber = Math.max(1, trackNumber);
    }

    public static CatalogEntry of(
            String title,
            List<String> artists,
            String album,
            String releaseDate,
            int durationMs,
            boolean explicit,
            String isrc) {
        return new CatalogEntry(title, artists, album, releaseDate, durationMs, explicit, isrc, "album", 1);
    }

    public TrackJson toTrack() {
        String id = SpotifyIds.derived("track|" + title + "|" + artists + "|" + album + "|" + explicit);
        List<ArtistJson> trackArtists = artists.stream().map(ArtistJson::named).toList();
        List<ArtistJson> albumArtists = "compilation".equals(albumType)
                ? List.of(ArtistJson.named("Various Artists"))
                : List.of(trackArtists.get(0));
        String albumKey = album + "|" + albumArtists.get(0).name() + "|" + releaseDate + "|" + explicit;
        String albumId = SpotifyIds.derived("album|" + albumKey);
        AlbumJson albumJson = new AlbumJson(
                albumId, album, releaseDate, albumType, albumArtists, "spotify:album:" + albumId, "album");
        Map<String, String> externalIds = isrc == null || isrc.isBlank() ? Map.of() : Map.of("isrc", isrc);
        return new TrackJson(
                id,
                "spotify:track:" + id,
                title,
                trackArtists,
                albumJson,
                durationMs,
                explicit,
                externalIds,
                false,
                true,
                trackNumber,
                1,
                "track");
    }
}
