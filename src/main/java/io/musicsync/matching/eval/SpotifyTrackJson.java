package io.musicsync.matching.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicsync.sync.Track;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a Spotify track object (as the search API returns it) into a {@link Track}. Deliberately small and local to
 * evaluation: the Spotify client has its own mapping, which this one should be unified with.
 */
public final class SpotifyTrackJson {

    private SpotifyTrackJson() {
    }

    public static Track parse(JsonNode node) {
        List<String> artists = new ArrayList<>();
        for (JsonNode artist : node.path("artists")) {
            String name = artist.path("name").asText("");
            if (!name.isBlank()) {
                artists.add(name);
            }
        }
        JsonNode album = node.path("album");
        String isrc = node.path("external_ids").path("isrc").asText(null);
        String id = node.path("id").asText("");
        String uri = node.path("uri").asText(id.isEmpty() ? "" : "spotify:track:" + id);
        return new Track(id, uri, node.path("name").asText(""), artists, album.path("name").asText(""),
                album.path("release_date").asText(null), node.path("duration_ms").asInt(0),
                node.path("explicit").asBoolean(false),
                isrc == null || isrc.isBlank() ? null : isrc.trim().toUpperCase(Locale.ROOT));
    }
}
