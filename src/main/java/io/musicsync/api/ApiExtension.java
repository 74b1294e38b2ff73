package io.musicsync.api;

import io.javalin.config.JavalinConfig;

/**
 * More routes on the API's server (e.g. the MCP endpoint), declared at configuration time like ours. Declare
 * each route with an {@link ApiRole}: one without {@link ApiRole#PUBLIC} needs the API token, checked by the
 * server. The limits (body size, rate limit, CORS, headers) apply to them as to every route. A servlet added
 * through {@code config.jetty} bypasses Javalin's handlers and must check the token itself.
 */
@FunctionalInterface
public interface ApiExtension {

    void configure(JavalinConfig config);
}
