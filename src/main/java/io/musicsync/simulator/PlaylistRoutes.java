package io.musicsync.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * A playlist and its items: read, add (201, duplicates allowed, at most 100), remove, change details; and the
 * legacy {@code /tracks} endpoint, which answers 403 to Development-Mode apps. As on Spotify: items are readable
 * and changeable only by the owner and collaborators (403 otherwise), a change needs the modify scope of the
 * playlist's visibility, reads show changes only after the store's lag, and {@code fields} filters the answer.
 */
final class PlaylistRoutes {

    private static final int MAX_URIS_PER_CALL = 100;
    private static final String TRACK_URI_PREFIX = "spotify:track:";
    private static final String EPISODE_URI_PREFIX = "spotify:episode:";

    private final Catalog catalog;
    private final PlaylistStore playlists;
    private final RequestGuard guard;
    private final JsonBody body;
    private final ObjectMapper json;

    PlaylistRoutes(Catalog catalog, PlaylistStore playlists, RequestGuard guard, ObjectMapper json) {
        this.catalog = catalog;
        this.playlists = playlists;
        this.guard = guard;
        this.body = new JsonBody(json);
        this.json = json;
    }

    void register(Javalin app) {
        app.get("/v1/playlists/{id}", guard.api(Endpoint.PLAYLIST, this::playlist));
        app.put("/v1/playlists/{id}", guard.api(Endpoint.CHANGE_DETAILS, this::changeDetails));
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
        respond(ctx, WebApiViews.playlist(ctx, visible(ctx)));
    }

    private void items(Context ctx) {
        Playlist playlist = visible(ctx);
        if (!playlist.editableBy(SpotifySimulator.USER_ID)) {
            throw ApiException.forbidden();
        }
        if (!playlist.isPublic()) {
            guard.requireScope(ctx, playlist.collaborative() ? "playlist-read-collaborative" : "playlist-read-private");
        }
        Paging paging = Paging.read(ctx, 50, 20, Integer.MAX_VALUE);
        Map<String, String> query =
                ctx.queryParam("fields") == null ? Map.of() : Map.of("fields", ctx.queryParam("fields"));
        String href = WebApiViews.apiBase(ctx) + "/playlists/" + playlist.id() + "/items";
        respond(
                ctx,
                paging.page(
                        playlist.entries(),
                        entry -> WebApiViews.item(
                                ctx, entry, catalog.byUri(entry.uri()).orElse(null)),
                        href,
                        query));
    }

    private void add(Context ctx) {
        Playlist playlist = changeable(ctx, "You cannot add tracks to a playlist you don't own.");
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
        Playlist playlist = changeable(ctx, "You cannot remove tracks from a playlist you don't own.");
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

    /** {@code PUT /playlists/{id}}: name, description, public, collaborative; 200 with no body, as on Spotify. */
    private void changeDetails(Context ctx) {
        Playlist playlist = current(ctx);
        if (!playlist.ownedBy(SpotifySimulator.USER_ID)) {
            throw ApiException.forbidden();
        }
        guard.requireScope(ctx, modifyScope(playlist));
        JsonNode request = body.object(ctx);
        change(() -> playlists.changeDetails(
                playlist.id(),
                request.hasNonNull("name") ? request.get("name").asText() : null,
                request.hasNonNull("description") ? request.get("description").asText() : null,
                request.hasNonNull("public") ? request.get("public").asBoolean() : null,
                request.hasNonNull("collaborative")
                        ? request.get("collaborative").asBoolean()
                        : null));
        ctx.status(200);
    }

    private void checkUris(List<String> uris) {
        if (uris.size() > MAX_URIS_PER_CALL) {
            throw ApiException.badRequest("You can add a maximum of 100 tracks per request.");
        }
        for (String uri : uris) {
            if (uri.startsWith(EPISODE_URI_PREFIX) && SpotifyIds.isId(uri.substring(EPISODE_URI_PREFIX.length()))) {
                continue;
            }
            if (!uri.startsWith(TRACK_URI_PREFIX) || !SpotifyIds.isId(uri.substring(TRACK_URI_PREFIX.length()))) {
                throw ApiException.badRequest("Invalid track uri: " + uri);
            }
            if (catalog.byUri(uri).isEmpty()) {
                throw ApiException.badRequest("Payload contains a non-existing ID");
            }
        }
    }

    /** Renders an answer, filtered by {@code fields} when the call has one. */
    private void respond(Context ctx, Object answer) {
        String fields = ctx.queryParam("fields");
        if (fields == null || fields.isBlank()) {
            ctx.json(answer);
            return;
        }
        ctx.json(FieldsFilter.parse(fields).apply(json.valueToTree(answer)));
    }

    private Playlist visible(Context ctx) {
        return playlists.visible(ctx.pathParam("id")).orElseThrow(() -> ApiException.notFound("Resource not found"));
    }

    private Playlist current(Context ctx) {
        return playlists.current(ctx.pathParam("id")).orElseThrow(() -> ApiException.notFound("Resource not found"));
    }

    /** A playlist the user may change: owner or collaborator, and a token with the scope of its visibility. */
    private Playlist changeable(Context ctx, String notOwned) {
        Playlist playlist = current(ctx);
        if (!playlist.editableBy(SpotifySimulator.USER_ID)) {
            throw new ApiException(403, notOwned);
        }
        guard.requireScope(ctx, modifyScope(playlist));
        return playlist;
    }

    private static String modifyScope(Playlist playlist) {
        return playlist.isPublic() ? "playlist-modify-public" : "playlist-modify-private";
    }

    private static Playlist change(Supplier<Playlist> change) {
        try {
            return change.get();
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("Resource not found"); // removed by a concurrent reset
        }
    }
}
