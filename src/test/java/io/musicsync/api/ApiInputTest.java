package io.musicsync.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicsync.support.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bodies that are not exactly one JSON object are refused with a JSON error, before anything starts. */
class ApiInputTest {

    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.standalone();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void trailingGarbageIsRefused() {
        TestService.Answer answer =
                service.post("/api/v1/sync", "{\"track_name\":\"Bohemian Rhapsody\",\"artist\":\"Queen\"} and more");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("error").asText()).isEqualTo("invalid_json");
    }

    @Test
    void aFieldGivenTwiceIsRefused() {
        TestService.Answer answer = service.post(
                "/api/v1/sync", "{\"track_name\":\"Hello\",\"artist\":\"Adele\",\"track_name\":\"Bohemian Rhapsody\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("message").asText()).contains("track_name");
    }

    @Test
    void anOversizedBodyGetsAJsonError() {
        String huge = "{\"track_name\":\"" + "x".repeat(2_000_000) + "\",\"artist\":\"Queen\"}";

        TestService.Answer answer = service.post("/api/v1/sync", huge);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body().get("error").asText()).isNotBlank();
        assertThat(service.simulator().stats().totalRequests()).isZero();
    }
}
