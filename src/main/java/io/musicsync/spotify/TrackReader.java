package io.musicsync.spotify;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicsync.domain.CatalogTrack;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads Spotify's track object, tolerating the fields Development Mode leaves out. */
public final class TrackReader {

    private TrackReader() {}

    /** @return the track, or null when the node is not a usable track (null, local file, no URI) */
    public static CatalogTrack parse(JsonNode node) {
        if (node == null
                || node.isNull()
                || node.isMissingNode()
                || node.path("is_local").asBoolean(false)) {
            return null;
        }
        String uri = text(node, "uri");
        if (uri == null) {
            return null;
        }
        List<String> artists = new ArrayList<>();
        for (JsonNode artist : node.path("artists")) {
            String name = text(artist, "name");
            if (name != null) {
                artists.add(name);
            }
        }
        JsonNode album = node.path("album");
        String isrc = text(node.path("external_ids"), "isrc");
        return new CatalogTrack(
                text(node, "id"),
                uri,
                text(node, "name"),
                artists,
                text(album, "name"),
                text(album, "release_date"),
                node.path("duration_ms").asInt(0),
                node.path("explicit").asBoolean(false),
                isrc == null ? null : isrc.strip().toUpperCase(Locale.ROOT));
    }

    /** The URI of a playlist entry's track ({@code item}, else the deprecated {@code track}); null when none. */
    static String entryUri(JsonNode entry) {
        JsonNode item = entry.path("item");
        if (item.isMissingNode() || item.isNull()) {
            item = entry.path("track");
        }
        if (item.isMissingNode()
                || item.isNull()
                || entry.path("is_local").asBoolean(false)
                || item.path("is_local").asBoolean(false)) {
            return null;
        }
        return text(item, "uri");
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
