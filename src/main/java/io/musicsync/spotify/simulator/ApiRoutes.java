package io.musicsync.spotify.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/** The Web API under {@code /v1}: search, tracks, playlists and their items, the current user. */
final class ApiRoutes {

    private static final int MAX_URIS_PER_CALL = 100;

    private final Catalog catalog;
    private final PlaylistStore playlists;
    private final RequestGuard guard;
    private final ObjectMapper json;

    ApiRoutes(Catalog catalog, PlaylistStore playlists, RequestGuard guard, ObjectMapper json) {
        this.catalog = catalog;
        this.playlists = playlists;
        this.guard = guard;
        this.json = json;
    }

    void register(Javalin app) {
        app.get("/v1/search", guard.api(Endpoint.SEARCH, this::search));
        app.get("/v1/tracks/{id}", guard.api(Endpoint.TRACK, this::track));
        app.get("/v1/playlists/{id}", guard.api(Endpoint.PLAYLIST, this::playlist));
        app.get("/v1/playlists/{id}/items", guard.api(Endpoint.ITEMS, this::items));
        app.post("/v1/playlists/{id}/items", guard.api(Endpoint.ADD, this::add));
        app.delete("/v1/playlists/{id}/items", guard.api(Endpoint.REMOVE, this::remove));
        for (HandlerType verb : List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.DELETE)) {
            // Development-Mode apps lost this endpoint on 2026-03-09, even for their own playlists.
            app.addHttpHandler(verb, "/v1/playlists/{id}/tracks", guard.api(Endpoint.LEGACY_TRACKS, ctx -> {
                throw ApiException.forbidden();
            }));
        }
        app.get("/v1/me", guard.api(Endpoint.ME, this::me));
        app.get("/v1/me/playlists", guard.api(Endpoint.MY_PLAYLISTS, this::myPlaylists));
        app.post("/v1/me/playlists", guard.api(Endpoint.CREATE_PLAYLIST, this::createPlaylist));
    }

    private void search(Context ctx) {
        String q = ctx.queryParam("q") != null ? ctx.queryParam("q") : ctx.queryParam("query");
        if (q == null || q.isBlank()) {
            throw ApiException.badRequest("No search query");
        }
        String type = ctx.queryParam("type");
        if (type == null || type.isBlank()) {
            throw ApiException.badRequest("Missing parameter type");
        }
        if (!Arrays.asList(type.split(",")).contains("track")) {
            throw ApiException.badRequest("Unsupported type: only track is simulated");
        }
        Paging paging = Paging.read(ctx, 10, 5, 1000);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("query", q);
        query.put("type", "track");
        if (ctx.queryParam("market") != null) {
            query.put("market", ctx.queryParam("market"));
        }
        List<TrackJson> found = catalog.search(SearchQuery.parse(q));
        ctx.json(Map.of("tracks", paging.page(found, t -> t, apiBase(ctx) + "/search", query)));
    }

    private void track(Context ctx) {
        String id = ctx.pathParam("id");
        if (!SpotifyIds.isId(id)) {
            throw ApiException.badRequest("Invalid base62 id");
        }
        ctx.json(catalog.byId(id).orElseThrow(() -> ApiException.notFound("Resource not found")));
    }

    private void playlist(Context ctx) {
        ctx.json(view(ctx, existing(ctx)));
    }

    private void items(Context ctx) {
        Playlist playlist = owned(ctx);
        Paging paging = Paging.read(ctx, 50, 20, Integer.MAX_VALUE);
        Map<String, String> query = new LinkedHashMap<>();
        if (ctx.queryParam("fields") != null) {
            query.put("fields", ctx.queryParam("fields")); // accepted, not applied
        }
        String href = apiBase(ctx) + "/playlists/" + playlist.id() + "/items";
        ctx.json(paging.page(playlist.entries(), entry -> item(ctx, entry), href, query));
    }

    private void add(Context ctx) {
        Playlist playlist = owned(ctx);
        JsonNode body = body(ctx);
        List<String> uris = new ArrayList<>();
        if (body.has("uris")) {
            if (!body.get("uris").isArray()) {
                throw ApiException.badRequest("uris must be an array of Spotify URIs");
            }
            body.get("uris").forEach(uri -> uris.add(uri.asText()));
        } else if (ctx.queryParam("uris") != null) {
            uris.addAll(Arrays.asList(ctx.queryParam("uris").split(",")));
        }
        if (uris.isEmpty()) {
            throw ApiException.badRequest("No uris provided");
        }
        checkUris(uris);
        Integer position = null;
        if (body.hasNonNull("position")) {
            JsonNode p = body.get("position");
            if (!p.canConvertToInt() || p.asInt() < 0 || p.asInt() > playlist.entries().size()) {
                throw ApiException.badRequest("Index out of bounds");
            }
            position = p.asInt();
        }
        Integer at = position;
        Playlist changed = change(() -> playlists.add(playlist.id(), uris, at, SpotifySimulator.USER_ID));
        ctx.status(201).json(Map.of("snapshot_id", changed.snapshotId()));
    }

    private void remove(Context ctx) {
        Playlist playlist = owned(ctx);
        JsonNode body = body(ctx);
        JsonNode list = body.has("items") ? body.get("items") : body.get("tracks");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw ApiException.badRequest("No items provided: send {\"items\":[{\"uri\":...}]}");
        }
        List<String> uris = new ArrayList<>();
        list.forEach(entry -> uris.add(entry.path("uri").asText("")));
        checkUris(uris);
        Playlist changed = change(() -> playlists.remove(playlist.id(), uris));
        ctx.json(Map.of("snapshot_id", changed.snapshotId()));
    }

    private void me(Context ctx) {
        ctx.json(me(apiBase(ctx)));
    }

    private void myPlaylists(Context ctx) {
        Paging paging = Paging.read(ctx, 50, 20, 100_000);
        List<Playlist> owned = playlists.ownedBy(SpotifySimulator.USER_ID);
        ctx.json(paging.page(owned, p -> view(ctx, p), apiBase(ctx) + "/me/playlists", Map.of()));
    }

    private void createPlaylist(Context ctx) {
        JsonNode body = body(ctx);
        String name = body.path("name").asText("").trim();
        if (name.isEmpty()) {
            throw ApiException.badRequest("Missing required field: name");
        }
        Playlist created = playlists.create(name, body.path("description").asText(""),
                body.path("public").asBoolean(true), SpotifySimulator.USER_ID);
        ctx.status(201).json(view(ctx, created));
    }

    private void checkUris(List<String> uris) {
        if (uris.size() > MAX_URIS_PER_CALL) {
            throw ApiException.badRequest("You can add a maximum of 100 tracks per request.");
        }
        for (String uri : uris) {
            if (!uri.startsWith("spotify:track:") || !SpotifyIds.isId(uri.substring("spotify:track:".length()))) {
                throw ApiException.badRequest("Invalid track uri: " + uri);
            }
            if (catalog.byUri(uri).isEmpty()) {
                throw ApiException.badRequest("Payload contains a non-existing ID");
            }
        }
    }

    private Playlist existing(Context ctx) {
        return playlists.find(ctx.pathParam("id")).orElseThrow(() -> ApiException.notFound("Resource not found"));
    }

    /** Items can be read or changed only on playlists the user owns (collaboration is not simulated). */
    private Playlist owned(Context ctx) {
        Playlist playlist = existing(ctx);
        if (!playlist.ownerId().equals(SpotifySimulator.USER_ID)) {
            throw ApiException.forbidden();
        }
        return playlist;
    }

    private static Playlist change(Supplier<Playlist> change) {
        try {
            return change.get();
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("Resource not found"); // deleted by a concurrent reset
        }
    }

    private JsonNode body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(text);
            if (!node.isObject()) {
                throw ApiException.badRequest("Error parsing JSON: expected an object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("Error parsing JSON.");
        }
    }

    private PlaylistItemJson item(Context ctx, PlaylistEntry entry) {
        TrackJson track = catalog.byUri(entry.uri()).orElse(null);
        UserJson addedBy = user(apiBase(ctx), entry.addedBy(), null, null);
        return new PlaylistItemJson(entry.addedAt().toString(), addedBy, false, track, track);
    }

    private static PlaylistJson view(Context ctx, Playlist p) {
        String api = apiBase(ctx);
        String href = api + "/playlists/" + p.id();
        UserJson owner = user(api, p.ownerId(), p.ownerId().equals(SpotifySimulator.USER_ID)
                ? SpotifySimulator.USER_DISPLAY_NAME : p.ownerId(), null);
        return new PlaylistJson(false, p.description(), href, p.id(), List.of(), p.name(), owner, p.isPublic(),
                p.snapshotId(), new PlaylistJson.ItemsRef(href + "/items", p.entries().size()), "playlist",
                "spotify:playlist:" + p.id());
    }

    static UserJson me(String api) {
        return user(api, SpotifySimulator.USER_ID, SpotifySimulator.USER_DISPLAY_NAME,
                SpotifyIds.derived("account|" + SpotifySimulator.USER_ID));
    }

    private static UserJson user(String api, String id, String displayName, String accountId) {
        return new UserJson(id, displayName, "spotify:user:" + id, accountId, "user", api + "/users/" + id);
    }

    static String apiBase(Context ctx) {
        return ctx.scheme() + "://" + ctx.host() + "/v1";
    }
}
