package io.musicsync.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicsync.simulator.Fault;
import io.musicsync.support.TestService;
import io.musicsync.support.TestService.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The HTTP contract (compatible with the original system's, so existing iOS Shortcuts keep working), checked
 * against the whole service: real API, real engine, real Spotify client talking to the simulator. The same suite
 * runs against both engines: standalone, and Temporal (in-JVM Temporal test server and one worker).
 */
@ParameterizedClass
@EnumSource(TestService.Mode.class)
class ApiContractTest {

    @Parameter
    TestService.Mode mode;

    private static final String BOHEMIAN = "{\"track_name\":\"Bohemian Rhapsody\",\"artist\":\"Queen\"}";

    private TestService service;

    @BeforeEach
    void start() {
        service = TestService.start(mode);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void aSongIsAcceptedFoundAddedOnceAndReported() {
        Answer accepted = service.post("/api/v1/sync", BOHEMIAN);

        assertThat(accepted.status()).isEqualTo(202);
        String id = accepted.body().get("workflow_id").asText();
        assertThat(accepted.body().get("status").asText()).isEqualTo("accepted");
        assertThat(accepted.body().get("status_url").asText()).isEqualTo("/api/v1/sync/" + id);
        // Registered before the 202: an immediate poll never 404s.
        assertThat(service.get("/api/v1/sync/" + id).status()).isEqualTo(200);

        JsonNode status = service.awaitFinished(id);

        assertThat(status.get("status").asText()).isEqualTo("completed");
        JsonNode result = status.get("result");
        assertThat(result.get("success").asBoolean()).isTrue();
        assertThat(result.get("match_method").asText()).isIn("fuzzy", "isrc");
        assertThat(result.get("confidence_score").asDouble()).isGreaterThanOrEqualTo(0.85);
        String uri = result.get("spotify_track_uri").asText();
        assertThat(service.simulator().playlistUris(service.playlistId())).containsExactly(uri);
        assertThat(status.get("progress").get("current_step").asText()).isEqualTo("completed");
        assertThat(status.get("progress").get("steps_completed").asInt()).isEqualTo(4);
        assertThat(status.get("progress").get("steps_total").asInt()).isEqualTo(4);
        assertThat(status.get("progress").get("candidates_found").asInt()).isPositive();
        assertThat(status.get("started_at").isTextual()).isTrue();
        assertThat(status.get("completed_at").isTextual()).isTrue();
        assertThat(result.get("decision").get("reasons").isArray()).isTrue();
    }

    @Test
    void theSameSongSentAgainIsNotAddedTwice() {
        JsonNode first = service.awaitFinished(service.submit(BOHEMIAN));
        JsonNode second = service.awaitFinished(service.submit(BOHEMIAN));

        assertThat(second.get("result").get("success").asBoolean()).isTrue();
        assertThat(second.get("result").get("already_in_playlist").asBoolean()).isTrue();
        assertThat(service.simulator().playlistUris(service.playlistId()))
                .containsExactly(first.get("result").get("spotify_track_uri").asText());
    }

    @Test
    void concurrentDuplicateRequestsAddTheTrackExactlyOnce() throws Exception {
        int copies = 12;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> ids = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < copies; i++) {
                ids.add(pool.submit(() -> {
                    go.await();
                    return service.submit(BOHEMIAN);
                }));
            }
            go.countDown();
            for (Future<String> id : ids) {
                JsonNode status = service.awaitFinished(id.get());
                assertThat(status.get("result").get("success").asBoolean()).isTrue();
            }
        }
        assertThat(service.simulator().playlistUris(service.playlistId())).hasSize(1);
    }

    @Test
    void anIdempotencyKeyMapsARetriedSubmissionToTheSameSync() {
        Map<String, String> key = Map.of("Idempotency-Key", "shortcut-run-42");
        String first = service.post("/api/v1/sync", BOHEMIAN, key)
                .body()
                .get("workflow_id")
                .asText();
        String second = service.post("/api/v1/sync", BOHEMIAN, key)
                .body()
                .get("workflow_id")
                .asText();

        assertThat(second).isEqualTo(first);
        service.awaitFinished(first);
        assertThat(service.simulator().playlistUris(service.playlistId())).hasSize(1);
    }

    @Test
    void aFailedSyncResubmittedWithTheSameKeyRunsAgainAndSucceeds() {
        Map<String, String> key = Map.of("Idempotency-Key", "shortcut-run-7");
        service.simulator().injectFault(Fault.of("search", 500, 3));
        String first = service.post("/api/v1/sync", BOHEMIAN, key)
                .body()
                .get("workflow_id")
                .asText();
        assertThat(service.awaitFinished(first).get("status").asText()).isEqualTo("failed");

        String again = service.post("/api/v1/sync", BOHEMIAN, key)
                .body()
                .get("workflow_id")
                .asText();

        assertThat(again).isEqualTo(first);
        JsonNode status = service.awaitFinished(again);
        assertThat(status.get("status").asText()).isEqualTo("completed");
        assertThat(status.get("result").get("success").asBoolean()).isTrue();
        assertThat(service.simulator().playlistUris(service.playlistId())).hasSize(1);
    }

    @Test
    void aKeyReusedForAnotherSongStartsAnotherSync() {
        Map<String, String> key = Map.of("Idempotency-Key", "reused-key");
        String bohemian = service.post("/api/v1/sync", BOHEMIAN, key)
                .body()
                .get("workflow_id")
                .asText();
        String hello = service.post("/api/v1/sync", "{\"track_name\":\"Hello\",\"artist\":\"Adele\"}", key)
                .body()
                .get("workflow_id")
                .asText();

        assertThat(hello).isNotEqualTo(bohemian);
        service.awaitFinished(bohemian);
        service.awaitFinished(hello);
        assertThat(service.simulator().playlistUris(service.playlistId())).hasSize(2);
    }

    @Test
    void anUnchangedPlaylistIsNotReadAgainForTheNextSync() {
        service.awaitFinished(service.submit(BOHEMIAN));
        long itemsAfterFirst = service.simulator().stats().requests("items");

        service.awaitFinished(service.submit("{\"track_name\":\"Hello\",\"artist\":\"Adele\"}"));

        // Only the verification's one-entry read: the contents came from the cache, checked by snapshot_id.
        assertThat(service.simulator().stats().requests("items") - itemsAfterFirst)
                .isEqualTo(1);
        assertThat(service.simulator().playlistUris(service.playlistId())).hasSize(2);
    }

    @Test
    void missingFieldsAreEachNamed() {
        Answer answer = service.post("/api/v1/sync", "{}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().get("error").asText()).isEqualTo("validation_error");
        assertThat(fields(answer)).contains("track_name", "artist");
        assertThat(answer.body().get("timestamp").isTextual()).isTrue();
    }

    @Test
    void blankNamesABadPlaylistIdAndAThresholdOutsideZeroToOneAreRejected() {
        Answer answer = service.post(
                "/api/v1/sync",
                "{\"track_name\":\"   \",\"artist\":\"Queen\","
                        + "\"playlist_id\":\"not-a-playlist\",\"match_threshold\":1.5}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(fields(answer)).containsExactlyInAnyOrder("track_name", "playlist_id", "match_threshold");
    }

    @Test
    void overlongNamesWrongTypesAndABadIsrcAreRejected() {
        String longName = "x".repeat(201);
        Answer answer = service.post(
                "/api/v1/sync",
                "{\"track_name\":\"" + longName + "\",\"artist\":42,"
                        + "\"duration_ms\":-5,\"isrc\":\"nope\",\"use_ai_disambiguation\":\"yes\"}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(fields(answer))
                .containsExactlyInAnyOrder("track_name", "artist", "duration_ms", "isrc", "use_ai_disambiguation");
    }

    @Test
    void aBodyThatIsNotJsonIsA400() {
        Answer answer = service.post("/api/v1/sync", "{\"track_name\": ");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("error").asText()).isEqualTo("invalid_json");
    }

    @Test
    void anUnknownSyncIsA404ForStatusAndCancel() {
        assertThat(service.get("/api/v1/sync/sync-unknown").status()).isEqualTo(404);
        Answer cancel = service.post("/api/v1/sync/sync-unknown/cancel", "");
        assertThat(cancel.status()).isEqualTo(404);
        assertThat(cancel.body().get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void aRunningSyncCanBeCancelledAndAddsNothing() {
        service.simulator().setLatency(Duration.ofMillis(400));
        String id = service.submit(BOHEMIAN);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> service.get("/api/v1/sync/" + id)
                        .body()
                        .get("progress")
                        .get("current_step")
                        .asText()
                        .equals("searching"));

        Answer cancel = service.post("/api/v1/sync/" + id + "/cancel", "");

        assertThat(cancel.status()).isEqualTo(202);
        JsonNode status = service.awaitFinished(id);
        assertThat(status.get("status").asText()).isEqualTo("cancelled");
        assertThat(status.get("error").asText()).isEqualTo("cancelled");
        assertThat(service.simulator().playlistUris(service.playlistId())).isEmpty();
        assertThat(service.post("/api/v1/sync/" + id + "/cancel", "").status()).isEqualTo(409);
    }

    @Test
    void healthReportsTheModeAndDependencies() {
        Answer health = service.get("/api/v1/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("healthy");
        assertThat(health.body().get("mode").asText()).isEqualTo(mode.name().toLowerCase(Locale.ROOT));
        assertThat(health.body().get("temporal_connected").asBoolean()).isEqualTo(mode == TestService.Mode.TEMPORAL);
        assertThat(health.body().get("version").asText()).isNotBlank();
        assertThat(health.body().get("ai").get("enabled").asBoolean()).isFalse();
        assertThat(health.body().get("ai").get("reason").asText()).contains("USE_AI_DISAMBIGUATION");
        assertThat(health.body().toString()).doesNotContain("simulator-refresh-token");
    }

    @Test
    void aSongSpotifyDoesNotHaveCompletesUnsuccessfully() {
        JsonNode status =
                service.awaitFinished(service.submit("{\"track_name\":\"Qwxzv Plorf\",\"artist\":\"Nobody Atall\"}"));

        assertThat(status.get("status").asText()).isEqualTo("completed");
        assertThat(status.get("result").get("success").asBoolean()).isFalse();
        assertThat(status.get("result").get("match_method").asText()).isEqualTo("none");
        assertThat(status.get("result").get("message").asText()).contains("No tracks found");
        assertThat(service.simulator().playlistUris(service.playlistId())).isEmpty();
    }

    @Test
    void aServerErrorIsRetriedAndCounted() {
        service.simulator().injectFault(Fault.of("search", 500, 1));

        JsonNode status = service.awaitFinished(service.submit(BOHEMIAN));

        assertThat(status.get("result").get("success").asBoolean()).isTrue();
        assertThat(status.get("result").get("retry_count").asInt()).isEqualTo(1);
    }

    @Test
    void anUnknownPlaylistFailsAtOnceWithoutRetries() {
        String id = service.submit("{\"track_name\":\"Bohemian Rhapsody\",\"artist\":\"Queen\","
                + "\"playlist_id\":\"0000000000000000000000\"}");

        JsonNode status = service.awaitFinished(id);

        assertThat(status.get("status").asText()).isEqualTo("failed");
        assertThat(status.get("error").asText()).containsIgnoringCase("playlist");
        assertThat(service.simulator().stats().requests("add")).isZero();
    }

    @Test
    void unknownRoutesAnswerJson() {
        Answer answer = service.get("/api/v1/nothing-here");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void theOpenApiDocumentAndDocsPageAreServed() {
        Answer openApi = service.get("/openapi.json");

        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.body().get("paths").has("/api/v1/sync")).isTrue();
    }

    private static List<String> fields(Answer answer) {
        List<String> names = new ArrayList<>();
        answer.body()
                .get("detail")
                .forEach(error -> names.add(error.get("field").asText()));
        return names;
    }
}
