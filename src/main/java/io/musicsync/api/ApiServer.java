package io.musicsync.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.musicsync.api.dto.ErrorBody;
import io.musicsync.engine.EngineUnavailableException;
import io.musicsync.engine.SyncEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API (Javalin on virtual threads). Talks to a {@link SyncEngine} and never knows which mode runs it.
 * When an API token is configured every {@code /api/v1} call except health must carry it.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private final Javalin app;
    private final Clock clock;

    /**
     * @param apiToken the bearer token clients must send, or null when the API is bound to loopback only
     */
    public ApiServer(
            SyncEngine engine,
            SyncRequestParser parser,
            List<HealthCheck> healthChecks,
            BooleanSupplier aiAvailable,
            String apiToken,
            String version,
            Clock clock) {
        this.clock = clock;
        ObjectMapper mapper = ApiJson.newMapper();
        this.app = Javalin.create(config -> {
            config.useVirtualThreads = true;
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(mapper, true));
        });
        byte[] expected = apiToken == null ? null : ("Bearer " + apiToken).getBytes(StandardCharsets.UTF_8);
        Predicate<Context> authorized = ctx -> expected == null || hasToken(ctx, expected);
        app.before("/api/v1/*", ctx -> {
            if (!ctx.path().equals(HealthRoute.PATH) && !authorized.test(ctx)) {
                ctx.status(HttpStatus.UNAUTHORIZED)
                        .json(new ErrorBody(
                                "unauthorized",
                                "Send the API token as 'Authorization: Bearer <API_TOKEN>'",
                                null,
                                clock.instant()));
                ctx.skipRemainingHandlers();
            }
        });
        new SyncRoutes(engine, parser, aiAvailable, mapper, clock).register(app);
        new HealthRoute(engine, healthChecks, version, clock, authorized).register(app);
        registerDocs();
        registerErrors();
    }

    private static boolean hasToken(Context ctx, byte[] expected) {
        String header = ctx.header("Authorization");
        byte[] given = header == null ? new byte[0] : header.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given);
    }

    private void registerDocs() {
        String openApi = resource("api/openapi.json");
        String docsPage = resource("api/docs.html");
        app.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        app.get("/docs", ctx -> ctx.html(docsPage));
        app.get("/", ctx -> ctx.redirect("/docs"));
    }

    private void registerErrors() {
        app.exception(
                ValidationException.class,
                (e, ctx) -> ctx.status(HttpStatus.UNPROCESSABLE_CONTENT)
                        .json(new ErrorBody(
                                "validation_error",
                                "Invalid request: " + e.getMessage(),
                                e.errors(),
                                clock.instant())));
        app.exception(
                EngineUnavailableException.class,
                (e, ctx) -> ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .json(new ErrorBody("service_unavailable", e.getMessage(), null, clock.instant())));
        // Javalin's own refusals (e.g. 413 for a body over its limit) keep their status but answer our JSON.
        app.exception(
                HttpResponseException.class,
                (e, ctx) -> ctx.status(e.getStatus())
                        .json(new ErrorBody(
                                HttpStatus.forStatus(e.getStatus()).name().toLowerCase(java.util.Locale.ROOT),
                                e.getMessage(),
                                null,
                                clock.instant())));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .json(new ErrorBody("internal_error", "Internal server error", null, clock.instant()));
        });
        app.error(HttpStatus.NOT_FOUND, ctx -> {
            // Our own 404s are JSON already; Javalin's for an unknown route is plain text.
            String type = ctx.res().getContentType();
            if (type == null || !type.startsWith("application/json")) {
                ctx.json(new ErrorBody(
                        "not_found", "No such endpoint: " + ctx.method() + " " + ctx.path(), null, clock.instant()));
            }
        });
        app.error(
                HttpStatus.METHOD_NOT_ALLOWED,
                ctx -> ctx.json(new ErrorBody(
                        "method_not_allowed",
                        ctx.method() + " is not allowed on " + ctx.path(),
                        null,
                        clock.instant())));
    }

    public ApiServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private static String resource(String name) {
        try (InputStream in = ApiServer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
