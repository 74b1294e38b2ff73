package io.musicsync.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.musicsync.activities.PlaylistWriters;
import io.musicsync.config.Settings;
import io.musicsync.domain.AddConfirmation;
import io.musicsync.domain.AddOutcome;
import io.musicsync.domain.PlaylistDirectory;
import io.musicsync.domain.PlaylistService;
import io.musicsync.domain.PlaylistSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@code get_user_playlists}, {@code verify_track_in_playlist} and {@code add_track_to_playlist}. Adds go through
 * the process's playlist writer for that playlist, so a track already in the playlist (or added by it) is
 * reported, never added twice, and an add here shares the writer with the syncs adding to the same playlist.
 */
final class PlaylistTools {

    static final String TRACK_URI = "^spotify:track:[A-Za-z0-9]{22}$";
    private static final Pattern TRACK_URI_PATTERN = Pattern.compile(TRACK_URI);
    private static final String PLAYLIST_ID = Settings.PLAYLIST_ID.pattern();

    private final PlaylistDirectory directory;
    private final PlaylistService playlists;
    private final PlaylistWriters writers;
    private final String defaultPlaylistId;

    PlaylistTools(
            PlaylistDirectory directory, PlaylistService playlists, PlaylistWriters writers, String defaultPlaylistId) {
        this.directory = directory;
        this.playlists = playlists;
        this.writers = writers;
        this.defaultPlaylistId = defaultPlaylistId;
    }

    record Playlist(String id, String name, String uri, String ownerId, int itemCount, boolean isDefault) {}

    record Playlists(List<Playlist> playlists, String defaultPlaylistId) {}

    /** Where a track is in a playlist: every position, so a duplicate shows as two. */
    record Presence(
            String playlistId, String trackUri, boolean inPlaylist, List<Integer> positions, int playlistLength) {}

    record Added(
            String playlistId,
            String trackUri,
            boolean added,
            boolean alreadyInPlaylist,
            int position,
            String confirmation,
            String message) {}

    List<SyncToolSpecification> specifications(ToolFactory tools) {
        String trackAndPlaylist = """
                {"type": "object",
                 "properties": {
                   "track_uri": {"type": "string", "pattern": "%s",
                                 "description": "a track's uri as search_track returns it, e.g. spotify:track:4u7EnebtmKWzUH433cf5Qv"},
                   "playlist_id": {"type": "string", "pattern": "%s",
                                   "description": "22 letters and digits; omit for the configured default playlist"}},
                 "required": ["track_uri"],
                 "additionalProperties": false}
                """.formatted(TRACK_URI, PLAYLIST_ID);
        return List.of(
                tools.tool(
                        "get_user_playlists",
                        "List my playlists",
                        ToolFactory.Kind.READ_ONLY,
                        "Lists the logged-in Spotify user's playlists (owned or followed) with their ids, and which"
                                + " one is the default that sync_song and add_track_to_playlist use when no"
                                + " playlist_id is given. Tracks can only be added to playlists the user owns or"
                                + " collaborates on.",
                        """
                        {"type": "object", "properties": {}, "additionalProperties": false}
                        """,
                        """
                        {"type": "object",
                         "properties": {
                           "playlists": {"type": "array", "items": {"type": "object",
                             "properties": {
                               "id": {"type": "string"}, "name": {"type": ["string", "null"]},
                               "uri": {"type": ["string", "null"]}, "owner_id": {"type": ["string", "null"]},
                               "item_count": {"type": "integer"}, "is_default": {"type": "boolean"}},
                             "required": ["id", "name", "item_count", "is_default"]}},
                           "default_playlist_id": {"type": ["string", "null"]}},
                         "required": ["playlists", "default_playlist_id"]}
                        """,
                        call -> playlists()),
                tools.tool(
                        "verify_track_in_playlist",
                        "Is this track in the playlist?",
                        ToolFactory.Kind.READ_ONLY,
                        "Reads the playlist and tells whether the track is in it and at which positions"
                                + " (0-based; more than one means it is there twice).",
                        trackAndPlaylist,
                        """
                        {"type": "object",
                         "properties": {
                           "playlist_id": {"type": "string"}, "track_uri": {"type": "string"},
                           "in_playlist": {"type": "boolean"},
                           "positions": {"type": "array", "items": {"type": "integer"}},
                           "playlist_length": {"type": "integer"}},
                         "required": ["playlist_id", "track_uri", "in_playlist", "positions", "playlist_length"]}
                        """,
                        call -> presence(trackUri(call.arguments()), playlistId(call.arguments()))),
                tools.tool(
                        "add_track_to_playlist",
                        "Add a track to a playlist (at most once)",
                        ToolFactory.Kind.ADDS_ONCE,
                        "Adds one exact track (by uri) to a playlist unless it is already there, then checks that"
                                + " it landed. Calling it again reports already_in_playlist instead of adding a"
                                + " second copy. To add a song by its title and artist use sync_song instead.",
                        trackAndPlaylist,
                        """
                        {"type": "object",
                         "properties": {
                           "playlist_id": {"type": "string"}, "track_uri": {"type": "string"},
                           "added": {"type": "boolean"}, "already_in_playlist": {"type": "boolean"},
                           "position": {"type": "integer"},
                   "confirmation": {"type": "string", "enum": ["read_back", "add_accepted", "playlist_read", "writer_record"],
                                    "description": "how it is known to be there"},
                           "message": {"type": "string"}},
                         "required": ["playlist_id", "track_uri", "added", "already_in_playlist", "position",
                                      "confirmation", "message"]}
                        """,
                        call -> add(trackUri(call.arguments()), playlistId(call.arguments()))));
    }

    private Playlists playlists() {
        List<Playlist> all = new ArrayList<>();
        for (PlaylistSummary p : directory.userPlaylists()) {
            all.add(new Playlist(
                    p.id(), p.name(), p.uri(), p.ownerId(), p.itemCount(), Objects.equals(p.id(), defaultPlaylistId)));
        }
        return new Playlists(all, defaultPlaylistId);
    }

    private Presence presence(String trackUri, String playlistId) {
        List<String> uris = playlists.allPlaylistUris(playlistId);
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < uris.size(); i++) {
            if (trackUri.equals(uris.get(i))) {
                positions.add(i);
            }
        }
        return new Presence(playlistId, trackUri, !positions.isEmpty(), positions, uris.size());
    }

    private Added add(String trackUri, String playlistId) {
        AddOutcome outcome = writers.add(playlistId, trackUri);
        AddConfirmation confirmation = outcome.confirmation();
        if (confirmation == null) {
            writers.verify(playlistId, trackUri, outcome.position());
            confirmation = outcome.added() ? AddConfirmation.READ_BACK : AddConfirmation.PLAYLIST_READ;
        }
        String message = outcome.added()
                ? "Added " + trackUri + " to playlist " + playlistId + " at position " + outcome.position()
                : trackUri + " is already in playlist " + playlistId + " (position " + outcome.position()
                        + "); nothing was added";
        return new Added(
                playlistId,
                trackUri,
                outcome.added(),
                !outcome.added(),
                outcome.position(),
                confirmation.wireName(),
                message);
    }

    private static String trackUri(ToolArguments arguments) {
        String uri = arguments.text("track_uri");
        if (!TRACK_URI_PATTERN.matcher(uri).matches()) {
            throw new ToolArgumentException(
                    "track_uri must be a Spotify track uri like spotify:track:4u7EnebtmKWzUH433cf5Qv");
        }
        return uri;
    }

    private String playlistId(ToolArguments arguments) {
        String id = arguments.optionalText("playlist_id");
        if (id == null) {
            if (defaultPlaylistId == null) {
                throw new ToolArgumentException(
                        "playlist_id is required (no DEFAULT_PLAYLIST_ID is configured); get_user_playlists lists them");
            }
            return defaultPlaylistId;
        }
        if (!Settings.PLAYLIST_ID.matcher(id).matches()) {
            throw new ToolArgumentException("playlist_id must be a Spotify playlist id: 22 letters and digits");
        }
        return id;
    }
}
