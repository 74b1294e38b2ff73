package io.musicsync.simulator;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /search} (tracks only, limit 1-10) and {@code GET /tracks/{id}}. A configurable share of ISRCs finds
 * nothing through {@code isrc:}, as Spotify's ISRC search is reported to do for real tracks at times; which ones is
 * fixed by a hash of the ISRC, so a test sees the same answer every time.
 */
final class SearchRoutes {

    private final Catalog catalog;
    private final RequestGuard guard;
    private volatile double isrcMissShare;

    SearchRoutes(Catalog catalog, RequestGuard guard, double isrcMissShare) {
        this.catalog = catalog;
        this.guard = guard;
        setIsrcMissShare(isrcMissShare);
    }

    void setIsrcMissShare(double share) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("the ISRC miss share must be 0-1, was " + share);
        }
        isrcMissShare = share;
    }

    /** Whether {@code isrc:} search for this ISRC comes back empty. */
    boolean isrcMisses(String isrc) {
        byte[] hash = SpotifyIds.sha256(isrc.trim().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        double position = ((hash[0] & 0xff) << 8 | (hash[1] & 0xff)) / 65536.0;
        return position < isrcMissShare;
    }

    List<TrackJson> search(String q) {
        SearchQuery query = SearchQuery.parse(q);
        if (query.isrc() != null && isrcMisses(query.isrc())) {
            return List.of();
        }
        return catalog.search(query);
    }

    void register(Javalin app) {
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
        List<TrackJson> found = search(q);
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
