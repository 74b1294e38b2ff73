package io.musicsync.spotify;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.InsufficientScopeException;
import io.musicsync.domain.MusicCatalog;
import io.musicsync.domain.PlaylistDirectory;
import io.musicsync.domain.PlaylistPage;
import io.musicsync.domain.PlaylistService;
import io.musicsync.domain.PlaylistSummary;
import io.musicsync.domain.ServiceCallListener;
import io.musicsync.domain.ServiceUnavailableException;
import io.musicsync.domain.SongQuery;
import io.musicsync.domain.SyncException;
import io.musicsync.domain.TrackSearch;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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
    /** What a playlist page read asks for: each entry's URI (new and deprecated place) and local flag, the paging. */
    static final String ITEM_FIELDS = "items(is_local,item(uri,is_local),track(uri,is_local)),offset,total";

    private final SpotifyHttp http;

    public SpotifyClient(HttpClient httpClient, URI apiUrl, AccessTokenSource tokens, RateLimitGate gate) {
        this(httpClient, apiUrl, tokens, gate, ServiceCallListener.NONE);
    }

    /** @param calls told about every call (endpoint, status, latency), for metrics */
    public SpotifyClient(
            HttpClient httpClient,
            URI apiUrl,
            AccessTokenSource tokens,
            RateLimitGate gate,
            ServiceCallListener calls) {
        this.http = new SpotifyHttp(httpClient, apiUrl, tokens, gate, SpotifyJson.newMapper(), calls);
    }

    /**
     * Finds candidates for a song in as few calls as it can (see {@link SearchQueries} for how the queries suit
     * Spotify's strict search): with an ISRC, {@code isrc:} first, but never alone, since an ISRC Spotify shares
     * between recordings, one Apple Music got wrong, or an ISRC search that comes back empty (it does, for real
     * tracks) must not hide the right recording, nor the explicit twin of a clean one, from the matcher; then
     * {@code track:"core" artist:"first artist"}. Only when that finds nothing: the same words as free text (which
     * finds them in any field, e.g. an artist Spotify credits only in the title), then the title's core alone (an
     * artist Apple Music spells differently).
     * The matcher, not the search, decides what is the same recording.
     *
     * @return tracks de-duplicated by URI, in Spotify's order; empty when nothing was found
     */
    @Override
    public List<CatalogTrack> searchForSong(SongQuery song) {
        List<CatalogTrack> found = new ArrayList<>();
        String isrc = SearchQueries.isrc(song);
        if (isrc != null) {
            found.addAll(search(isrc, MAX_SEARCH_LIMIT, 0).tracks());
        }
        found.addAll(firstFound(List.of(
                SearchQueries.titleAndArtist(song), SearchQueries.freeText(song), SearchQueries.titleOnly(song))));
        return distinctByUri(found);
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
        JsonNode page = explainingForbidden(
                playlistId,
                false,
                () -> http.get(
                        "/playlists/" + encode(playlistId) + "/items?offset=" + offset + "&limit=" + limit + "&fields="
                                + encode(ITEM_FIELDS),
                        playlistId));
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
            JsonNode answer = explainingForbidden(
                    playlistId,
                    true,
                    () -> http.post("/playlists/" + encode(playlistId) + "/items", Map.of("uris", batch), playlistId));
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

    /**
     * Runs a playlist call; a 403 on it is explained, as Spotify's message does not say which of two causes it is:
     * the playlist belongs to someone else (and we do not collaborate on it), or the login lacks the scope this
     * playlist's visibility needs. One look at the playlist and at {@code /me} tells them apart.
     */
    private JsonNode explainingForbidden(String playlistId, boolean write, Supplier<JsonNode> call) {
        try {
            return call.get();
        } catch (InsufficientScopeException refused) {
            throw explain(playlistId, write, refused);
        }
    }

    private InsufficientScopeException explain(String playlistId, boolean write, InsufficientScopeException refused) {
        JsonNode playlist;
        String me;
        try {
            playlist = http.get(
                    "/playlists/" + encode(playlistId) + "?fields=" + encode("owner(id),public,collaborative"),
                    playlistId);
            me = me().id();
        } catch (SyncException unknown) {
            return refused; // cannot tell: keep Spotify's answer
        }
        String owner = TrackReader.text(playlist.path("owner"), "id");
        boolean collaborative = playlist.path("collaborative").asBoolean(false);
        if (owner != null && !owner.equals(me) && !collaborative) {
            return new InsufficientScopeException(
                    "Spotify playlist " + playlistId + " belongs to " + owner
                            + ": you can only add to playlists you own or collaborate on",
                    refused);
        }
        boolean isPublic = playlist.path("public").asBoolean(false);
        String scope = write
                ? (isPublic ? "playlist-modify-public" : "playlist-modify-private")
                : (collaborative ? "playlist-read-collaborative" : "playlist-read-private");
        return new InsufficientScopeException(
                "the Spotify login lacks the " + scope + " scope that " + (isPublic ? "public" : "private")
                        + " playlist " + playlistId + " needs: log in again with ./music-sync login",
                refused);
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
        return search(SearchQueries.isrc(isrc), limit, 0).tracks();
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
