package io.musicsync.api;

import io.javalin.security.RouteRole;

/**
 * Who may call a route, declared with the route. A route without {@link #PUBLIC} needs the API token when one is
 * configured, so a route added without a role is closed, not open.
 */
public enum ApiRole implements RouteRole {
    /** Anyone: health, the dashboard page and the API docs (they hold no data). */
    PUBLIC,
    /** A client holding the API token (anyone when no token is configured: loopback only). */
    CLIENT
}
