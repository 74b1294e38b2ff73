package io.musicsync.simulator;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A track object in the Development-Mode wire format of 2026: no popularity, available_markets, linked_from or
 * preview_url. {@code external_ids} is empty when the ISRC is unknown.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrackJson(
        String id,
        String uri,
        String name,
        List<ArtistJson> artists,
        AlbumJson album,
        @JsonProperty("duration_ms") int durationMs,
        boolean explicit,
        @JsonProperty("external_ids") Map<String, String> externalIds,
        @JsonProperty("is_local") boolean isLocal,
        @JsonProperty("is_playable") boolean isPlayable,
        @JsonProperty("track_number") int trackNumber,
        @JsonProperty("disc_number") int discNumber,
        String type) {

    public TrackJson {
        artists = artists == null ? List.of() : List.copyOf(artists);
        externalIds = externalIds == null ? Map.of() : Map.copyOf(externalIds);
    }

    /** The ISRC, or null when the catalog does not know it. */
    @JsonIgnore
    public String isrc() {
        return externalIds.get("isrc");
    }

    /**
     * A copy with the ids, URIs and types a posted track object left out derived (so stable), and the flags
     * Spotify always sends. A missing album stays missing, so clients can be tested against sparse tracks.
     */
    TrackJson completed() {
        List<ArtistJson> fullArtists =
                artists.stream().map(ArtistJson::completed).toList();
        String trackId = SpotifyIds.isId(id)
                ? id
                : SpotifyIds.derived("track|" + name + "|"
                        + fullArtists.stream().map(ArtistJson::name).toList() + "|"
                        + (album == null ? "" : album.name()));
        AlbumJson fullAlbum = album == null ? null : album.completed(fullArtists);
        return new TrackJson(
                trackId,
                "spotify:track:" + trackId,
                name,
                fullArtists,
                fullAlbum,
                durationMs,
                explicit,
                externalIds,
                false,
                true,
                Math.max(1, trackNumber),
                Math.max(1, discNumber),
                "track");
    }
}
