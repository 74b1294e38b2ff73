package io.musicsync.api;

import io.javalin.config.JavalinConfig;

/**
 * More routes on the API's server (e.g. the MCP endpoint), declared at configuration time like ours, after them.
 * Declare each Javalin route with an {@link ApiRole}: one without {@link ApiRole#PUBLIC} needs the API token,
 * checked by the server, and the body limit, rate limit, CORS and headers apply as to every route. A servlet is
 * best added as a {@link ServletMount}, which puts the same token check in front of it.
 */
@FunctionalInterface
public interface ApiExtension {

    /** @param access the server's token check, for handlers Javalin does not run (servlets, filters) */
    void configure(JavalinConfig config, TokenAccess access);
}
