package io.musicsync.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/** A small real-HTTP client for the simulator tests: raw requests and answers, nothing interpreted. */
final class SimHttp {

    record Answer(int status, JsonNode json, String body, HttpResponse<String> response) {
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final SpotifySimulator simulator;

    SimHttp(SpotifySimulator simulator) {
        this.simulator = simulator;
    }

    /** A fresh access token through the refresh grant, with the ready-made demo credentials. */
    String accessToken() {
        Answer answer = refresh(SpotifySimulator.DEFAULT_REFRESH_TOKEN);
        if (answer.status() != 200) {
            throw new IllegalStateException("token refresh failed: " + answer.body());
        }
        return answer.json().get("access_token").asText();
    }

    Answer refresh(String refreshToken) {
        return token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken), true);
    }

    Answer token(Map<String, String> form, boolean basicAuth) {
        return basicAuth
                ? token(form, SpotifySimulator.DEFAULT_CLIENT_ID, SpotifySimulator.DEFAULT_CLIENT_SECRET)
                : send(tokenRequest(form));
    }

    /** A token request with these client credentials in the Basic header. */
    Answer token(Map<String, String> form, String clientId, String clientSecret) {
        String credentials = clientId + ":" + clientSecret;
        return send(tokenRequest(form)
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))));
    }

    private HttpRequest.Builder tokenRequest(Map<String, String> form) {
        return HttpRequest.newBuilder(simulator.accountsUrl().resolve("/api/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
    }

    Answer get(String apiPath, String token) {
        return send(api(apiPath, token).GET());
    }

    Answer post(String apiPath, String token, String json) {
        return send(api(apiPath, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Any verb on the Web API with a JSON body. */
    Answer send(String method, String apiPath, String token, String json) {
        return send(api(apiPath, token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer delete(String apiPath, String token, String json) {
        return send(api(apiPath, token)
                .header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A request to the accounts service or {@code /_sim}, e.g. {@code raw("GET", "/authorize?..", null)}. */
    Answer raw(String method, String pathAndQuery, String json) {
        HttpRequest.BodyPublisher body =
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
        return send(HttpRequest.newBuilder(URI.create(simulator.accountsUrl() + pathAndQuery))
                .header("Content-Type", "application/json")
                .method(method, body));
    }

    private HttpRequest.Builder api(String apiPath, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(simulator.apiUrl() + apiPath));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            if (contentType.startsWith("application/json") && !response.body().isEmpty()) {
                json = JSON.readTree(response.body());
            }
            return new Answer(response.statusCode(), json, response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
