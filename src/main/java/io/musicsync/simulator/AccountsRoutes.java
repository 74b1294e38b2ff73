package io.musicsync.simulator;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.security.BasicAuthCredentials;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The accounts service: {@code GET /authorize} (approves at once) and {@code POST /api/token}. */
final class AccountsRoutes {

    private final TokenAuthority tokens;
    private final RequestGuard guard;

    AccountsRoutes(TokenAuthority tokens, RequestGuard guard) {
        this.tokens = tokens;
        this.guard = guard;
    }

    void register(Javalin app) {
        app.get("/authorize", guard.accounts(Endpoint.AUTHORIZE, this::authorize));
        app.post("/api/token", guard.accounts(Endpoint.TOKEN, this::token));
    }

    /** No login page: the simulated user approves every request, so the browser goes straight back. */
    private void authorize(Context ctx) {
        String clientId = ctx.queryParam("client_id");
        String redirectUri = ctx.queryParam("redirect_uri");
        if (!tokens.isRegistered(clientId)) {
            refuse(ctx, "INVALID_CLIENT: Invalid client");
            return;
        }
        if (!"code".equals(ctx.queryParam("response_type"))) {
            refuse(ctx, "response_type must be code");
            return;
        }
        URI redirect = parseRedirect(redirectUri);
        if (redirect == null) {
            refuse(ctx, "INVALID_CLIENT: Invalid redirect URI");
            return;
        }
        // Spotify takes HTTPS, or plain HTTP only to a loopback IP literal; "localhost" is refused.
        if (!"https".equalsIgnoreCase(redirect.getScheme()) && !LoopbackCheck.isLoopback(redirect.getHost())) {
            refuse(ctx, "INVALID_CLIENT: Insecure redirect URI");
            return;
        }
        String method = ctx.queryParam("code_challenge_method");
        String challenge = ctx.queryParam("code_challenge");
        if (challenge != null && !"S256".equals(method)) {
            refuse(ctx, "code_challenge_method must be S256");
            return;
        }
        String code = tokens.authorize(clientId, redirectUri, ctx.queryParam("scope"), challenge);
        String state = ctx.queryParam("state");
        String target = redirectUri + (redirect.getRawQuery() == null ? "?" : "&") + "code=" + encode(code)
                + (state == null ? "" : "&state=" + encode(state));
        ctx.redirect(target, HttpStatus.FOUND);
    }

    private void token(Context ctx) {
        try {
            BasicAuthCredentials basic = basicCredentials(ctx);
            String clientId = basic != null ? basic.getUsername() : ctx.formParam("client_id");
            String secret = basic != null ? basic.getPassword() : null;
            tokens.checkClient(clientId, secret);
            String grantType = ctx.formParam("grant_type");
            TokenResponse response = switch (grantType == null ? "" : grantType) {
                case "refresh_token" -> tokens.refresh(ctx.formParam("refresh_token"));
                case "authorization_code" ->
                    tokens.exchangeCode(
                            ctx.formParam("code"),
                            ctx.formParam("redirect_uri"),
                            clientId,
                            secret,
                            ctx.formParam("code_verifier"));
                case "" -> throw new OAuthException(400, "unsupported_grant_type", "grant_type parameter is missing");
                default ->
                    throw new OAuthException(
                            400,
                            "unsupported_grant_type",
                            "grant_type must be client_credentials, authorization_code or refresh_token");
            };
            ctx.header("Cache-Control", "no-store").json(response);
        } catch (OAuthException e) {
            ctx.status(e.status()).json(new OAuthErrorJson(e.error(), e.getMessage()));
        }
    }

    private static BasicAuthCredentials basicCredentials(Context ctx) {
        try {
            return ctx.basicAuthCredentials();
        } catch (IllegalArgumentException e) {
            throw OAuthException.invalidClient("Invalid client: malformed Basic authorization header");
        }
    }

    private static URI parseRedirect(String redirectUri) {
        if (redirectUri == null || redirectUri.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(redirectUri);
            return uri.getScheme() == null || uri.getHost() == null ? null : uri;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static void refuse(Context ctx, String message) {
        ctx.status(400).contentType("text/plain").result(message);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
