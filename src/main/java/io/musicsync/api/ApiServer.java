package io.musicsync.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.javalin.plugin.bundled.GlobalHeadersConfig;
import io.musicsync.api.dto.ErrorBody;
import io.musicsync.engine.EngineUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API (Javalin on virtual threads). Every route is declared here at configuration time with the role
 * that may call it ({@link ApiRole}); one access check enforces the roles, one rate limit and one set of limits
 * and security headers guard every route. It talks to a sync engine and never knows which mode runs it.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final Set<HandlerType> ENDPOINT_METHODS =
            Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    /** The page's policy: our own scripts only, no framing (Swagger UI needs inline styles and data: images). */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
                    + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
                    + " frame-ancestors 'none'";

    private final Javalin app;
    private final Duration idleTimeout;
    private final List<String> declared = new CopyOnWriteArrayList<>();

    /**
     * @param routes the route groups, declared in this order inside the server's API builder
     * @param extensions more routes or handlers (e.g. the MCP endpoint), configured after ours
     */
    public ApiServer(
            List<ApiRoutes> routes, List<ApiExtension> extensions, String apiToken, ApiLimits limits, Clock clock) {
        this.idleTimeout = limits.idleTimeout();
        ObjectMapper mapper = ApiJson.newMapper();
        TokenAccess access = new TokenAccess(apiToken, clock);
        ClientRateLimit rateLimit = new ClientRateLimit(limits.rateLimitPerMinute(), clock);
        this.app = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.startup.startupWatcherEnabled = false;
            config.jsonMapper(new JavalinJackson(mapper, true));
            config.events.handlerAdded(h -> {
                if (ENDPOINT_METHODS.contains(h.getHttpMethod())) {
                    declared.add(h.getHttpMethod().name() + " " + h.getPath());
                }
            });
            applyLimits(config, limits);
            securityHeaders(config);
            cors(config, limits.corsOrigins());
            StaticPages.configure(config);
            config.routes.before(rateLimit::check);
            config.routes.beforeMatched(access::check);
            config.routes.apiBuilder(() -> routes.forEach(group -> group.declare(access)));
            extensions.forEach(extension -> extension.configure(config, access));
            errors(config.routes, clock);
        });
    }

    private static void applyLimits(JavalinConfig config, ApiLimits limits) {
        config.http.maxRequestSize = limits.maxBodyBytes();
        // Library uploads (the import route) are parts of their own size; above 1 MB they go to a temporary file.
        config.jetty.multipartConfig.maxFileSize(ApiLimits.MAX_UPLOAD_BYTES, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxTotalRequestSize(ApiLimits.MAX_UPLOAD_BYTES, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
        config.jetty.modifyHttpConfiguration(http -> {
            // A client that stops sending is cut off by the connector's idle timeout (set in start()).
            // Headers beyond 8 KiB (a header flood) get 431 from Jetty before any handler runs.
            http.setRequestHeaderSize(8 * 1024);
            http.setSendServerVersion(false);
        });
    }

    private static void securityHeaders(JavalinConfig config) {
        config.bundledPlugins.enableGlobalHeaders(headers -> {
            headers.contentSecurityPolicy(CONTENT_SECURITY_POLICY);
            headers.xFrameOptions(GlobalHeadersConfig.XFrameOptions.DENY);
            headers.xContentTypeOptionsNoSniff();
            headers.referrerPolicy(GlobalHeadersConfig.ReferrerPolicy.NO_REFERRER);
        });
    }

    /** Closed unless {@code CORS_ORIGINS} lists origins; never a wildcard, never with credentials (cookies). */
    private static void cors(JavalinConfig config, List<String> origins) {
        if (origins.isEmpty()) {
            return;
        }
        config.bundledPlugins.enableCors(cors -> origins.forEach(origin -> cors.addRule(rule -> {
            rule.allowHost(origin);
            rule.allowCredentials = false;
            rule.exposeHeader("Retry-After");
        })));
    }

    private static void errors(RoutesConfig routes, Clock clock) {
        routes.exception(
                ValidationException.class,
                (e, ctx) -> ctx.status(HttpStatus.UNPROCESSABLE_CONTENT)
                        .json(new ErrorBody(
                                "validation_error",
                                "Invalid request: " + e.getMessage(),
                                e.errors(),
                                clock.instant())));
        routes.exception(
                EngineUnavailableException.class,
                (e, ctx) -> ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .json(new ErrorBody("service_unavailable", e.getMessage(), null, clock.instant())));
        // Javalin's own refusals (e.g. 413 for a body over its limit) keep their status but answer our JSON.
        routes.exception(
                HttpResponseException.class,
                (e, ctx) -> ctx.status(e.getStatus())
                        .json(new ErrorBody(
                                HttpStatus.forStatus(e.getStatus()).name().toLowerCase(Locale.ROOT),
                                e.getMessage(),
                                null,
                                clock.instant())));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .json(new ErrorBody("internal_error", "Internal server error", null, clock.instant()));
        });
        routes.error(HttpStatus.NOT_FOUND, ctx -> {
            // Our own 404s are JSON already; Javalin's for an unknown route is plain text.
            String type = ctx.res().getContentType();
            if (type == null || !type.startsWith("application/json")) {
                ctx.json(new ErrorBody(
                        "not_found", "No such endpoint: " + ctx.method() + " " + ctx.path(), null, clock.instant()));
            }
        });
        routes.error(
                HttpStatus.METHOD_NOT_ALLOWED,
                ctx -> ctx.json(new ErrorBody(
                        "method_not_allowed",
                        ctx.method() + " is not allowed on " + ctx.path(),
                        null,
                        clock.instant())));
    }

    public ApiServer start(String host, int port) {
        app.start(host, port);
        // The connector exists once started; its idle timeout applies to every connection accepted from now on.
        for (Connector connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof AbstractConnector withTimeout) {
                withTimeout.setIdleTimeout(idleTimeout.toMillis());
            }
        }
        return this;
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return app.port();
    }

    /** Every endpoint declared, as "METHOD /path/{param}": the OpenAPI check compares them with the document. */
    public List<String> endpoints() {
        return List.copyOf(declared);
    }

    @Override
    public void close() {
        app.stop();
    }
}
