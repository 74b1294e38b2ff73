package io.musicsync.api;

import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import io.musicsync.api.dto.ErrorBody;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;

/** Enforces the roles routes declare: every route but the {@link ApiRole#PUBLIC} ones needs the bearer token. */
public final class TokenAccess {

    private final byte[] expected;
    private final Clock clock;

    /** @param token the API token, or null when none is configured (every caller is then a client) */
    TokenAccess(String token, Clock clock) {
        this.expected = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** Whether this request carries the token (compared in constant time). */
    public boolean isClient(Context ctx) {
        return isClient(ctx.header(Header.AUTHORIZATION));
    }

    /** @param authorization the request's {@code Authorization} header, or null */
    public boolean isClient(String authorization) {
        if (expected == null) {
            return true;
        }
        byte[] given = authorization == null ? new byte[0] : authorization.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given);
    }

    /** The 401 body, for handlers that answer the refusal themselves (a servlet filter). */
    public ErrorBody unauthorized() {
        return new ErrorBody(
                "unauthorized", "Send the API token as 'Authorization: Bearer <API_TOKEN>'", null, clock.instant());
    }

    /** A before-matched handler: refuses with 401 when the route is not public and the token is missing. */
    void check(Context ctx) {
        if (!ctx.routeRoles().contains(ApiRole.PUBLIC) && !isClient(ctx)) {
            ctx.header(Header.WWW_AUTHENTICATE, "Bearer");
            ctx.status(HttpStatus.UNAUTHORIZED).json(unauthorized());
            ctx.skipRemainingHandlers();
        }
    }
}
