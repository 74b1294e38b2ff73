package io.musicsync.simulator;

import io.javalin.Javalin;
import java.util.List;

/**
 * Endpoints Spotify marks deprecated in its 2026 description and has closed to Development-Mode apps: they answer
 * 403, as {@code /playlists/{id}/tracks} does since 2026-03-09 (see docs/spotify-fidelity.md), rather than 404.
 */
final class RemovedEndpoints {

    static final List<String> GET_PATHS = List.of(
            "/v1/tracks",
            "/v1/albums",
            "/v1/artists",
            "/v1/artists/{id}/top-tracks",
            "/v1/artists/{id}/related-artists",
            "/v1/audio-features",
            "/v1/audio-features/{id}",
            "/v1/audio-analysis/{id}",
            "/v1/recommendations",
            "/v1/users/{id}/playlists",
            "/v1/browse/featured-playlists",
            "/v1/browse/categories/{id}/playlists");

    private final RequestGuard guard;

    RemovedEndpoints(RequestGuard guard) {
        this.guard = guard;
    }

    void register(Javalin app) {
        for (String path : GET_PATHS) {
            app.get(path, guard.api(Endpoint.REMOVED, ctx -> {
                throw ApiException.forbidden();
            }));
        }
        app.post("/v1/users/{id}/playlists", guard.api(Endpoint.REMOVED, ctx -> {
            throw ApiException.forbidden();
        }));
    }
}
