package io.musicsync.spotify.simulator;

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
public record TrackJson(String id, String uri, String name, List<ArtistJson> artists, AlbumJson album,
                        @JsonProperty("duration_ms") int durationMs, boolean explicit,
                        @JsonProperty("external_ids") Map<String, String> externalIds,
                        @JsonProperty("is_local") boolean isLocal, @JsonProperty("is_playable") boolean isPlayable,
                        @JsonProperty("track_number") int trackNumber, @JsonProperty("disc_number") int discNumber,
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

    /** A copy with id, uri and type filled in where a posted track object left them out. */
    TrackJson completed() {
        String trackId = SpotifyIds.isId(id) ? id : SpotifyIds.derived("track|" + name + "|"
                + artists.stream().map(ArtistJson::name).toList() + "|" + (album == null ? "" : album.name()));
        return new TrackJson(trackId, "spotify:track:" + trackId, name, artists, album, durationMs, explicit,
                externalIds, false, true, Math.max(1, trackNumber), Math.max(1, discNumber), "track");
    }
}
