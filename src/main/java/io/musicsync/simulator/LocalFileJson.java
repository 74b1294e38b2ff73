package io.musicsync.simulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A local file in a playlist, as Spotify shows one: a track object with no id, {@code is_local} true and a URI
 * {@code spotify:local:artist:album:title:seconds} (parts URL-encoded).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record LocalFileJson(
        String id,
        String uri,
        String name,
        List<ArtistJson> artists,
        @JsonProperty("duration_ms") int durationMs,
        @JsonProperty("is_local") boolean isLocal,
        String type) {

    static LocalFileJson of(String uri) {
        String[] parts = uri.split(":", -1);
        String artist = parts.length > 2 ? decode(parts[2]) : "";
        String title = parts.length > 4 ? decode(parts[4]) : "";
        int seconds = 0;
        if (parts.length > 5) {
            try {
                seconds = Integer.parseInt(parts[5]);
            } catch (NumberFormatException e) {
                seconds = 0;
            }
        }
        List<ArtistJson> artists = artist.isEmpty() ? List.of() : List.of(new ArtistJson(null, artist, null, "artist"));
        return new LocalFileJson(null, uri, title, artists, seconds * 1000, true, "track");
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}
