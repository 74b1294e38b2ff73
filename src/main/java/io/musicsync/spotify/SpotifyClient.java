package io.musicsync.spotify;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.MusicCatalog;
import io.musicsync.domain.PlaylistDirectory;
import io.musicsync.domain.PlaylistPage;
import io.musicsync.domain.PlaylistService;
import io.musicsync.domain.PlaylistSummary;
import io.musicsync.domain.ServiceUnavailableException;
import io.musicsync.domain.SongQuery;
import io.musicsync.domain.TrackSearch;
import io.musicsync.songtext.TitleParser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Spotify Web API calls music-sync makes, as the API is in 2026 (Development Mode): search limited to 10,
 * playlist entries under {@code /items} (never {@code /tracks}), {@code POST /me/playlists}.
 * Errors surface as the typed failures of {@code io.musicsync.domain}; retrying them is the engine's job.
 */
public final class SpotifyClient implements MusicCatalog, PlaylistService, TrackSearch, PlaylistDirectory {

    /** Spotify refuses a search limit above this since 2026. */
    public static final int MAX_SEARCH_LIMIT = 10;
    /** Page size for playlist entries and the user's playlists (Spotify's maximum). */
    public static final int PLAYLIST_PAGE_SIZE = 50;

    private static final TitleParser TITLES = new TitleParser();

    private final SpotifyHttp http;

    public SpotifyClient(HttpClient httpClient, URI apiUrl, AccessTokenSource tokens, RateLimitGate gate) {
        this.http = new SpotifyHttp(httpClient, apiUrl, tokens, gate, SpotifyJson.newMapper());
    }

    /**
     * Finds candidates for a song. With an ISRC, searches by it and also by title, artist and album (without the
     * album when that finds nothing), ISRC results first: an ISRC Spotify shares between recordings, or one
     * Apple Music got wrong, must not hide the right recording, nor the explicit twin of a clean one, from the
     * matcher. Only when all that finds nothing: the title stripped of what Apple Music adds and Spotify often
     * writes differently ("(feat. X)", "[Remastered]", " - Single Version"), then plain words, which tolerates
     * artist spellings like "Beatles" for "The Beatles". The matcher, not the search, decides what is the same
     * recording.
     *
     * @return tracks de-duplicated by URI, in Spotify's order; empty when nothing was found
     */
    @Override
    public List<CatalogTrack> searchForSong(SongQuery song) {
        List<CatalogTrack> found = new ArrayList<>();
        if (song.isrc() != null && !song.isrc().isBlank()) {
            found.addAll(search("isrc:" + clean(song.isrc()).toUpperCase(Locale.ROOT), MAX_SEARCH_LIMIT, 0)
                    .tracks());
        }
        String artist = " artist:\"" + clean(song.artist()) + "\"";
        String titleAndArtist = "track:\"" + clean(song.title()) + "\"" + artist;
        List<String> byTitle = new ArrayList<>();
        if (song.album() != null && !song.album().isBlank()) {
            byTitle.add(titleAndArtist + " album:\"" + clean(song.album()) + "\"");
        }
        byTitle.add(titleAndArtist);
        found.addAll(firstFound(byTitle));
        if (!found.isEmpty()) {
            return distinctByUri(found);
        }
        List<String> looser = new ArrayList<>();
        String core = clean(TITLES.parseTitle(song.title()).core());
        if (!core.isEmpty() && !core.equalsIgnoreCase(clean(song.title()))) {
            looser.add("track:\"" + core + "\"" + artist);
        }
        looser.add(clean(song.title()) + " " + clean(song.artist()));
        return distinctByUri(firstFound(looser));
    }

    /** The results of the first query that finds anything; each query runs only when the previous found nothing. */
    private List<CatalogTrack> firstFound(List<String> queries) {
        for (String query : queries) {
            List<CatalogTrack> found = search(query, MAX_SEARCH_LIMIT, 0).tracks();
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    /** One page of a track search. @throws IllegalArgumentException for a limit outside 1-10 */
    public SearchPage search(String query, int limit, int offset) {
        if (limit < 1 || limit > MAX_SEARCH_LIMIT) {
            throw new IllegalArgumentException("search limit must be 1-" + MAX_SEARCH_LIMIT + ", was " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("search offset must not be negative, was " + offset);
        }
        JsonNode page = http.get(
                        "/search?q=" + encode(query) + "&type=track&limit=" + limit + "&offset=" + offset, null)
                .path("tracks");
        List<CatalogTrack> tracks = new ArrayList<>();
        for (JsonNode item : page.path("items")) {
            CatalogTrack track = TrackReader.parse(item);
            if (track != null) {
                tracks.add(track);
            }
        }
        return new SearchPage(
                tracks,
                page.path("offset").asInt(offset),
                page.path("total").asInt(tracks.size()),
                page.hasNonNull("next"));
    }

    /** One page of the playlist's entries ({@code GET /playlists/{id}/items}). */
    @Override
    public PlaylistPage playlistItems(String playlistId, int offset, int limit) {
        if (limit < 1 || limit > PLAYLIST_PAGE_SIZE) {
            throw new IllegalArgumentException(
                    "playlist page limit must be 1-" + PLAYLIST_PAGE_SIZE + ", was " + limit);
        }
        JsonNode page = http.get(
                "/playlists/" + encode(playlistId) + "/items?offset=" + offset + "&limit=" + limit, playlistId);
        List<String> uris = new ArrayList<>();
        for (JsonNode entry : page.path("items")) {
            uris.add(TrackReader.entryUri(entry));
        }
        return new PlaylistPage(
                uris, page.path("offset").asInt(offset), page.path("total").asInt(uris.size()));
    }

    /** Every entry's URI in playlist order (null for local files and removed tracks). */
    @Override
    public List<String> allPlaylistUris(String playlistId) {
        List<String> uris = new ArrayList<>();
        PlaylistPage page;
        do {
            page = playlistItems(playlistId, uris.size(), PLAYLIST_PAGE_SIZE);
            uris.addAll(page.uris());
        } while (page.hasMore() && !page.uris().isEmpty());
        return uris;
    }

    /**
     * Appends the URIs in batches of at most 100. Not idempotent: Spotify duplicates tracks already there.
     *
     * @return the playlist's snapshot id after the last batch
     */
    @Override
    public String addItems(String playlistId, List<String> uris) {
        if (uris.isEmpty()) {
            throw new IllegalArgumentException("no URIs to add");
        }
        String snapshot = null;
        for (int from = 0; from < uris.size(); from += MAX_ADD_BATCH) {
            List<String> batch = uris.subList(from, Math.min(uris.size(), from + MAX_ADD_BATCH));
            JsonNode answer =
                    http.post("/playlists/" + encode(playlistId) + "/items", Map.of("uris", batch), playlistId);
            snapshot = requiredText(answer, "snapshot_id", "adding to playlist " + playlistId);
        }
        return snapshot;
    }

    /** The playlist's current version ({@code GET /playlists/{id}?fields=snapshot_id}). */
    @Override
    public String playlistSnapshot(String playlistId) {
        JsonNode answer = http.get("/playlists/" + encode(playlistId) + "?fields=snapshot_id", playlistId);
        return requiredText(answer, "snapshot_id", "reading playlist " + playlistId);
    }

    public SpotifyUser me() {
        JsonNode me = http.get("/me", null);
        return new SpotifyUser(
                requiredText(me, "id", "reading /me"),
                TrackReader.text(me, "display_name"),
                TrackReader.text(me, "uri"));
    }

    /** Creates a playlist owned by the logged-in user ({@code POST /me/playlists}). */
    public SpotifyPlaylist createPlaylist(String name, String description, boolean isPublic) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("description", description == null ? "" : description);
        body.put("public", isPublic);
        return playlist(http.post("/me/playlists", body, null));
    }

    /** Every playlist the user owns or follows, paging through {@code /me/playlists}. */
    public List<SpotifyPlaylist> myPlaylists() {
        List<SpotifyPlaylist> playlists = new ArrayList<>();
        while (true) {
            JsonNode page = http.get("/me/playlists?limit=" + PLAYLIST_PAGE_SIZE + "&offset=" + playlists.size(), null);
            int before = playlists.size();
            for (JsonNode item : page.path("items")) {
                if (!item.isNull()) {
                    playlists.add(playlist(item));
                }
            }
            if (!page.hasNonNull("next") || playlists.size() == before) {
                return playlists;
            }
        }
    }

    @Override
    public List<CatalogTrack> searchTracks(String query, int limit) {
        return search(query, limit, 0).tracks();
    }

    @Override
    public List<CatalogTrack> searchByIsrc(String isrc, int limit) {
        return search("isrc:" + clean(isrc).toUpperCase(Locale.ROOT), limit, 0).tracks();
    }

    @Override
    public List<PlaylistSummary> userPlaylists() {
        return myPlaylists().stream()
                .map(p -> new PlaylistSummary(p.id(), p.name(), p.uri(), p.ownerId(), p.itemCount()))
                .toList();
    }

    private static SpotifyPlaylist playlist(JsonNode node) {
        JsonNode items = node.has("items") ? node.path("items") : node.path("tracks");
        return new SpotifyPlaylist(
                requiredText(node, "id", "reading a playlist"),
                TrackReader.text(node, "name"),
                TrackReader.text(node, "uri"),
                TrackReader.text(node.path("owner"), "id"),
                items.path("total").asInt(0),
                TrackReader.text(node, "snapshot_id"));
    }

    private static List<CatalogTrack> distinctByUri(List<CatalogTrack> tracks) {
        Map<String, CatalogTrack> byUri = new LinkedHashMap<>();
        for (CatalogTrack track : tracks) {
            byUri.putIfAbsent(track.uri(), track);
        }
        return List.copyOf(byUri.values());
    }

    /** Quotes delimit field filters in Spotify's query syntax, so they cannot appear inside a value. */
    private static String clean(String value) {
        return value.replace('"', ' ').strip();
    }

    private static String requiredText(JsonNode node, String field, String context) {
        String value = TrackReader.text(node, field);
        if (value == null) {
            throw new ServiceUnavailableException("Spotify's answer lacks " + field + " when " + context);
        }
        return value;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
