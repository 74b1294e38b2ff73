package io.musicsync.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Test support under {@code /_sim/}, the HTTP twin of the in-process API of {@link SpotifySimulator}, for tests
 * and scripts in other processes. Answers only clients on this machine.
 */
final class ControlRoutes {

    private final SpotifySimulator simulator;
    private final ObjectMapper json;
    private final JsonBody body;

    ControlRoutes(SpotifySimulator simulator, ObjectMapper json) {
        this.simulator = simulator;
        this.json = json;
        this.body = new JsonBody(json);
    }

    void register(Javalin app) {
        app.post("/_sim/tracks", local(this::addTracks));
        app.get("/_sim/stats", local(ctx -> ctx.json(simulator.stats())));
        app.post("/_sim/faults", local(this::fault));
        app.post("/_sim/latency", local(this::latency));
        app.post("/_sim/consistency-lag", local(this::consistencyLag));
        app.post("/_sim/isrc-misses", local(this::isrcMisses));
        app.post("/_sim/reset", local(ctx -> {
            simulator.reset();
            ctx.status(204);
        }));
        app.post("/_sim/playlists", local(this::createPlaylist));
        app.get("/_sim/playlists/{id}", local(this::playlistUris));
        app.post("/_sim/rate-limit", local(this::rateLimit));
        app.post("/_sim/tokens", local(this::tokens));
    }

    private static Handler local(Handler handler) {
        return ctx -> {
            if (!LoopbackCheck.isLoopback(ctx.ip())) {
                throw ApiException.forbidden();
            }
            handler.handle(ctx);
        };
    }

    private void addTracks(Context ctx) {
        List<TrackJson> tracks;
        try {
            tracks = json.readValue(ctx.body(), new TypeReference<List<TrackJson>>() {});
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("body must be a JSON array of Spotify track objects");
        }
        for (TrackJson track : tracks) {
            if (track == null
                    || track.name() == null
                    || track.artists().isEmpty()
                    || track.artists().stream().anyMatch(a -> a == null || a.name() == null)) {
                throw ApiException.badRequest("every track needs a name and at least one artist with a name");
            }
        }
        ctx.status(201).json(simulator.addCatalogTracks(tracks));
    }

    private void fault(Context ctx) {
        JsonNode request = body.object(ctx);
        try {
            simulator.injectFault(new Fault(
                    request.path("endpoint").asText("any"),
                    required(request, "status"),
                    request.path("count").asInt(1),
                    Duration.ofSeconds(request.path("retry_after").asLong(1)),
                    request.path("send_retry_after").asBoolean(true)));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        ctx.status(204);
    }

    /** {@code {"ms": n}}: playlist reads show changes n ms after they were made. */
    private void consistencyLag(Context ctx) {
        int ms = required(body.object(ctx), "ms");
        if (ms < 0) {
            throw ApiException.badRequest("ms must be >= 0");
        }
        simulator.setConsistencyLag(Duration.ofMillis(ms));
        ctx.status(204);
    }

    /** {@code {"share": 0.1}}: that share of ISRCs finds nothing through {@code isrc:} search. */
    private void isrcMisses(Context ctx) {
        JsonNode share = body.object(ctx).get("share");
        if (share == null || !share.isNumber() || share.asDouble() < 0 || share.asDouble() > 1) {
            throw ApiException.badRequest("share is required and must be a number from 0 to 1");
        }
        simulator.setIsrcMissShare(share.asDouble());
        ctx.status(204);
    }

    private void latency(Context ctx) {
        int ms = required(body.object(ctx), "ms");
        if (ms < 0) {
            throw ApiException.badRequest("ms must be >= 0");
        }
        simulator.setLatency(Duration.ofMillis(ms));
        ctx.status(204);
    }

    private void createPlaylist(Context ctx) {
        String name = body.object(ctx).path("name").asText("").trim();
        if (name.isEmpty()) {
            throw ApiException.badRequest("name is required");
        }
        ctx.status(201).json(Map.of("id", simulator.createPlaylist(name)));
    }

    private void playlistUris(Context ctx) {
        try {
            ctx.json(simulator.playlistUris(ctx.pathParam("id")));
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("Resource not found");
        }
    }

    private void rateLimit(Context ctx) {
        JsonNode request = body.object(ctx);
        try {
            simulator.setRateLimit(
                    required(request, "requests"),
                    Duration.ofSeconds(request.path("window_seconds").asLong(30)),
                    Duration.ofSeconds(request.path("retry_after").asLong(1)),
                    request.path("without_retry_after_share").asDouble(0));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        ctx.status(204);
    }

    /**
     * Token behaviour; every field is optional: {@code access_token_lifetime_seconds}, {@code expire_now},
     * {@code rotate_refresh_tokens}, {@code invalid_grant}.
     */
    private void tokens(Context ctx) {
        JsonNode request = body.object(ctx);
        if (request.has("access_token_lifetime_seconds")) {
            int seconds = required(request, "access_token_lifetime_seconds");
            if (seconds < 1) {
                throw ApiException.badRequest("access_token_lifetime_seconds must be >= 1");
            }
            simulator.setAccessTokenLifetime(Duration.ofSeconds(seconds));
        }
        if (request.has("rotate_refresh_tokens")) {
            simulator.setRotateRefreshTokens(bool(request, "rotate_refresh_tokens"));
        }
        if (request.has("invalid_grant")) {
            simulator.setInvalidGrant(bool(request, "invalid_grant"));
        }
        if (request.has("expire_now") && bool(request, "expire_now")) {
            simulator.expireAccessTokens();
        }
        ctx.status(204);
    }

    private static boolean bool(JsonNode body, String field) {
        if (!body.get(field).isBoolean()) {
            throw ApiException.badRequest(field + " must be true or false");
        }
        return body.get(field).asBoolean();
    }

    private static int required(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw ApiException.badRequest(field + " is required and must be an integer");
        }
        return value.asInt();
    }
}
