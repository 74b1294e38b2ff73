package io.musicsync.spotify;

import io.musicsync.config.Settings;
import io.musicsync.domain.Sleeper;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Spotify's authorization-code flow: with PKCE (S256) for an app without a client secret, or with HTTP Basic
 * when {@code SPOTIFY_CLIENT_SECRET} is set. How the redirected address reaches us (callback listener or a
 * pasted line) is up to the caller; this class builds the URL, checks the answer and stores the login.
 */
public final class OAuthLogin {

    public static final String SCOPES =
            "playlist-read-private playlist-read-collaborative playlist-modify-public playlist-modify-private";

    private final Settings.Spotify spotify;
    private final HttpClient http;
    private final TokenEndpoint endpoint;
    private final TokenStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public OAuthLogin(Settings.Spotify spotify, HttpClient http, TokenStore store, Clock clock) {
        if (spotify.clientId() == null) {
            throw new LoginFailedException("SPOTIFY_CLIENT_ID is not set: create an app at"
                    + " https://developer.spotify.com/dashboard, add " + spotify.redirectUri()
                    + " as its redirect URI and set SPOTIFY_CLIENT_ID to its client id");
        }
        this.spotify = spotify;
        this.http = http;
        this.endpoint = new TokenEndpoint(http, spotify.accountsUrl(), spotify.clientId(), spotify.clientSecret());
        this.store = store;
        this.clock = clock;
    }

    /** Starts an attempt: a fresh state and, for a PKCE client, a fresh verifier. */
    public AuthorizationRequest begin() {
        String state = randomToken(16);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", spotify.clientId());
        query.put("response_type", "code");
        query.put("redirect_uri", spotify.redirectUri().toString());
        query.put("state", state);
        query.put("scope", SCOPES);
        String verifier = null;
        if (endpoint.usesPkce()) {
            verifier = randomToken(64);
            query.put("code_challenge_method", "S256");
            query.put("code_challenge", challenge(verifier));
        }
        String encoded = query.entrySet().stream()
                .map(e -> e.getKey() + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)
                                .replace("+", "%20"))
                .collect(Collectors.joining("&"));
        URI authorize = URI.create(spotify.accountsUrl().toString().replaceAll("/+$", "") + "/authorize?" + encoded);
        return new AuthorizationRequest(authorize, spotify.redirectUri(), state, verifier);
    }

    /**
     * Finishes the attempt with the address Spotify redirected the browser to: checks the state, exchanges the
     * code, asks who logged in and stores the login (file mode 0600).
     *
     * @throws LoginFailedException when the user refused, the state does not match or no code came back
     */
    public StoredLogin complete(AuthorizationRequest request, URI redirected) {
        Map<String, String> params = queryParameters(redirected);
        if (!request.state().equals(params.get("state"))) {
            throw new LoginFailedException("the redirect does not belong to this login (state mismatch): start"
                    + " ./music-sync login again and use the newest link");
        }
        if (params.containsKey("error")) {
            throw new LoginFailedException("Spotify did not grant access: " + params.get("error"));
        }
        String code = params.get("code");
        if (code == null || code.isBlank()) {
            throw new LoginFailedException("the redirect carries no authorization code");
        }
        TokenResponse tokens = endpoint.exchangeCode(code, request.redirectUri(), request.codeVerifier());
        if (tokens.refreshToken() == null) {
            throw new LoginFailedException("Spotify answered the code exchange without a refresh token");
        }
        RateLimitGate gate =
                new RateLimitGate(clock, Sleeper.system(), spotify.maxRateLimitWait(), spotify.maxRequestsPerSecond());
        SpotifyUser user =
                new SpotifyClient(http, spotify.apiUrl(), AccessTokenSource.fixed(tokens.accessToken()), gate).me();
        StoredLogin login = new StoredLogin(null, null, null, null, null, null, clock.instant())
                .withTokens(tokens, clock.instant())
                .withUser(user);
        store.save(login);
        return login;
    }

    /** The PKCE S256 challenge: base64url(SHA-256(verifier)) without padding. */
    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private String randomToken(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    /** The decoded query parameters of a redirect (the first value of each name). */
    static Map<String, String> queryParameters(URI uri) {
        Map<String, String> params = new HashMap<>();
        String query = uri.getRawQuery();
        if (query == null) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.putIfAbsent(
                    URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }
}
