package io.musicsync.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * A playlist and its items: read, add (201, duplicates allowed, at most 100), remove; and the legacy
 * {@code /tracks} endpoint, which answers 403 to Development-Mode apps.
 */
final class PlaylistRoutes {

    private static final int MAX_URIS_PER_CALL = 100;
    private static final String TRACK_URI_PREFIX = "spotify:track:";

    private final Catalog catalog;
    private final PlaylistStore playlists;
    private final RequestGuard guard;
    private final JsonBody body;

    PlaylistRoutes(Catalog catalog, PlaylistStore playlists, RequestGuard guard, JsonBody body) {
        this.catalog = catalog;
        this.playlists = playlists;
        this.guard = guard;
        this.body = body;
    }

    void register(Javalin app) {
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
    }

    private void playlist(Context ctx) {
        ctx.json(WebApiViews.playlist(ctx, visible(ctx))); // "fields" is accepted and not applied
    }

    private void items(Context ctx) {
        Playlist playlist = owned(ctx);
        playlist = playlists.visible(playlist.id()).orElse(playlist); // reads lag behind writes
        Paging paging = Paging.read(ctx, 50, 20, Integer.MAX_VALUE);
        Map<String, String> query =
                ctx.queryParam("fields") == null ? Map.of() : Map.of("fields", ctx.queryParam("fields"));
        String href = WebApiViews.apiBase(ctx) + "/playlists/" + playlist.id() + "/items";
        ctx.json(paging.page(
                playlist.entries(),
                entry -> WebApiViews.item(ctx, entry, catalog.byUri(entry.uri()).orElse(null)),
                href,
                query));
    }

    private void add(Context ctx) {
        Playlist playlist = owned(ctx);
        JsonNode request = body.object(ctx);
        List<String> uris = new ArrayList<>();
        if (request.has("uris")) {
            if (!request.get("uris").isArray()) {
                throw ApiException.badRequest("uris must be an array of Spotify URIs");
            }
            request.get("uris").forEach(uri -> uris.add(uri.asText()));
        } else if (ctx.queryParam("uris") != null) {
            uris.addAll(Arrays.asList(ctx.queryParam("uris").split(",")));
        }
        if (uris.isEmpty()) {
            throw ApiException.badRequest("No uris provided");
        }
        checkUris(uris);
        Integer position = null;
        if (request.hasNonNull("position")) {
            JsonNode p = request.get("position");
            if (!p.canConvertToInt()
                    || p.asInt() < 0
                    || p.asInt() > playlist.entries().size()) {
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
        JsonNode request = body.object(ctx);
        JsonNode list = request.has("items") ? request.get("items") : request.get("tracks");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw ApiException.badRequest("No items provided: send {\"items\":[{\"uri\":...}]}");
        }
        List<String> uris = new ArrayList<>();
        list.forEach(entry -> uris.add(entry.path("uri").asText("")));
        checkUris(uris);
        Playlist changed = change(() -> playlists.remove(playlist.id(), uris));
        ctx.json(Map.of("snapshot_id", changed.snapshotId()));
    }

    private void checkUris(List<String> uris) {
        if (uris.size() > MAX_URIS_PER_CALL) {
            throw ApiException.badRequest("You can add a maximum of 100 tracks per request.");
        }
        for (String uri : uris) {
            if (!uri.startsWith(TRACK_URI_PREFIX) || !SpotifyIds.isId(uri.substring(TRACK_URI_PREFIX.length()))) {
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

    private Playlist visible(Context ctx) {
        return playlists.visible(ctx.pathParam("id")).orElseThrow(() -> ApiException.notFound("Resource not found"));
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
            throw ApiException.notFound("Resource not found"); // removed by a concurrent reset
        }
    }
}
