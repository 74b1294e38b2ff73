package io.musicsync.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicsync.support.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Read-after-write lag: the playlist's reads show a write only the lag after it; writes see the latest. */
class SimulatorConsistencyLagTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-06-01T10:00:00Z"));
    private SpotifySimulator simulator;
    private SimHttp http;
    private String token;
    private String playlist;
    private List<String> uris;

    @BeforeEach
    void start() {
        simulator = SpotifySimulator.start(SimulatorOptions.defaults().withClock(clock));
        http = new SimHttp(simulator);
        token = http.accessToken();
        uris = simulator.search("Queen").stream().limit(3).map(TrackJson::uri).toList();
        playlist = simulator.createPlaylist("lagging");
        simulator.setConsistencyLag(Duration.ofMillis(1500));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private String readSnapshot() {
        return http.get("/playlists/" + playlist + "?fields=snapshot_id", token)
                .json()
                .get("snapshot_id")
                .asText();
    }

    private int readTotal() {
        return http.get("/playlists/" + playlist + "/items", token)
                .json()
                .get("total")
                .asInt();
    }

    @Test
    void aWriteShowsInReadsOnlyAfterTheLag() {
        String before = readSnapshot();

        String added = http.post("/playlists/" + playlist + "/items", token, "{\"uris\":[\"" + uris.get(0) + "\"]}")
                .json()
                .get("snapshot_id")
                .asText();

        assertThat(readSnapshot()).isEqualTo(before);
        assertThat(readTotal()).isZero();
        assertThat(simulator.playlistUris(playlist)).as("the latest, for tests").containsExactly(uris.get(0));
        clock.advance(Duration.ofMillis(1500));
        assertThat(readSnapshot()).isEqualTo(added);
        assertThat(readTotal()).isEqualTo(1);
    }

    @Test
    void writesInARowShowInOrderEachAfterItsOwnLag() {
        simulator.addToPlaylist(playlist, List.of(uris.get(0)));
        clock.advance(Duration.ofMillis(1000));
        simulator.addToPlaylist(playlist, List.of(uris.get(1)));

        clock.advance(Duration.ofMillis(600)); // the first is 1.6 s old, the second 0.6 s
        assertThat(readTotal()).isEqualTo(1);
        clock.advance(Duration.ofMillis(1000));
        assertThat(readTotal()).isEqualTo(2);
    }

    @Test
    void noLagShowsWritesAtOnce() {
        simulator.setConsistencyLag(Duration.ZERO);

        simulator.addToPlaylist(playlist, List.of(uris.get(0)));

        assertThat(readTotal()).isEqualTo(1);
    }
}
