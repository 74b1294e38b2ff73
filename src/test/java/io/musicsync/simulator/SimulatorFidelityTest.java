package io.musicsync.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicsync.support.ManualClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviours of Spotify that paths and shapes do not show (docs/spotify-fidelity.md), one test each. */
class SimulatorFidelityTest {

    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-12-01T08:00:00Z"));
    private static final Duration LAG = SimulatorOptions.DEFAULT_CONSISTENCY_LAG;
    private static final String REDIRECT = "http://127.0.0.1:8888/callback";

    private static SpotifySimulator simulator;
    private static SimHttp http;
    private static List<String> uris;
    private String token;

    @BeforeAll
    static void start() {
        simulator = SpotifySimulator.start(SimulatorOptions.defaults().withClock(CLOCK));
        http = new SimHttp(simulator);
        uris = simulator.search("Queen").stream().limit(3).map(TrackJson::uri).toList();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void clean() {
        simulator.clearRateLimit();
        CLOCK.advance(Duration.ofMinutes(1)); // past any wait and lag of an earlier test
        token = http.accessToken();
    }

    private static String urisJson(List<String> list) {
        return "{\"uris\":["
                + String.join(",", list.stream().map(u -> "\"" + u + "\"").toList()) + "]}";
    }

    private List<String> itemUris(String playlist, String accessToken) {
        List<String> found = new ArrayList<>();
        http.get("/playlists/" + playlist + "/items", accessToken)
                .json()
                .get("items")
                .forEach(e -> found.add(e.path("item").path("uri").asText(null)));
        return found;
    }

    // ---- read-after-write

    @Test
    void aWriteShowsThroughReadsOnlyAfterTheLagThoughThe201CarriesTheNewSnapshot() {
        String playlist = simulator.createPlaylist("lag");
        String before = http.get("/playlists/" + playlist, token)
                .json()
                .get("snapshot_id")
                .asText();

        SimHttp.Answer added = http.post("/playlists/" + playlist + "/items", token, urisJson(uris.subList(0, 1)));

        assertThat(added.status()).isEqualTo(201);
        String after = added.json().get("snapshot_id").asText();
        assertThat(after).isNotEqualTo(before).isEqualTo(simulator.snapshotId(playlist));
        assertThat(itemUris(playlist, token)).as("not visible yet").isEmpty();
        assertThat(http.get("/playlists/" + playlist, token)
                        .json()
                        .get("snapshot_id")
                        .asText())
                .isEqualTo(before);
        assertThat(simulator.playlistUris(playlist)).as("but made").containsExactly(uris.get(0));

        CLOCK.advance(LAG.minusMillis(1));
        assertThat(itemUris(playlist, token)).isEmpty();
        CLOCK.advance(Duration.ofMillis(1));
        assertThat(itemUris(playlist, token)).containsExactly(uris.get(0));
        assertThat(http.get("/playlists/" + playlist, token)
                        .json()
                        .get("snapshot_id")
                        .asText())
                .isEqualTo(after);
    }

    @Test
    void theLagIsSetOverTheControlApiAndZeroShowsWritesAtOnce() {
        String playlist = simulator.createPlaylist("no lag");
        assertThat(http.raw("POST", "/_sim/consistency-lag", "{\"ms\":0}").status())
                .isEqualTo(204);
        try {
            http.post("/playlists/" + playlist + "/items", token, urisJson(uris.subList(0, 2)));
            assertThat(itemUris(playlist, token)).containsExactlyElementsOf(uris.subList(0, 2));
        } finally {
            simulator.setConsistencyLag(LAG);
        }
        assertThat(http.raw("POST", "/_sim/consistency-lag", "{\"ms\":-1}").status())
                .isEqualTo(400);
    }

    @Test
    void aMetadataOnlyEditChangesTheSnapshotId() {
        String playlist = simulator.createPlaylist("before");
        String before = simulator.snapshotId(playlist);

        SimHttp.Answer renamed = http.send("PUT", "/playlists/" + playlist, token, "{\"name\":\"after\"}");

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(simulator.snapshotId(playlist)).isNotEqualTo(before);
        assertThat(simulator.playlistUris(playlist)).isEmpty();
        CLOCK.advance(LAG);
        JsonNode json = http.get("/playlists/" + playlist, token).json();
        assertThat(json.get("name").asText()).isEqualTo("after");
        assertThat(json.get("snapshot_id").asText()).isNotEqualTo(before);
    }

    // ---- accounts service

    @Test
    void aWrongClientSecretIsInvalidClient() {
        SimHttp.Answer answer = http.token(
                Map.of("grant_type", "refresh_token", "refresh_token", SpotifySimulator.DEFAULT_REFRESH_TOKEN),
                SpotifySimulator.DEFAULT_CLIENT_ID,
                "not-the-secret");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asText()).isEqualTo("invalid_client");
        assertThat(answer.json().get("error_description").asText()).isEqualTo("Invalid client secret");
        assertThat(http.token(Map.of("grant_type", "refresh_token", "refresh_token", "x"), "unknown-client", "secret")
                        .json()
                        .get("error")
                        .asText())
                .isEqualTo("invalid_client");
    }

    @Test
    void anUnknownRefreshTokenIsInvalidGrant() {
        SimHttp.Answer answer = http.refresh("a-refresh-token-never-issued");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(answer.json().get("error_description").asText()).isEqualTo("Invalid refresh token");
    }

    // ---- scopes and ownership

    /** An access token with exactly these scopes, through the authorization-code grant. */
    private static String tokenWithScopes(String scope) {
        String query =
                "/authorize?client_id=" + SpotifySimulator.DEFAULT_CLIENT_ID + "&response_type=code" + "&redirect_uri="
                        + SimHttp.encode(REDIRECT) + (scope == null ? "" : "&scope=" + SimHttp.encode(scope));
        SimHttp.Answer redirect = http.raw("GET", query, null);
        assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
        String location = redirect.response().headers().firstValue("Location").orElseThrow();
        Map<String, String> params = new HashMap<>();
        for (String pair : URI.create(location).getQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], kv[1]);
        }
        SimHttp.Answer exchanged = http.token(
                Map.of("grant_type", "authorization_code", "code", params.get("code"), "redirect_uri", REDIRECT), true);
        return exchanged.json().get("access_token").asText();
    }

    @Test
    void addingNeedsTheModifyScopeOfThePlaylistsVisibility() {
        String publicList = simulator.createPlaylist("public");
        String privateList = simulator.createPrivatePlaylist("private");
        String publicOnly = tokenWithScopes("playlist-read-private playlist-modify-public");
        String privateOnly = tokenWithScopes("playlist-read-private playlist-modify-private");
        String body = urisJson(uris.subList(0, 1));

        assertThat(http.post("/playlists/" + publicList + "/items", publicOnly, body)
                        .status())
                .isEqualTo(201);
        SimHttp.Answer refused = http.post("/playlists/" + privateList + "/items", publicOnly, body);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").get("message").asText()).isEqualTo("Insufficient client scope");
        assertThat(http.post("/playlists/" + privateList + "/items", privateOnly, body)
                        .status())
                .isEqualTo(201);
        assertThat(http.post("/playlists/" + publicList + "/items", privateOnly, body)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void anAuthorizationWithoutScopesGrantsNone() {
        String none = tokenWithScopes(null);
        String privateList = simulator.createPrivatePlaylist("private");

        assertThat(http.get("/me", none).status()).isEqualTo(200);
        assertThat(http.get("/playlists/" + privateList + "/items", none).status())
                .isEqualTo(403);
        assertThat(http.post("/playlists/" + privateList + "/items", none, urisJson(uris.subList(0, 1)))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void anotherUsersPlaylistIs403EvenWithEveryScopeUnlessWeCollaborate() {
        String foreign = simulator.createPlaylist("theirs", "another-user");

        SimHttp.Answer add = http.post("/playlists/" + foreign + "/items", token, urisJson(uris.subList(0, 1)));

        assertThat(add.status()).isEqualTo(403);
        assertThat(add.json().get("error").get("message").asText())
                .isEqualTo("You cannot add tracks to a playlist you don't own.");
        assertThat(http.get("/playlists/" + foreign + "/items", token).status()).isEqualTo(403);
        assertThat(http.get("/playlists/" + foreign, token).status())
                .as("the playlist itself is visible")
                .isEqualTo(200);

        simulator.makeCollaborative(foreign);
        assertThat(http.post("/playlists/" + foreign + "/items", token, urisJson(uris.subList(0, 1)))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void myPlaylistsListsFollowedPlaylistsToo() {
        simulator.reset();
        String mine = simulator.createPlaylist("mine");
        String followed = simulator.createPlaylist("followed", "another-user");
        simulator.createPlaylist("not followed", "another-user");
        simulator.followPlaylist(followed);

        List<String> ids = new ArrayList<>();
        http.get("/me/playlists", token)
                .json()
                .get("items")
                .forEach(p -> ids.add(p.get("id").asText()));

        assertThat(ids).containsExactly(mine, followed);
    }

    // ---- 429 without Retry-After

    @Test
    void an429WithoutRetryAfterKeepsRefusingForAnUnannouncedWait() {
        simulator.injectFault(Fault.tooManyRequestsWithoutRetryAfter("search", 1, Duration.ofSeconds(4)));

        SimHttp.Answer first = http.get("/search?type=track&q=queen", token);
        CLOCK.advance(Duration.ofSeconds(3));
        SimHttp.Answer during = http.get("/search?type=track&q=queen", token);
        CLOCK.advance(Duration.ofSeconds(1));
        SimHttp.Answer after = http.get("/search?type=track&q=queen", token);

        assertThat(first.status()).isEqualTo(429);
        assertThat(first.response().headers().firstValue("Retry-After")).isEmpty();
        assertThat(during.status()).isEqualTo(429);
        assertThat(during.response().headers().firstValue("Retry-After")).isEmpty();
        assertThat(after.status()).isEqualTo(200);
        assertThat(simulator.stats().tooManyRequestsWithoutRetryAfter()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theBudgetSendsAShareOfIts429sWithoutRetryAfter() {
        simulator.setRateLimit(1, Duration.ofSeconds(30), Duration.ofSeconds(2), 0.5);
        int withHeader = 0;
        int without = 0;
        for (int round = 0; round < 4; round++) {
            assertThat(http.get("/me", token).status()).isEqualTo(200);
            SimHttp.Answer refused = http.get("/me", token);
            assertThat(refused.status()).isEqualTo(429);
            if (refused.response().headers().firstValue("Retry-After").isPresent()) {
                withHeader++;
            } else {
                without++;
            }
            CLOCK.advance(Duration.ofSeconds(31));
        }
        assertThat(withHeader).isEqualTo(2);
        assertThat(without).isEqualTo(2);
        assertThat(http.raw("POST", "/_sim/rate-limit", "{\"requests\":5,\"without_retry_after_share\":2}")
                        .status())
                .isEqualTo(400);
    }

    // ---- fields, entries, removed endpoints

    @Test
    void fieldsFiltersTheAnswerAndAWrongFieldYieldsNothing() {
        String playlist = simulator.createPlaylist("fields");
        simulator.addToPlaylist(playlist, uris.subList(0, 2));
        CLOCK.advance(LAG);

        JsonNode snapshot = http.get("/playlists/" + playlist + "?fields=snapshot_id", token)
                .json();
        JsonNode items = http.get("/playlists/" + playlist + "/items?fields=total,items(item(uri))", token)
                .json();
        JsonNode wrong =
                http.get("/playlists/" + playlist + "?fields=snapshotid", token).json();

        assertThat(snapshot.properties()).hasSize(1);
        assertThat(snapshot.get("snapshot_id").asText()).isEqualTo(simulator.snapshotId(playlist));
        assertThat(items.get("total").asInt()).isEqualTo(2);
        assertThat(items.has("next")).isFalse();
        JsonNode entry = items.get("items").get(0);
        assertThat(entry.properties()).hasSize(1);
        assertThat(entry.get("item").properties()).hasSize(1);
        assertThat(entry.get("item").get("uri").asText()).isEqualTo(uris.get(0));
        assertThat(wrong.isEmpty()).isTrue();
        assertThat(http.get("/playlists/" + playlist + "?fields=items(total", token)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void playlistsHoldLocalFilesEpisodesAndRemovedTracks() {
        String playlist = simulator.createPlaylist("mixed");
        String local = "spotify:local:Some+Band:Some+Album:Home+Recording:200";
        String episode = "spotify:episode:512ojhOuo1ktJprKbVcKyQ";
        String removed = "spotify:track:0000000000000000000000";
        simulator.addToPlaylist(playlist, List.of(local, episode, removed, uris.get(0)));
        CLOCK.advance(LAG);

        JsonNode items =
                http.get("/playlists/" + playlist + "/items", token).json().get("items");

        assertThat(items).hasSize(4);
        assertThat(items.get(0).get("is_local").asBoolean()).isTrue();
        assertThat(items.get(0).get("item").get("uri").asText()).isEqualTo(local);
        assertThat(items.get(0).get("item").path("id").asText(null)).isNull();
        assertThat(items.get(0).get("item").get("name").asText()).isEqualTo("Home Recording");
        assertThat(items.get(1).get("item").get("type").asText()).isEqualTo("episode");
        assertThat(items.get(1).get("item").get("uri").asText()).isEqualTo(episode);
        assertThat(items.get(2).path("item").isNull()
                        || items.get(2).path("item").isMissingNode())
                .as("a removed track reads as null")
                .isTrue();
        assertThat(items.get(3).get("item").get("uri").asText()).isEqualTo(uris.get(0));
    }

    @Test
    void removedEndpointsAnswer403Not404() {
        String playlist = simulator.createPlaylist("legacy");
        String id = uris.get(0).substring("spotify:track:".length());

        assertThat(http.get("/playlists/" + playlist + "/tracks", token).status())
                .isEqualTo(403);
        assertThat(http.get("/tracks?ids=" + id, token).status()).isEqualTo(403);
        assertThat(http.get("/audio-features/" + id, token).status()).isEqualTo(403);
        assertThat(http.get("/recommendations?seed_tracks=" + id, token).status())
                .isEqualTo(403);
        assertThat(http.get("/tracks/" + id, token).status())
                .as("the single-track call stays")
                .isEqualTo(200);
        assertThat(http.get("/no-such-endpoint", token).status()).isEqualTo(404);
    }
}
