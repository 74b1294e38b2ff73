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
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
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
     * @param mounts servlets served beside the API, behind the same token
     */
    public ApiServer(
            SyncEngine engine,
            SyncRequestParser parser,
            List<HealthCheck> healthChecks,
            BooleanSupplier aiAvailable,
            String apiToken,
            String version,
            Clock clock,
            List<ServletMount> mounts) {
        this.clock = clock;
        ObjectMapper mapper = ApiJson.newMapper();
        byte[] expected = apiToken == null ? null : ("Bearer " + apiToken).getBytes(StandardCharsets.UTF_8);
        this.app = Javalin.create(config -> {
            config.useVirtualThreads = true;
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(mapper, true));
            config.jetty.modifyServletContextHandler(
                    handler -> mounts.forEach(mount -> mount(handler, mount, expected, mapper)));
        });
        Predicate<Context> authorized = ctx -> expected == null || hasToken(ctx, expected);
        app.before("/api/v1/*", ctx -> {
            if (!ctx.path().equals(HealthRoute.PATH) && !authorized.test(ctx)) {
                ctx.status(HttpStatus.UNAUTHORIZED).json(unauthorized());
                ctx.skipRemainingHandlers();
            }
        });
        new SyncRoutes(engine, parser, aiAvailable, mapper, clock).register(app);
        new HealthRoute(engine, healthChecks, version, clock, authorized).register(app);
        registerDocs();
        registerErrors();
    }

    private static boolean hasToken(Context ctx, byte[] expected) {
        return hasToken(ctx.header("Authorization"), expected);
    }

    private static boolean hasToken(String authorization, byte[] expected) {
        byte[] given = authorization == null ? new byte[0] : authorization.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given);
    }

    /**
     * Serves the mount's servlet next to Javalin's (an exact path wins over Javalin's {@code /*}), so Javalin's
     * before-handlers do not see its requests: a filter asks for the same token.
     */
    private void mount(ServletContextHandler handler, ServletMount mount, byte[] expected, ObjectMapper mapper) {
        ServletHolder servlet = new ServletHolder(mount.servlet());
        servlet.setAsyncSupported(true);
        handler.addServlet(servlet, mount.path());
        if (expected == null) {
            return;
        }
        Filter guard = (request, response, chain) -> {
            if (hasToken(((HttpServletRequest) request).getHeader("Authorization"), expected)) {
                chain.doFilter(request, response);
                return;
            }
            HttpServletResponse refused = (HttpServletResponse) response;
            refused.setStatus(HttpStatus.UNAUTHORIZED.getCode());
            refused.setHeader("WWW-Authenticate", "Bearer");
            refused.setContentType("application/json");
            mapper.writeValue(refused.getOutputStream(), unauthorized());
        };
        FilterHolder holder = new FilterHolder(guard);
        holder.setAsyncSupported(true);
        handler.addFilter(holder, mount.path(), EnumSet.of(DispatcherType.REQUEST));
    }

    private ErrorBody unauthorized() {
        return new ErrorBody(
                "unauthorized", "Send the API token as 'Authorization: Bearer <API_TOKEN>'", null, clock.instant());
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
