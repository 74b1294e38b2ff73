package io.musicsync.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicsync.support.TestService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/imports} over HTTP (standalone, journaled): uploads and JSON rows, the rows' outcomes paged by
 * cursor, the list, and every kind of bad input answered with a 4xx naming the field. Every answer is checked
 * against openapi.json by {@link TestService}.
 */
class ImportApiTest {

    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.standalone();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static JsonNode awaitDone(String statusUrl) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> !service.get(statusUrl + "?limit=0")
                        .body()
                        .path("status")
                        .asText()
                        .equals("running"));
        return service.get(statusUrl).body();
    }

    private static List<String> outcomes(JsonNode status) {
        List<String> out = new ArrayList<>();
        status.path("rows").forEach(r -> out.add(r.path("outcome").asText()));
        return out;
    }

    @Test
    void jsonRowsAreImportedAndTheirOutcomesPagedByCursor() {
        TestService.Answer accepted = service.post("/api/v1/imports", """
                {"rows": [
                  {"track_name": "Bohemian Rhapsody", "artist": "Queen"},
                  {"track_name": "Come As You Are", "artist": "Nirvana", "album": "Nevermind"},
                  {"track_name": "A Song That Does Not Exist", "artist": "Nobody Anyone Knows"}
                ]}""");

        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        String url = accepted.body().path("status_url").asText();
        String id = accepted.body().path("import_id").asText();
        assertThat(url).isEqualTo("/api/v1/imports/" + id);
        JsonNode done = awaitDone(url);
        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(done.path("format").asText()).isEqualTo("json");
        assertThat(done.path("playlist_id").asText()).isEqualTo(service.playlistId());
        assertThat(outcomes(done)).containsExactly("added", "added", "not_found");
        assertThat(done.path("counts").path("added").asInt()).isEqualTo(2);
        assertThat(done.path("counts").path("done").asInt()).isEqualTo(3);
        assertThat(done.path("rows").get(0).path("sync_id").asText()).isEqualTo(id + "-1");
        assertThat(service.simulator().playlistUris(service.playlistId()))
                .contains(done.path("rows").get(0).path("track_uri").asText());
        // The row's sync is an ordinary sync: its status and history are there.
        assertThat(service.get("/api/v1/sync/" + id + "-1")
                        .body()
                        .path("status")
                        .asText())
                .isEqualTo("completed");

        JsonNode first = service.get(url + "?limit=2").body();
        assertThat(first.path("rows")).hasSize(2);
        assertThat(first.path("next_cursor").asInt()).isEqualTo(2);
        JsonNode second = service.get(url + "?limit=2&cursor=2").body();
        assertThat(second.path("rows")).hasSize(1);
        assertThat(second.path("rows").get(0).path("row").asInt()).isEqualTo(3);
        assertThat(second.has("next_cursor")).isFalse();

        JsonNode list = service.get("/api/v1/imports").body();
        assertThat(list.path("imports").findValuesAsText("import_id")).contains(id);
        assertThat(list.path("imports").get(0).has("rows")).isFalse();
    }

    @Test
    void anUploadedFileIsRecognisedByItsContentAndADryRunAddsNothing() {
        long addsBefore = service.simulator().stats().requests("add");
        byte[] list = "Oasis - Don't Look Back In Anger\nThe Weeknd - Blinding Lights\njust words\n"
                .getBytes(StandardCharsets.UTF_8);

        TestService.Answer accepted =
                service.postMultipart("/api/v1/imports", Map.of("dry_run", "true"), "../music/songs.csv", list);

        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        JsonNode done = awaitDone(accepted.body().path("status_url").asText());
        assertThat(done.path("format").asText()).isEqualTo("text");
        assertThat(done.path("file").asText()).isEqualTo("songs.csv");
        assertThat(done.path("dry_run").asBoolean()).isTrue();
        assertThat(outcomes(done)).containsExactly("would_add", "would_add", "failed");
        assertThat(done.path("rows").get(2).path("message").asText())
                .isEqualTo("expected 'Artist - Title' but found 'just words'");
        assertThat(done.path("rows").get(2).path("source").asText()).isEqualTo("line 3");
        assertThat(service.simulator().stats().requests("add")).isEqualTo(addsBefore);
    }

    @Test
    void aRetriedSubmissionWithTheSameIdempotencyKeyIsTheSameImport() {
        String body =
                "{\"dry_run\": true, \"rows\": [{\"track_name\": \"Blinding Lights\", \"artist\": \"The Weeknd\"}]}";
        Map<String, String> key = Map.of("Idempotency-Key", "upload-42");

        String first = service.post("/api/v1/imports", body, key)
                .body()
                .path("import_id")
                .asText();
        String again = service.post("/api/v1/imports", body, key)
                .body()
                .path("import_id")
                .asText();
        String other = service.post("/api/v1/imports", body.replace("Blinding Lights", "Save Your Tears"), key)
                .body()
                .path("import_id")
                .asText();
        String unkeyed =
                service.post("/api/v1/imports", body).body().path("import_id").asText();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(unkeyed).isNotEqualTo(first);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        assertRefused(
                service.postMultipart(
                        "/api/v1/imports",
                        Map.of(),
                        "notes.md",
                        "Shopping list\nmilk\n".getBytes(StandardCharsets.UTF_8)),
                422,
                "file",
                "cannot be imported: the first line 'Shopping list'");
        assertRefused(service.postMultipart("/api/v1/imports", Map.of(), null, null), 422, "file", "is required");
        assertRefused(
                service.postMultipart(
                        "/api/v1/imports",
                        Map.of("apple_playlist", "Gym"),
                        "songs.txt",
                        "Queen - Bohemian Rhapsody\n".getBytes(StandardCharsets.UTF_8)),
                422,
                "apple_playlist",
                "no Apple Music playlist named \"Gym\"");
        assertRefused(
                service.post(
                        "/api/v1/imports",
                        "{\"rows\": [{\"track_name\": \"A\", \"artist\": \"B\"}, {\"track_name\": \"C\"}]}"),
                422,
                "rows[1].artist",
                "is required");
        assertRefused(service.post("/api/v1/imports", "{\"rows\": []}"), 422, "rows", "is required");
        assertRefused(
                service.post(
                        "/api/v1/imports",
                        "{\"playlist_id\": \"37i9dQZF1DXcBWIGoYBM5M\", \"create_playlist\": \"New\","
                                + " \"rows\": [{\"track_name\": \"A\", \"artist\": \"B\"}]}"),
                422,
                "create_playlist",
                "not both");
        assertRefused(
                service.post(
                        "/api/v1/imports",
                        "{\"playlist_id\": \"nope\", \"rows\": [{\"track_name\": \"A\", \"artist\": \"B\"}]}"),
                422,
                "playlist_id",
                "22 letters and digits");
        assertRefused(service.get("/api/v1/imports/whatever?cursor=-1"), 400, "cursor", "whole number");
        assertRefused(service.get("/api/v1/imports?limit=1000"), 400, "limit", "whole number");
        String huge = "{\"rows\": [" + "{\"track_name\": \"x\", \"artist\": \"y\"},".repeat(70_000) + "{}]}";
        assertRefused(service.post("/api/v1/imports", huge), 413, "rows", "upload the file instead");

        TestService.Answer notJson = service.post("/api/v1/imports", "{\"rows\": [");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body().path("error").asText()).isEqualTo("invalid_json");
        TestService.Answer unknown = service.get("/api/v1/imports/no-such-import");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("message").asText()).isEqualTo("No import with id no-such-import");
    }

    private static void assertRefused(TestService.Answer answer, int status, String field, String message) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
        JsonNode detail = answer.body().path("detail");
        assertThat(detail.findValuesAsText("field"))
                .as(answer.body().toString())
                .contains(field);
        assertThat(answer.body().path("message").asText()).contains(message);
    }
}
