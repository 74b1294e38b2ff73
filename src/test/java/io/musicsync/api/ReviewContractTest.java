package io.musicsync.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicsync.support.TestService;
import io.musicsync.support.TestService.Answer;
import io.musicsync.support.UnsureSong;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The review queue as a client sees it through the HTTP API, against the strict simulator, with the AI off: a
 * song the matcher is unsure of waits in {@code needs_review}, a person's choice is added once (match_method
 * review), and the same song later (spelt another way) uses the remembered choice without a search. The same
 * contract holds in both engines.
 */
@ParameterizedClass
@EnumSource(TestService.Mode.class)
class ReviewContractTest {

    /** The same song as {@link UnsureSong#REQUEST}, spelt another way (case, spacing, punctuation, no duration). */
    private static final String RESPELT = "{\"track_name\":\"glass  harbor!\",\"artist\":\"THE QUIET PINES\"}";

    @Parameter
    TestService.Mode mode;

    private TestService service;
    private UnsureSong song;

    @BeforeEach
    void start() {
        service = TestService.start(mode);
        song = UnsureSong.addTo(service.simulator());
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void anUnsureSongWaitsForAReviewAndThePersonsChoiceIsAddedOnce() {
        String id = service.submit(UnsureSong.REQUEST);
        assertThat(awaitState(id, "needs_review")
                        .get("progress")
                        .get("current_step")
                        .asText())
                .isEqualTo("awaiting_review");

        JsonNode review = onlyReview();
        assertThat(review.get("workflow_id").asText()).isEqualTo(id);
        assertThat(review.get("song").get("track_name").asText()).isEqualTo("Glass Harbor");
        assertThat(review.get("playlist_id").asText()).isEqualTo(service.playlistId());
        assertThat(review.get("message").asText()).startsWith("No confident match");
        assertThat(review.get("reasons")).isNotEmpty();
        assertThat(uris(review.get("candidates"))).containsExactlyInAnyOrder(song.liveUri(), song.reRecordingUri());
        assertThat(review.get("candidates").get(0).get("score").asDouble()).isPositive();
        assertThat(review.get("candidates").get(0).get("signals")).isNotEmpty();
        assertThat(review.get("ai").isNull()).isTrue();
        Instant since = Instant.parse(review.get("waiting_since").asText());
        assertThat(Instant.parse(review.get("expires_at").asText())).isEqualTo(since.plus(Duration.ofDays(30)));
        assertThat(service.simulator().playlistUris(service.playlistId())).isEmpty();

        Answer answer = service.post(review.get("answer_url").asText(), track(song.reRecordingUri()));

        assertThat(answer.status()).isEqualTo(202);
        JsonNode status = service.awaitFinished(id);
        assertThat(status.get("status").asText()).isEqualTo("completed");
        JsonNode result = status.get("result");
        assertThat(result.get("success").asBoolean()).isTrue();
        assertThat(result.get("match_method").asText()).isEqualTo("review");
        assertThat(result.get("spotify_track_uri").asText()).isEqualTo(song.reRecordingUri());
        assertThat(result.get("decision").get("reasons").toString()).contains("a person chose");
        assertThat(service.simulator().playlistUris(service.playlistId())).containsExactly(song.reRecordingUri());
        assertThat(service.get("/api/v1/reviews").body().get("reviews")).isEmpty();
        assertThat(service.post("/api/v1/reviews/" + id, track(song.liveUri())).status())
                .as("answered already")
                .isEqualTo(409);
        assertThat(service.simulator().playlistUris(service.playlistId())).containsExactly(song.reRecordingUri());
    }

    @Test
    void theSameSongLaterIsAddedWithTheRememberedChoiceWithoutASearch() {
        String first = service.submit(UnsureSong.REQUEST);
        awaitState(first, "needs_review");
        long searchesOfTheFirst = service.simulator().stats().requests("search");
        service.post("/api/v1/reviews/" + first, track(song.reRecordingUri()));
        assertThat(service.awaitFinished(first)
                        .get("result")
                        .get("match_method")
                        .asText())
                .isEqualTo("review");
        long callsBefore = service.simulator().stats().totalRequests();
        long searchesBefore = service.simulator().stats().requests("search");

        String other = service.simulator().createPlaylist("another playlist");
        String later = service.submit(RESPELT.replace("}", ",\"playlist_id\":\"" + other + "\"}"));
        JsonNode status = service.awaitFinished(later);

        JsonNode result = status.get("result");
        assertThat(status.get("status").asText()).isEqualTo("completed");
        assertThat(result.get("match_method").asText()).isEqualTo("remembered");
        assertThat(result.get("spotify_track_uri").asText()).isEqualTo(song.reRecordingUri());
        assertThat(result.get("decision").get("reasons").toString())
                .contains("remembered: a person chose")
                .contains("in the review of sync " + first);
        assertThat(service.simulator().playlistUris(other)).containsExactly(song.reRecordingUri());
        assertThat(service.get("/api/v1/reviews").body().get("reviews")).isEmpty();
        assertThat(searchesOfTheFirst).isPositive();
        assertThat(service.simulator().stats().requests("search"))
                .as("no search for a remembered song")
                .isEqualTo(searchesBefore);
        assertThat(service.simulator().stats().totalRequests() - callsBefore)
                .as("the add and its verification only")
                .isPositive();
    }

    @Test
    void notOnSpotifyEndsTheSyncWithNothingAddedAndIsRemembered() {
        String first = service.submit(UnsureSong.REQUEST);
        awaitState(first, "needs_review");

        assertThat(service.post("/api/v1/reviews/" + first, "{\"not_on_spotify\":true}")
                        .status())
                .isEqualTo(202);

        JsonNode result = service.awaitFinished(first).get("result");
        assertThat(result.get("success").asBoolean()).isFalse();
        assertThat(result.get("message").asText()).startsWith("Not on Spotify");
        assertThat(result.get("decision").get("method").asText()).isEqualTo("review");
        long searches = service.simulator().stats().requests("search");

        JsonNode later = service.awaitFinished(service.submit(RESPELT)).get("result");
        assertThat(later.get("success").asBoolean()).isFalse();
        assertThat(later.get("decision").get("method").asText()).isEqualTo("remembered");
        assertThat(later.get("message").asText()).startsWith("Not on Spotify").contains("remembered");
        assertThat(service.simulator().stats().requests("search")).isEqualTo(searches);
        assertThat(service.simulator().playlistUris(service.playlistId())).isEmpty();
    }

    @Test
    void aSyncWaitingForItsReviewCanBeCancelled() {
        String id = service.submit(UnsureSong.REQUEST);
        awaitState(id, "needs_review");

        assertThat(service.post("/api/v1/sync/" + id + "/cancel", "").status()).isEqualTo(202);

        assertThat(awaitState(id, "cancelled").get("status").asText()).isEqualTo("cancelled");
        assertThat(service.get("/api/v1/reviews").body().get("reviews")).isEmpty();
        assertThat(service.post("/api/v1/reviews/" + id, track(song.reRecordingUri()))
                        .status())
                .isEqualTo(409);
        assertThat(service.post("/api/v1/sync/" + id + "/cancel", "").status()).isEqualTo(409);
        assertThat(service.simulator().playlistUris(service.playlistId())).isEmpty();
    }

    @Test
    void badAnswersAreRefusedNamingTheFieldAndNothingChanges() {
        String id = service.submit(UnsureSong.REQUEST);
        awaitState(id, "needs_review");
        String uri = song.reRecordingUri();

        assertRefused(id, "{}", "track_uri");
        assertRefused(id, "{\"track_uri\":\"" + uri + "\",\"not_on_spotify\":true}", "not_on_spotify");
        assertRefused(id, "{\"track_uri\":\"https://open.spotify.com/track/x\"}", "track_uri");
        assertRefused(id, "{\"track_uri\":42}", "track_uri");
        assertRefused(id, "{\"not_on_spotify\":false}", "not_on_spotify");
        assertRefused(id, "[\"" + uri + "\"]", "body");
        Answer notJson = service.post("/api/v1/reviews/" + id, "{\"track_uri\":");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body().get("error").asText()).isEqualTo("invalid_json");
        Answer unknown = service.post("/api/v1/reviews/no-such-sync", track(uri));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("error").asText()).isEqualTo("not_found");
        assertThat(service.get("/api/v1/reviews?limit=0").status()).isEqualTo(400);
        Answer badCursor = service.get("/api/v1/reviews?cursor=not-ours");
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.body().get("detail").get(0).get("field").asText()).isEqualTo("cursor");

        assertThat(onlyReview().get("workflow_id").asText()).as("still waiting").isEqualTo(id);
        String confident = service.submit("{\"track_name\":\"Bohemian Rhapsody\",\"artist\":\"Queen\"}");
        service.awaitFinished(confident);
        Answer notWaiting = service.post("/api/v1/reviews/" + confident, track(uri));
        assertThat(notWaiting.status()).isEqualTo(409);
        assertThat(notWaiting.body().get("error").asText()).isEqualTo("not_waiting");
    }

    @Test
    void theQueueIsPagedWaitingLongestFirst() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = service.post("/api/v1/sync", UnsureSong.REQUEST, Map.of("Idempotency-Key", "unsure-" + i))
                    .body()
                    .get("workflow_id")
                    .asText();
            awaitState(id, "needs_review");
            ids.add(id);
        }

        JsonNode first = service.get("/api/v1/reviews?limit=2").body();
        JsonNode second = service.get("/api/v1/reviews?limit=2&cursor="
                        + first.get("next_cursor").asText())
                .body();

        List<String> listed = new ArrayList<>();
        first.get("reviews").forEach(r -> listed.add(r.get("workflow_id").asText()));
        second.get("reviews").forEach(r -> listed.add(r.get("workflow_id").asText()));
        assertThat(listed).containsExactlyElementsOf(ids);
        assertThat(second.get("next_cursor").isNull()).isTrue();
    }

    @Test
    void withTheQueueOffAnUnsureSongEndsNoConfidentMatchAtOnce() {
        try (TestService off = TestService.start(mode, Map.of("REVIEW_TIMEOUT_DAYS", "0"))) {
            UnsureSong.addTo(off.simulator());

            JsonNode status = off.awaitFinished(off.submit(UnsureSong.REQUEST));

            assertThat(status.get("status").asText()).isEqualTo("completed");
            assertThat(status.get("result").get("success").asBoolean()).isFalse();
            assertThat(status.get("result").get("message").asText()).startsWith("No confident match");
            assertThat(off.get("/api/v1/reviews").body().get("reviews")).isEmpty();
        }
    }

    private void assertRefused(String id, String body, String field) {
        Answer refused = service.post("/api/v1/reviews/" + id, body);
        assertThat(refused.status()).as(body).isEqualTo(400);
        assertThat(refused.body().get("detail").get(0).get("field").asText())
                .as(body)
                .isEqualTo(field);
    }

    @Test
    void anImportRowThePersonReviewedIsRememberedByTheReImport() {
        String rows = "{\"rows\": [" + UnsureSong.REQUEST + ", " + RESPELT + "], \"playlist_id\": \"%s\"}";
        JsonNode first = awaitImport(service.post("/api/v1/imports", rows.formatted(service.playlistId())));
        assertThat(first.path("rows").findValuesAsText("outcome"))
                .as("the import does not wait for the person")
                .containsExactly("needs_review", "needs_review");
        assertThat(service.get("/api/v1/reviews").body().get("reviews")).hasSize(2);

        String rowSync = first.path("rows").get(0).path("sync_id").asText();
        assertThat(service.post("/api/v1/reviews/" + rowSync, track(song.reRecordingUri()))
                        .status())
                .isEqualTo(202);
        assertThat(service.awaitFinished(rowSync)
                        .get("result")
                        .get("match_method")
                        .asText())
                .isEqualTo("review");
        long searchesBefore = service.simulator().stats().requests("search");

        String other = service.simulator().createPlaylist("re-import");
        JsonNode again = awaitImport(service.post("/api/v1/imports", rows.formatted(other)));

        assertThat(again.path("rows").findValuesAsText("outcome")).containsExactlyInAnyOrder("added", "already_there");
        assertThat(again.path("rows").findValuesAsText("match_method")).containsOnly("remembered");
        assertThat(service.simulator().playlistUris(other)).containsExactly(song.reRecordingUri());
        assertThat(service.simulator().stats().requests("search"))
                .as("no search for remembered songs")
                .isEqualTo(searchesBefore);
    }

    private JsonNode awaitImport(Answer accepted) {
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        String url = accepted.body().path("status_url").asText();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> service.get(url).body().path("status").asText(), "completed"::equals);
        return service.get(url).body();
    }

    private JsonNode onlyReview() {
        JsonNode reviews = service.get("/api/v1/reviews").body().get("reviews");
        assertThat(reviews).hasSize(1);
        return reviews.get(0);
    }

    private JsonNode awaitState(String id, String state) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(
                        () -> service.get("/api/v1/sync/" + id)
                                .body()
                                .path("status")
                                .asText(),
                        state::equals);
        return service.get("/api/v1/sync/" + id).body();
    }

    private static String track(String uri) {
        return "{\"track_uri\":\"" + uri + "\"}";
    }

    private static List<String> uris(JsonNode candidates) {
        List<String> uris = new ArrayList<>();
        candidates.forEach(c -> uris.add(c.get("uri").asText()));
        return uris;
    }
}
