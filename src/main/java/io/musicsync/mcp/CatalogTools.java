package io.musicsync.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.musicsync.api.SyncRequestParser;
import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.TrackSearch;
import java.util.List;

/** {@code search_track} and {@code search_by_isrc}: the catalog as it is, without our matching. */
final class CatalogTools {

    private static final int DEFAULT_LIMIT = 5;
    private static final String TRACK_SCHEMA = """
            {"type": "object",
             "properties": {
               "id": {"type": "string"},
               "uri": {"type": "string", "description": "pass this to add_track_to_playlist"},
               "name": {"type": "string"},
               "artists": {"type": "array", "items": {"type": "string"}},
               "album": {"type": ["string", "null"]},
               "release_date": {"type": ["string", "null"]},
               "duration_ms": {"type": "integer"},
               "explicit": {"type": "boolean"},
               "isrc": {"type": ["string", "null"]}},
             "required": ["id", "uri", "name", "artists", "duration_ms", "explicit"]}
            """;

    private static final String TRACKS_SCHEMA = """
            {"type": "object",
             "properties": {"tracks": {"type": "array", "items": %s}},
             "required": ["tracks"]}
            """.formatted(TRACK_SCHEMA);

    private final TrackSearch catalog;

    CatalogTools(TrackSearch catalog) {
        this.catalog = catalog;
    }

    /** The tracks a search found, in the service's order, each as the domain describes it. */
    record Tracks(List<CatalogTrack> tracks) {}

    List<SyncToolSpecification> specifications(ToolFactory tools) {
        return List.of(
                tools.tool(
                        "search_track",
                        "Search Spotify tracks",
                        ToolFactory.Kind.READ_ONLY,
                        "Searches Spotify's catalog with a free-text query (Spotify's syntax works, e.g."
                                + " 'track:\"Yesterday\" artist:\"The Beatles\"') and returns the tracks in Spotify's"
                                + " order, unscored. To put a song into a playlist prefer sync_song, which matches"
                                + " the exact recording and adds it at most once.",
                        """
                        {"type": "object",
                         "properties": {
                           "query": {"type": "string", "minLength": 1, "maxLength": 250},
                           "limit": {"type": "integer", "minimum": 1, "maximum": %d, "default": %d}},
                         "required": ["query"],
                         "additionalProperties": false}
                        """.formatted(TrackSearch.MAX_LIMIT, DEFAULT_LIMIT),
                        TRACKS_SCHEMA,
                        call -> new Tracks(catalog.searchTracks(
                                call.arguments().text("query"),
                                call.arguments().integer("limit", DEFAULT_LIMIT, 1, TrackSearch.MAX_LIMIT)))),
                tools.tool(
                        "search_by_isrc",
                        "Find tracks by ISRC",
                        ToolFactory.Kind.READ_ONLY,
                        "Finds the Spotify tracks filed under an ISRC (International Standard Recording Code,"
                                + " e.g. GBUM71029604). Several releases of one recording may share it; an empty"
                                + " list means Spotify has none under this code.",
                        """
                        {"type": "object",
                         "properties": {"isrc": {"type": "string", "minLength": 12, "maxLength": 15}},
                         "required": ["isrc"],
                         "additionalProperties": false}
                        """,
                        TRACKS_SCHEMA,
                        call -> new Tracks(catalog.searchByIsrc(isrc(call.arguments()), TrackSearch.MAX_LIMIT))));
    }

    private static String isrc(ToolArguments arguments) {
        String isrc = SyncRequestParser.normalizedIsrc(arguments.text("isrc"));
        if (isrc == null) {
            throw new ToolArgumentException("isrc " + SyncRequestParser.ISRC_RULE);
        }
        return isrc;
    }
}
