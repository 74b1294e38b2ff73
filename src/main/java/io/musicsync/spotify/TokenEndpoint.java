package io.musicsync.spotify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicsync.domain.InvalidCredentialsException;
import io.musicsync.domain.LoginExpiredException;
import io.musicsync.domain.ServiceUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

/**
 * Spotify's {@code POST /api/token}: exchanges an authorization code and refreshes access tokens.
 *
 * <p>The app authenticates with HTTP Basic when a client secret is configured; otherwise it is a PKCE client
 * and sends only its {@code client_id}.
 */
public final class TokenEndpoint {

    public static final String LOGIN_EXPIRED_MESSAGE = "Spotify login expired: run ./music-sync login";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI tokenUri;
    private final String clientId;
    private final String clientSecret;
    private final ObjectMapper json = SpotifyJson.newMapper();

    /** @param clientSecret null for a PKCE client */
    public TokenEndpoint(HttpClient http, URI accountsUrl, String clientId, String clientSecret) {
        this.http = http;
        this.tokenUri = URI.create(accountsUrl.toString().replaceAll("/+$", "") + "/api/token");
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    public boolean usesPkce() {
        return clientSecret == null;
    }

    /** @param codeVerifier the PKCE verifier, or null in the flow with a client secret */
    public TokenResponse exchangeCode(String code, URI redirectUri, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri.toString());
        if (codeVerifier != null) {
            form.put("code_verifier", codeVerifier);
        }
        return post(form, false);
    }

    /** @throws LoginExpiredException when Spotify refuses the refresh token ({@code invalid_grant}) */
    public TokenResponse refresh(String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return post(form, true);
    }

    private TokenResponse post(Map<String, String> form, boolean refreshing) {
        if (clientId == null) {
            throw new InvalidCredentialsException("SPOTIFY_CLIENT_ID is not set: set it to your Spotify app's"
                    + " client id (developer.spotify.com/dashboard)");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(tokenUri)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        if (clientSecret == null) {
            form.put("client_id", clientId);
        } else {
            String basic = Base64.getEncoder()
                    .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + basic);
        }
        HttpResponse<String> response = send(
                request.POST(HttpRequest.BodyPublishers.ofString(encode(form))).build());
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        if (status == 200) {
            return tokens(body);
        }
        String error = body.path("error").asText("");
        String description = body.path("error_description").asText("");
        if (status >= 500 || status == 429) {
            // Worth retrying later; the accounts service's limits are separate from the Web API's gate.
            throw new ServiceUnavailableException("Spotify's token endpoint is unavailable (" + status + ")");
        }
        if (refreshing && "invalid_grant".equals(error)) {
            throw new LoginExpiredException(LOGIN_EXPIRED_MESSAGE);
        }
        throw new InvalidCredentialsException("Spotify refused the token request (" + status + " " + error
                + (description.isEmpty() ? "" : ": " + description) + ")");
    }

    private TokenResponse tokens(JsonNode body) {
        String access = body.path("access_token").asText(null);
        if (access == null) {
            throw new ServiceUnavailableException("Spotify's token endpoint answered without an access token");
        }
        String refresh = body.path("refresh_token").asText(null);
        return new TokenResponse(
                access,
                body.path("scope").asText(null),
                Duration.ofSeconds(body.path("expires_in").asLong(3600)),
                refresh == null || refresh.isEmpty() ? null : refresh);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServiceUnavailableException("could not reach Spotify's token endpoint " + tokenUri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("cancelled while calling Spotify's token endpoint");
        }
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
