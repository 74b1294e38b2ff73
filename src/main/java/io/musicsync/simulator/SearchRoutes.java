package io.musicsync.simulator;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /search} (tracks only, limit 1-10) and {@code GET /tracks/{id}}. */
final class SearchRoutes {

    private final Catalog catalog;
    private final RequestGuard guard;

    SearchRoutes(Catalog catalog, RequestGuard guard) {
        this.catalog = catalog;
        this.guard = guard;
    }

    void register(JavalinDefaultRoutingApi app) {
        app.get("/v1/search", guard.api(Endpoint.SEARCH, this::search));
        app.get("/v1/tracks/{id}", guard.api(Endpoint.TRACK, this::track));
    }

    private void search(Context ctx) {
        // Spotify's own next/previous links carry the query as "query".
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
        String href = WebApiViews.apiBase(ctx) + "/search";
        ctx.json(Map.of("tracks", paging.page(found, track -> track, href, query)));
    }

    private void track(Context ctx) {
        String id = ctx.pathParam("id");
        if (!SpotifyIds.isId(id)) {
            throw ApiException.badRequest("Invalid base62 id");
        }
        ctx.json(catalog.byId(id).orElseThrow(() -> ApiException.notFound("Resource not found")));
    }
}
