package io.musicsync.api;

import static io.javalin.apibuilder.ApiBuilder.get;

import java.util.function.Supplier;

/** {@code GET /metrics}: the Prometheus text page; needs the token like the API (Prometheus sends it). */
public final class MetricsRoute implements ApiRoutes {

    public static final String PATH = "/metrics";
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Supplier<String> page;

    public MetricsRoute(Supplier<String> page) {
        this.page = page;
    }

    @Override
    public void declare(TokenAccess access) {
        get(PATH, ctx -> ctx.contentType(CONTENT_TYPE).result(page.get()), ApiRole.CLIENT);
    }
}
