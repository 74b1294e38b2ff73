package io.musicsync.simulator;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues and checks tokens like Spotify's accounts service: authorization codes (optionally PKCE), access tokens
 * with a lifetime, refresh tokens that may rotate. Strict as Spotify: only registered clients (the default one,
 * {@link SpotifySimulator#DEFAULT_CLIENT_ID}, plus any a test registers), their secret checked ({@code invalid_client}
 * "Invalid client secret"), only refresh tokens it issued or was given ({@code invalid_grant} "Invalid refresh token"
 * otherwise), and a token carries exactly the scopes asked for at authorization (none when none were asked).
 */
final class TokenAuthority {

    static final String SCOPES =
            "playlist-read-private playlist-read-collaborative playlist-modify-public" + " playlist-modify-private";
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    /** Above this many access tokens, expired ones are forgotten (a long demo refreshes many times). */
    private static final int MAX_LIVE_TOKENS = 1000;

    /** Whether a bearer token is usable for a call. */
    enum AccessCheck {
        VALID,
        EXPIRED,
        UNKNOWN,
        INSUFFICIENT_SCOPE
    }

    private record AccessGrant(Instant expiresAt, Set<String> scopes) {}

    private record AuthCode(
            String clientId, String redirectUri, String codeChallenge, String scope, Instant expiresAt) {}

    private final Map<String, AccessGrant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, AuthCode> codes = new ConcurrentHashMap<>();
    /** Scopes of the refresh tokens that work: those issued here and those given by {@link #addRefreshToken}. */
    private final Map<String, String> refreshTokenScopes = new ConcurrentHashMap<>();
    /** Registered client ids and their secrets. */
    private final Map<String, String> clients = new ConcurrentHashMap<>();

    private final Set<String> revokedRefreshTokens = ConcurrentHashMap.newKeySet();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final SimulatorOptions defaults;
    private volatile Duration accessTokenLifetime;
    private volatile boolean rotateRefreshTokens;
    private volatile boolean invalidGrant;

    TokenAuthority(Clock clock, SimulatorOptions options) {
        this.clock = clock;
        this.defaults = options;
        resetSettings();
    }

    void resetSettings() {
        clients.clear();
        clients.put(SpotifySimulator.DEFAULT_CLIENT_ID, SpotifySimulator.DEFAULT_CLIENT_SECRET);
        revokedRefreshTokens.remove(SpotifySimulator.DEFAULT_REFRESH_TOKEN);
        refreshTokenScopes.put(SpotifySimulator.DEFAULT_REFRESH_TOKEN, SCOPES);
        accessTokenLifetime = defaults.accessTokenLifetime();
        rotateRefreshTokens = defaults.rotateRefreshTokens();
        invalidGrant = false;
    }

    void registerClient(String clientId, String clientSecret) {
        clients.put(clientId, clientSecret);
    }

    /** Makes {@code refreshToken} a working refresh token with these scopes (space-separated). */
    void addRefreshToken(String refreshToken, String scope) {
        revokedRefreshTokens.remove(refreshToken);
        refreshTokenScopes.put(refreshToken, scope);
    }

    /**
     * Checks who calls the token endpoint: a registered client id, and its secret when one is presented (PKCE
     * clients present none).
     */
    void checkClient(String clientId, String clientSecret) {
        String registered = clientId == null ? null : clients.get(clientId);
        if (registered == null) {
            throw OAuthException.invalidClient("Invalid client");
        }
        if (clientSecret != null && !registered.equals(clientSecret)) {
            throw OAuthException.invalidClient("Invalid client secret");
        }
    }

    boolean isRegistered(String clientId) {
        return clientId != null && clients.containsKey(clientId);
    }

    void setAccessTokenLifetime(Duration lifetime) {
        accessTokenLifetime = lifetime;
    }

    void setRotateRefreshTokens(boolean rotate) {
        rotateRefreshTokens = rotate;
    }

    void setInvalidGrant(boolean on) {
        invalidGrant = on;
    }

    /** Makes every access token issued so far expired, as if an hour had passed. */
    void expireAccessTokens() {
        Instant now = clock.instant();
        accessTokens.replaceAll((token, grant) -> new AccessGrant(now, grant.scopes()));
    }

    /**
     * @param anyOfScopes the call needs one of these scopes; empty when it needs none
     */
    AccessCheck check(String accessToken, Set<String> anyOfScopes) {
        AccessGrant grant = accessToken == null ? null : accessTokens.get(accessToken);
        if (grant == null) {
            return AccessCheck.UNKNOWN;
        }
        if (!clock.instant().isBefore(grant.expiresAt())) {
            return AccessCheck.EXPIRED;
        }
        boolean allowed = anyOfScopes.isEmpty() || anyOfScopes.stream().anyMatch(grant.scopes()::contains);
        return allowed ? AccessCheck.VALID : AccessCheck.INSUFFICIENT_SCOPE;
    }

    /** The scopes an access token was granted (empty for an unknown one). */
    Set<String> scopes(String accessToken) {
        AccessGrant grant = accessToken == null ? null : accessTokens.get(accessToken);
        return grant == null ? Set.of() : grant.scopes();
    }

    /** Records an approved authorization and returns its single-use code. */
    String authorize(String clientId, String redirectUri, String scope, String codeChallenge) {
        String code = randomToken();
        codes.put(
                code,
                new AuthCode(
                        clientId,
                        redirectUri,
                        codeChallenge,
                        scope == null ? "" : scope,
                        clock.instant().plus(CODE_LIFETIME)));
        return code;
    }

    /**
     * {@code grant_type=authorization_code}.
     *
     * @param clientSecret the secret from the Basic header, or null for PKCE
     */
    TokenResponse exchangeCode(
            String code, String redirectUri, String clientId, String clientSecret, String codeVerifier) {
        AuthCode grant = code == null ? null : codes.remove(code);
        if (grant == null || clock.instant().isAfter(grant.expiresAt())) {
            throw OAuthException.invalidGrant("Invalid authorization code");
        }
        if (!grant.clientId().equals(clientId)) {
            throw OAuthException.invalidClient("Invalid client");
        }
        if (!grant.redirectUri().equals(redirectUri)) {
            throw OAuthException.invalidGrant("Invalid redirect URI");
        }
        if (grant.codeChallenge() != null) {
            if (codeVerifier == null || !grant.codeChallenge().equals(s256(codeVerifier))) {
                throw OAuthException.invalidGrant("code_verifier was incorrect");
            }
        } else if (clientSecret == null || clientSecret.isBlank()) {
            throw OAuthException.invalidClient("Invalid client secret");
        }
        return issue(grant.scope(), randomToken());
    }

    /** {@code grant_type=refresh_token}; with rotation on, the presented token stops working. */
    TokenResponse refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw OAuthException.invalidRequest("refresh_token must be supplied");
        }
        if (invalidGrant || revokedRefreshTokens.contains(refreshToken)) {
            throw OAuthException.invalidGrant("Refresh token revoked");
        }
        String scope = refreshTokenScopes.get(refreshToken);
        if (scope == null) {
            throw OAuthException.invalidGrant("Invalid refresh token");
        }
        if (!rotateRefreshTokens) {
            return issue(scope, null);
        }
        if (!revokedRefreshTokens.add(refreshToken)) {
            throw OAuthException.invalidGrant("Refresh token revoked"); // lost a race with a concurrent refresh
        }
        refreshTokenScopes.remove(refreshToken);
        return issue(scope, randomToken());
    }

    private TokenResponse issue(String scope, String newRefreshToken) {
        String accessToken = randomToken();
        Duration lifetime = accessTokenLifetime;
        Instant now = clock.instant();
        if (accessTokens.size() > MAX_LIVE_TOKENS) {
            accessTokens.values().removeIf(grant -> !now.isBefore(grant.expiresAt()));
        }
        accessTokens.put(accessToken, new AccessGrant(now.plus(lifetime), scopeSet(scope)));
        if (newRefreshToken != null) {
            refreshTokenScopes.put(newRefreshToken, scope);
        }
        return new TokenResponse(accessToken, "Bearer", scope, lifetime.toSeconds(), newRefreshToken);
    }

    private static Set<String> scopeSet(String scope) {
        return scope.isBlank()
                ? Set.of()
                : Set.copyOf(Arrays.asList(scope.trim().split("\\s+")));
    }

    static String s256(String codeVerifier) {
        byte[] digest = SpotifyIds.sha256(codeVerifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private String randomToken() {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
