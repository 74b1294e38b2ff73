package io.musicsync.spotify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicsync.domain.InsufficientScopeException;
import io.musicsync.domain.InvalidCredentialsException;
import io.musicsync.domain.PlaylistNotFoundException;
import io.musicsync.domain.RequestRejectedException;
import io.musicsync.domain.ServiceUnavailableException;
import io.musicsync.domain.SyncException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * Sends one Spotify API call: through the shared {@link RateLimitGate}, with a bearer token, and turns the
 * answer into JSON or a typed {@link SyncException} (decided by the status code, never by the message).
 *
 * <p>A 429 re-queues the call behind Spotify's Retry-After, or behind the gate's backoff when it has none (the gate
 * fails fast when the wait is too long); a 401
 * is retried once with a refreshed token. Everything else is for the caller (the engine) to retry.
 */
final class SpotifyHttp {

    /** Consecutive 429 answers after which the call gives up rather than queueing again. */
    static final int MAX_RATE_LIMITED_ATTEMPTS = 8;

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String apiUrl;
    private final AccessTokenSource tokens;
    private final RateLimitGate gate;
    private final ObjectMapper json;

    SpotifyHttp(HttpClient http, URI apiUrl, AccessTokenSource tokens, RateLimitGate gate, ObjectMapper json) {
        this.http = http;
        this.apiUrl = apiUrl.toString().replaceAll("/+$", "");
        this.tokens = tokens;
        this.gate = gate;
        this.json = json;
    }

    /** @param playlistId the playlist the call is about (turns 404 into PlaylistNotFound), or null */
    JsonNode get(String pathAndQuery, String playlistId) {
        return send("GET", pathAndQuery, null, playlistId);
    }

    JsonNode post(String path, Object body, String playlistId) {
        try {
            return send("POST", path, json.writeValueAsString(body), playlistId);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode the request body", e);
        }
    }

    private JsonNode send(String method, String pathAndQuery, String body, String playlistId) {
        String replacement = null;
        int rateLimited = 0;
        while (true) {
            gate.acquire();
            // Asked after the gate: a long wait there may outlast the token.
            String token = replacement != null ? replacement : tokens.accessToken();
            HttpResponse<String> response = exchange(method, pathAndQuery, body, token);
            int status = response.statusCode();
            if (status != 429) {
                gate.answered();
            }
            if (status >= 200 && status < 300) {
                return parseSuccess(response.body(), method, pathAndQuery);
            }
            if (status == 429) {
                Instant until =
                        retryAfter(response).map(gate::rateLimited).orElseGet(gate::rateLimitedWithoutRetryAfter);
                if (++rateLimited >= MAX_RATE_LIMITED_ATTEMPTS) {
                    throw gate.rateLimitedError(until);
                }
            } else if (status == 401 && replacement == null) {
                replacement = tokens.replaceRejected(token);
            } else {
                throw error(status, method, pathAndQuery, response.body(), playlistId);
            }
        }
    }

    private HttpResponse<String> exchange(String method, String pathAndQuery, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiUrl + pathAndQuery))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServiceUnavailableException(
                    "could not reach Spotify for " + method + " " + path(pathAndQuery) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("cancelled during " + method + " " + path(pathAndQuery));
        }
    }

    private SyncException error(int status, String method, String pathAndQuery, String body, String playlistId) {
        String spotifyMessage = parse(body).path("error").path("message").asText("");
        String what = method + " " + path(pathAndQuery) + " answered " + status
                + (spotifyMessage.isEmpty() ? "" : ": " + spotifyMessage);
        if (status >= 500) {
            return new ServiceUnavailableException("Spotify failed: " + what);
        }
        return switch (status) {
            case 401 -> new InvalidCredentialsException("Spotify rejected the access token after a refresh: " + what);
            case 403 -> new InsufficientScopeException("Spotify refused access: " + what);
            case 404 ->
                playlistId != null
                        ? new PlaylistNotFoundException("Spotify playlist " + playlistId
                                + " does not exist or is not visible to this account: " + what)
                        : new RequestRejectedException("Spotify found nothing at " + what);
            default -> new RequestRejectedException("Spotify refused the request: " + what);
        };
    }

    private JsonNode parseSuccess(String body, String method, String pathAndQuery) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            throw new ServiceUnavailableException(
                    "Spotify answered " + method + " " + path(pathAndQuery) + " with malformed JSON", e);
        }
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    /** Spotify's Retry-After in seconds; empty when it sent none (or none we can read): then we back off. */
    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers()
                .firstValue("Retry-After")
                .map(String::strip)
                .filter(v -> v.matches("\\d{1,9}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v)));
    }

    private static String path(String pathAndQuery) {
        int query = pathAndQuery.indexOf('?');
        return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    }
}
