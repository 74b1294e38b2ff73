package io.musicsync.api;

import static io.javalin.apibuilder.ApiBuilder.get;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.musicsync.engine.EngineHealth;
import io.musicsync.engine.SyncEngine;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/health}: the original fields ({@code status, timestamp, temporal_connected, version}) plus
 * the mode, the engine's details and each dependency. "unhealthy" (503) when the engine cannot take work,
 * "degraded" when a dependency (Spotify login, AI) needs attention. When the API needs a token, a caller without it
 * sees only the status, not the account or the mode's details.
 */
public final class HealthRoute implements ApiRoutes {

    static final String PATH = "/api/v1/health";

    private final SyncEngine engine;
    private final List<HealthCheck> checks;
    private final String version;
    private final Clock clock;

    public HealthRoute(SyncEngine engine, List<HealthCheck> checks, String version, Clock clock) {
        this.engine = engine;
        this.checks = List.copyOf(checks);
        this.version = version;
        this.clock = clock;
    }

    @Override
    public void declare(TokenAccess access) {
        get(PATH, ctx -> health(ctx, access.isClient(ctx)), ApiRole.PUBLIC);
    }

    private void health(Context ctx, boolean showDetails) {
        EngineHealth engineHealth = engine.health();
        Map<String, Object> body = new LinkedHashMap<>();
        boolean degraded = false;
        Map<String, Object> dependencies = new LinkedHashMap<>();
        for (HealthCheck check : checks) {
            HealthCheck.Report report = check.check();
            degraded |= !report.healthy();
            Map<String, Object> details = new LinkedHashMap<>(report.details());
            details.put("healthy", report.healthy());
            dependencies.put(check.name(), details);
        }
        String status = !engineHealth.healthy() ? "unhealthy" : degraded ? "degraded" : "healthy";
        body.put("status", status);
        body.put("timestamp", clock.instant());
        body.put("temporal_connected", engineHealth.temporalConnected());
        body.put("version", version);
        body.put("mode", engineHealth.mode());
        if (showDetails) {
            body.put("engine", engineHealth.details());
            body.putAll(dependencies);
        }
        ctx.status(engineHealth.healthy() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .json(body);
    }
}
