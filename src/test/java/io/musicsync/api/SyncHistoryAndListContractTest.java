package io.musicsync.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicsync.simulator.Fault;
import io.musicsync.support.TestService;
import io.musicsync.support.TestService.Answer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code GET /api/v1/sync/{id}/history} and {@code GET /api/v1/syncs}: one shape in both modes (standalone reads its
 * journal, Temporal the workflow histories and its visibility).
 */
@ParameterizedClass
@EnumSource(TestService.Mode.class)
class SyncHistoryAndListContractTest {

    private static final List<String> EVENT_FIELDS =
            List.of("at", "type", "step", "message", "attempt", "error", "next_delay_ms", "details");
    private static final List<String> LIST_FIELDS = List.of(
            "workflow_id",
            "status",
            "track_name",
            "artist",
            "playlist_id",
            "started_at",
            "completed_at",
            "success",
            "message",
            "spotify_track_uri",
            "match_method");

    @Parameter
    TestService.Mode mode;

    private TestService service;

    @BeforeEach
    void start() {
        service = TestService.start(mode);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private static String song(String title, String artist) {
        return "{\"track_name\":\"" + title + "\",\"artist\":\"" + artist + "\"}";
    }

    @Test
    void theHistoryOfACompletedSyncHasItsStepsTheDecisionWithScoresAndTheAdd() {
        String id = service.submit(song("Bohemian Rhapsody", "Queen"));
        service.awaitFinished(id);

        Answer answer = service.get("/api/v1/sync/" + id + "/history");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("workflow_id").asText()).isEqualTo(id);
        List<JsonNode> events = events(answer.body());
        events.forEach(event -> assertThat(fieldNames(event)).containsExactlyElementsOf(EVENT_FIELDS));
        assertThat(types(events))
                .containsSubsequence("step_started", "decision", "added", "completed")
                .endsWith("completed");
        assertThat(events.stream()
                        .filter(e -> e.get("type").asText().equals("step_started"))
                        .map(e -> e.get("step").asText()))
                .contains("searching", "matching", "adding"); // a confirmed add needs no verification step
        JsonNode decision = only(events, "decision");
        assertThat(decision.get("step").asText()).isEqualTo("matching");
        assertThat(decision.get("details").get("outcome").asText()).isEqualTo("add");
        assertThat(decision.get("details").get("candidates").get(0).get("score").asDouble())
                .isBetween(0.85, 1.0);
        assertThat(only(events, "added").get("step").asText()).isEqualTo("adding");
        List<Instant> times =
                events.stream().map(e -> Instant.parse(e.get("at").asText())).toList();
        assertThat(times).isSorted();
    }

    @Test
    void aFailedAttemptIsInTheHistoryWithItsError() {
        service.simulator().injectFault(Fault.of("search", 500, 1));
        String id = service.submit(song("Bohemian Rhapsody", "Queen"));
        service.awaitFinished(id);

        List<JsonNode> events =
                events(service.get("/api/v1/sync/" + id + "/history").body());

        JsonNode failed = only(events, "attempt_failed");
        assertThat(failed.get("step").asText()).isEqualTo("searching");
        assertThat(failed.get("attempt").asInt()).isEqualTo(1);
        assertThat(failed.get("error").asText()).isNotBlank();
        if (mode == TestService.Mode.STANDALONE) {
            // Standalone journals the wait it is about to make; Temporal's history does not record it.
            assertThat(failed.get("next_delay_ms").asLong()).isEqualTo(1000);
        }
        assertThat(types(events)).endsWith("completed");
    }

    @Test
    void anUnknownSyncHasNoHistory() {
        Answer answer = service.get("/api/v1/sync/sync-unknown/history");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void theListIsNewestFirstFilteredAndPagedWithACursor() {
        List<String> ids = new ArrayList<>();
        for (String[] s :
                new String[][] {{"Bohemian Rhapsody", "Queen"}, {"Hello", "Adele"}, {"Yesterday", "The Beatles"}}) {
            String id = service.submit(song(s[0], s[1]));
            service.awaitFinished(id);
            ids.add(id);
        }

        JsonNode first = service.get("/api/v1/syncs?limit=2").body();
        List<JsonNode> page = list(first.get("syncs"));
        assertThat(page).extracting(s -> s.get("workflow_id").asText()).containsExactly(ids.get(2), ids.get(1));
        page.forEach(item -> assertThat(fieldNames(item)).containsExactlyElementsOf(LIST_FIELDS));
        JsonNode newest = page.get(0);
        assertThat(newest.get("status").asText()).isEqualTo("completed");
        assertThat(newest.get("track_name").asText()).isEqualTo("Yesterday");
        assertThat(newest.get("artist").asText()).isEqualTo("The Beatles");
        assertThat(newest.get("playlist_id").asText()).isEqualTo(service.playlistId());
        assertThat(newest.get("success").asBoolean()).isTrue();
        assertThat(newest.get("spotify_track_uri").asText()).startsWith("spotify:track:");
        assertThat(newest.get("match_method").asText()).isIn("isrc", "fuzzy");
        assertThat(newest.get("completed_at").isTextual()).isTrue();
        assertThat(first.get("next_cursor").isTextual()).isTrue();

        JsonNode second = service.get("/api/v1/syncs?limit=2&cursor="
                        + first.get("next_cursor").asText())
                .body();
        assertThat(list(second.get("syncs")))
                .extracting(s -> s.get("workflow_id").asText())
                .containsExactly(ids.get(0));
        assertThat(second.get("next_cursor").isNull()).isTrue();

        assertThat(list(service.get("/api/v1/syncs?status=completed").body().get("syncs")))
                .hasSize(3);
        assertThat(list(service.get("/api/v1/syncs?status=running").body().get("syncs")))
                .isEmpty();
        assertThat(list(service.get("/api/v1/syncs?playlist_id=0000000000000000000000")
                        .body()
                        .get("syncs")))
                .isEmpty();
        assertThat(list(service.get("/api/v1/syncs?playlist_id=" + service.playlistId())
                        .body()
                        .get("syncs")))
                .hasSize(3);
    }

    @Test
    void badListParametersAre400NamingTheField() {
        assertBadParameter("limit=0", "limit");
        assertBadParameter("limit=101", "limit");
        assertBadParameter("limit=ten", "limit");
        assertBadParameter("status=lost", "status");
        assertBadParameter("playlist_id=short", "playlist_id");
        assertBadParameter("cursor=not-a-cursor", "cursor");
    }

    private void assertBadParameter(String query, String field) {
        Answer answer = service.get("/api/v1/syncs?" + query);
        assertThat(answer.status()).as(query).isEqualTo(400);
        assertThat(answer.body().get("detail").get(0).get("field").asText()).isEqualTo(field);
    }

    private static List<JsonNode> events(JsonNode history) {
        return list(history.get("events"));
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.get("type").asText()).toList();
    }

    private static JsonNode only(List<JsonNode> events, String type) {
        List<JsonNode> found =
                events.stream().filter(e -> e.get("type").asText().equals(type)).toList();
        assertThat(found).as(type + " events in " + types(events)).hasSize(1);
        return found.get(0);
    }
}
