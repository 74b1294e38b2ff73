package io.musicsync.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** JSON over loopback HTTP for the bench's own calls (setting up, submitting, polling). */
public final class BenchHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client;
    private final ObjectMapper json = new ObjectMapper();

    public BenchHttp(HttpClient client) {
        this.client = client;
    }

    public HttpClient client() {
        return client;
    }

    public ObjectMapper json() {
        return json;
    }

    /** A response: status and body parsed as JSON (a missing node when the body is empty or not JSON). */
    public record Answer(int status, JsonNode body) {}

    public Answer get(URI url) throws InterruptedException {
        return send(HttpRequest.newBuilder(url).GET(), Map.of());
    }

    public Answer postJson(URI url, Object body, Map<String, String> headers) throws InterruptedException {
        try {
            return send(
                    HttpRequest.newBuilder(url)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    body instanceof String text ? text : json.writeValueAsString(body))),
                    headers);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public Answer postForm(URI url, String form) throws InterruptedException {
        return send(
                HttpRequest.newBuilder(url)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)),
                Map.of());
    }

    private Answer send(HttpRequest.Builder request, Map<String, String> headers) throws InterruptedException {
        headers.forEach(request::header);
        try {
            HttpResponse<String> response =
                    client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode parse(String body) {
        try {
            return body.isBlank() ? json.missingNode() : json.readTree(body);
        } catch (JsonProcessingException notJson) {
            return json.missingNode();
        }
    }

    /** Throws unless the answer has this status; the message shows the body. */
    public static Answer expect(Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + ": HTTP " + answer.status() + " " + answer.body());
        }
        return answer;
    }
}
