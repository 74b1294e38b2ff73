package io.musicsync.api;

/**
 * A group of routes, declared inside the server's {@code config.routes.apiBuilder}: use {@code ApiBuilder}'s
 * {@code path/get/post} with an {@link ApiRole} on every route.
 */
@FunctionalInterface
public interface ApiRoutes {

    /** @param access tells whether a request carries the token, for a public route that shows more to clients */
    void declare(TokenAccess access);
}
