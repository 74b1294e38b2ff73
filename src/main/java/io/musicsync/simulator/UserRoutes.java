package io.musicsync.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** The current user: {@code GET /me}, {@code GET /me/playlists} (owned and followed), {@code POST /me/playlists}. */
final class UserRoutes {

    private final PlaylistStore playlists;
    private final RequestGuard guard;
    private final JsonBody body;

    UserRoutes(PlaylistStore playlists, RequestGuard guard, JsonBody body) {
        this.playlists = playlists;
        this.guard = guard;
        this.body = body;
    }

    void register(Javalin app) {
        app.get("/v1/me", guard.api(Endpoint.ME, ctx -> ctx.json(WebApiViews.me(ctx))));
        app.get("/v1/me/playlists", guard.api(Endpoint.MY_PLAYLISTS, this::myPlaylists));
        app.post("/v1/me/playlists", guard.api(Endpoint.CREATE_PLAYLIST, this::createPlaylist));
    }

    private void myPlaylists(Context ctx) {
        Paging paging = Paging.read(ctx, 50, 20, 100_000);
        List<Playlist> owned = playlists.listedFor(SpotifySimulator.USER_ID);
        String href = WebApiViews.apiBase(ctx) + "/me/playlists";
        ctx.json(paging.page(owned, p -> WebApiViews.playlist(ctx, p), href, Map.of()));
    }

    private void createPlaylist(Context ctx) {
        JsonNode request = body.object(ctx);
        String name = request.path("name").asText("").trim();
        if (name.isEmpty()) {
            throw ApiException.badRequest("Missing required field: name");
        }
        boolean isPublic = request.path("public").asBoolean(true);
        guard.requireScope(ctx, isPublic ? "playlist-modify-public" : "playlist-modify-private");
        Playlist created =
                playlists.create(name, request.path("description").asText(""), isPublic, SpotifySimulator.USER_ID);
        ctx.status(201).json(WebApiViews.playlist(ctx, created));
    }
}
