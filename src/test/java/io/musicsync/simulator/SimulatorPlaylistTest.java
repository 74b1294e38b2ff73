package io.musicsync.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicsync.support.ManualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatorPlaylistTest {

    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-12-01T08:00:00Z"));

    private static SpotifySimulator simulator;
    private static SimHttp http;
    private static String token;
    private static List<String> uris;
    private String playlist;

    @BeforeAll
    static void start() {
        // Spotify shows writes through GET only after a lag; these tests step a manual clock past it.
        simulator = SpotifySimulator.start(SimulatorOptions.defaults().withClock(CLOCK));
        http = new SimHttp(simulator);
        token = http.accessToken();
        uris = simulator.search("Queen").stream().limit(5).map(TrackJson::uri).toList();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void newPlaylist() {
        playlist = simulator.createPlaylist("test");
    }

    private SimHttp.Answer add(String json) {
        return http.post("/playlists/" + playlist + "/items", token, json);
    }

    private static String urisJson(List<String> list) {
        return "{\"uris\":["
                + String.join(",", list.stream().map(u -> "\"" + u + "\"").toList()) + "]}";
    }

    @Test
    void addAnswers201WithANewSnapshotAndKeepsDuplicates() {
        String before = simulator.snapshotId(playlist);

        SimHttp.Answer first = add(urisJson(List.of(uris.get(0), uris.get(1))));
        SimHttp.Answer second = add(urisJson(List.of(uris.get(0))));

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        String firstSnapshot = first.json().get("snapshot_id").asText();
        assertThat(firstSnapshot).isNotEqualTo(before);
        assertThat(second.json().get("snapshot_id").asText()).isNotEqualTo(firstSnapshot);
        assertThat(simulator.playlistUris(playlist)).containsExactly(uris.get(0), uris.get(1), uris.get(0));
    }

    @Test
    void concurrentAddsAreNeverLost() throws Exception {
        int clients = 16;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<SimHttp.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String uri = uris.get(i % uris.size());
                answers.add(pool.submit(() -> add(urisJson(List.of(uri)))));
            }
            Set<String> snapshots = new HashSet<>();
            for (Future<SimHttp.Answer> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(201);
                snapshots.add(answer.get().json().get("snapshot_id").asText());
            }
            assertThat(snapshots).hasSize(clients);
        }
        assertThat(simulator.playlistUris(playlist)).hasSize(clients);
    }

    @Test
    void addAtAPositionInserts() {
        simulator.addToPlaylist(playlist, List.of(uris.get(0), uris.get(1)));

        add("{\"uris\":[\"" + uris.get(2) + "\"],\"position\":1}");

        assertThat(simulator.playlistUris(playlist)).containsExactly(uris.get(0), uris.get(2), uris.get(1));
    }

    @Test
    void itemsArePagedWithTheTrackUnderItemAndTrack() {
        simulator.addToPlaylist(playlist, uris);
        CLOCK.advance(SimulatorOptions.DEFAULT_CONSISTENCY_LAG);

        JsonNode page = http.get("/playlists/" + playlist + "/items?limit=2&offset=2", token)
                .json();

        assertThat(page.get("total").asInt()).isEqualTo(5);
        assertThat(page.get("items")).hasSize(2);
        JsonNode entry = page.get("items").get(0);
        assertThat(entry.get("item").get("uri").asText()).isEqualTo(uris.get(2));
        assertThat(entry.get("track").get("uri").asText()).isEqualTo(uris.get(2));
        assertThat(entry.get("added_by").get("id").asText()).isEqualTo(SpotifySimulator.USER_ID);
        assertThat(entry.get("is_local").asBoolean()).isFalse();
        assertThat(entry.get("added_at").asText()).isNotBlank();
        assertThat(page.get("next").asText()).contains("offset=4");
        assertThat(http.get("/playlists/" + playlist + "/items?limit=51", token).status())
                .isEqualTo(400);
    }

    @Test
    void playlistObjectReferencesItems() {
        simulator.addToPlaylist(playlist, uris.subList(0, 3));
        CLOCK.advance(SimulatorOptions.DEFAULT_CONSISTENCY_LAG);

        JsonNode json = http.get("/playlists/" + playlist, token).json();

        assertThat(json.get("name").asText()).isEqualTo("test");
        assertThat(json.get("items").get("total").asInt()).isEqualTo(3);
        assertThat(json.get("items").get("href").asText()).endsWith("/playlists/" + playlist + "/items");
        assertThat(json.get("snapshot_id").asText()).isEqualTo(simulator.snapshotId(playlist));
        assertThat(json.get("owner").get("id").asText()).isEqualTo(SpotifySimulator.USER_ID);
    }

    @Test
    void removeDeletesEveryOccurrence() {
        simulator.addToPlaylist(playlist, List.of(uris.get(0), uris.get(1), uris.get(0)));

        SimHttp.Answer answer = http.delete(
                "/playlists/" + playlist + "/items", token, "{\"items\":[{\"uri\":\"" + uris.get(0) + "\"}]}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("snapshot_id").asText()).isEqualTo(simulator.snapshotId(playlist));
        assertThat(simulator.playlistUris(playlist)).containsExactly(uris.get(1));
    }

    @Test
    void rejectsBadAdds() {
        assertThat(add(urisJson(Collections.nCopies(101, uris.get(0)))).status())
                .isEqualTo(400);
        assertThat(add(urisJson(List.of("spotify:track:0000000000000000000000")))
                        .status())
                .isEqualTo(400);
        assertThat(add(urisJson(List.of("not-a-uri")))
                        .json()
                        .get("error")
                        .get("message")
                        .asText())
                .contains("not-a-uri");
        assertThat(simulator.playlistUris(playlist)).isEmpty();
    }

    @Test
    void legacyTracksEndpointIsForbiddenEvenOnOwnPlaylists() {
        SimHttp.Answer get = http.get("/playlists/" + playlist + "/tracks", token);
        SimHttp.Answer post = http.post("/playlists/" + playlist + "/tracks", token, urisJson(uris));

        assertThat(get.status()).isEqualTo(403);
        assertThat(post.status()).isEqualTo(403);
        assertThat(post.json().get("error").get("message").asText()).isEqualTo("Forbidden");
        assertThat(simulator.playlistUris(playlist)).isEmpty();
    }

    @Test
    void unknownPlaylistIs404AndSomeoneElsesIs403OnWrite() {
        assertThat(http.get("/playlists/AAAAAAAAAAAAAAAAAAAAAA/items", token).status())
                .isEqualTo(404);
        String foreign = simulator.createPlaylist("not mine", "someone-else");

        assertThat(http.post("/playlists/" + foreign + "/items", token, urisJson(uris))
                        .status())
                .isEqualTo(403);
        assertThat(http.get("/playlists/" + foreign, token).status()).isEqualTo(200);
        assertThat(simulator.playlistUris(foreign)).isEmpty();
    }

    @Test
    void unknownEndpointIsASpotifyShaped404() {
        SimHttp.Answer answer = http.get("/albums/whatever", token);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("error").get("status").asInt()).isEqualTo(404);
    }

    @Test
    void meAndMyPlaylists() {
        JsonNode me = http.get("/me", token).json();
        assertThat(me.get("id").asText()).isEqualTo(SpotifySimulator.USER_ID);
        assertThat(me.get("type").asText()).isEqualTo("user");
        assertThat(me.has("account_id")).isTrue();
        assertThat(me.has("email") || me.has("country") || me.has("product")).isFalse();

        SimHttp.Answer created = http.post("/me/playlists", token, "{\"name\":\"Heard on Apple Music\"}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();

        JsonNode mine = http.get("/me/playlists?limit=50", token).json();
        assertThat(mine.get("items").findValuesAsText("id")).contains(id, playlist);
        assertThat(mine.get("items").get(0).get("items").has("total")).isTrue();
    }
}
