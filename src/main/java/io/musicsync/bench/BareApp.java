package io.musicsync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.Map;
import java.util.UUID;

/**
 * The floor for the request-latency figures: a bare Javalin app (virtual threads, Jackson, as the service) with the
 * same two routes, answering bodies of about the same size without doing anything. {@code ./music-sync bench}
 * runs it on the same JVM flags as the service. Argument: the port.
 */
public final class BareApp {

    private BareApp() {}

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        ObjectMapper json = new ObjectMapper();
        Javalin app = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.startup.startupWatcherEnabled = false;
            config.jsonMapper(new JavalinJackson(json, true));
            config.routes.post("/api/v1/sync", ctx -> {
                JsonNode body = json.readTree(ctx.body());
                String id = "sync-" + UUID.randomUUID();
                ctx.status(202)
                        .json(Map.of(
                                "workflow_id",
                                id,
                                "status",
                                "accepted",
                                "message",
                                "Sync started for " + body.path("track_name").asText(),
                                "status_url",
                                "/api/v1/sync/" + id));
            });
            config.routes.get(
                    "/api/v1/sync/{id}",
                    ctx -> ctx.json(Map.of(
                            "workflow_id", ctx.pathParam("id"),
                            "status", "completed",
                            "progress", Map.of("current_step", "done", "steps_completed", 5, "steps_total", 5),
                            "result", Map.of("success", true, "message", "Added to playlist"))));
            config.routes.get("/api/v1/health", ctx -> ctx.json(Map.of("status", "healthy")));
        });
        app.start("127.0.0.1", port);
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "bare-app-shutdown"));
    }
}
