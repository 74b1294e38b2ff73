package io.musicsync.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.musicsync.config.Settings;
import io.musicsync.domain.AddConfirmation;
import io.musicsync.domain.AddOutcome;
import io.musicsync.domain.ServiceUnavailableException;
import io.musicsync.simulator.Fault;
import io.musicsync.simulator.SimulatorOptions;
import io.musicsync.simulator.SpotifySimulator;
import io.musicsync.simulator.TrackJson;
import io.musicsync.spotify.SpotifyClient;
import io.musicsync.spotify.SpotifyModule;
import io.musicsync.support.SyntheticSongs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The standalone writers against the simulator over HTTP, through the real Spotify client. */
class PlaylistWritersTest {

    private SpotifySimulator simulator;
    private SpotifyClient client;
    private String playlist;
    private List<String> uris;
    private final ExecutorService syncs = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeEach
    void start() throws Exception {
        simulator = SpotifySimulator.start(SimulatorOptions.defaults().withLoadCatalog(false));
        uris = simulator.addTracks(SyntheticSongs.first(120)).stream()
                .map(TrackJson::uri)
                .toList();
        playlist = simulator.createPlaylist("writer test");
        Path configDir = Files.createTempDirectory("writer-test");
        Settings settings = Settings.load(
                Map.of(
                        "SPOTIFY_API_URL",
                        simulator.apiUrl().toString(),
                        "SPOTIFY_ACCOUNTS_URL",
                        simulator.accountsUrl().toString(),
                        "SPOTIFY_CLIENT_ID",
                        SpotifySimulator.DEFAULT_CLIENT_ID,
                        "SPOTIFY_REFRESH_TOKEN",
                        SpotifySimulator.DEFAULT_REFRESH_TOKEN,
                        "SPOTIFY_MAX_REQUESTS_PER_SECOND",
                        "1000",
                        "CONFIG_DIR",
                        configDir.toString()),
                null);
        client = SpotifyModule.create(settings, Clock.systemUTC()).client();
    }

    @AfterEach
    void stop() {
        syncs.close();
        simulator.close();
    }

    private List<AddOutcome> addAtOnce(PlaylistWriters writers, List<String> tracks) {
        List<CompletableFuture<AddOutcome>> adds = new ArrayList<>();
        for (String uri : tracks) {
            adds.add(CompletableFuture.supplyAsync(() -> writers.add(playlist, uri), syncs));
        }
        return adds.stream().map(CompletableFuture::join).toList();
    }

    private long addCalls() {
        return simulator.stats().requests("add");
    }

    @Test
    void fiftyConcurrentAddsShareOneAddCallAndTheSameFiftyAgainAddNothing() {
        simulator.setConsistencyLag(Duration.ZERO); // a Spotify that shows the add at once: confirmed by read-back
        PlaylistWriters writers = new PlaylistWriters(client, BatchWindow.DEFAULT);
        List<String> fifty = uris.subList(0, 50);

        List<AddOutcome> first = addAtOnce(writers, fifty);

        assertThat(first).allMatch(AddOutcome::added);
        assertThat(first).allMatch(o -> o.confirmation() == AddConfirmation.READ_BACK);
        assertThat(addCalls()).isEqualTo(1);
        assertThat(simulator.playlistUris(playlist)).containsExactlyInAnyOrderElementsOf(fifty);

        List<AddOutcome> again = addAtOnce(writers, fifty);

        assertThat(again).noneMatch(AddOutcome::added);
        assertThat(addCalls()).isEqualTo(1);
        assertThat(simulator.playlistUris(playlist)).hasSize(50);
    }

    @Test
    void moreThanAHundredAtOnceGoInCallsOfAHundredAtMost() {
        PlaylistWriters writers = new PlaylistWriters(client, BatchWindow.DEFAULT);

        List<AddOutcome> outcomes = addAtOnce(writers, uris.subList(0, 120));

        assertThat(outcomes).allMatch(AddOutcome::added);
        assertThat(addCalls()).isEqualTo(2);
        assertThat(simulator.playlistUris(playlist)).containsExactlyInAnyOrderElementsOf(uris);
    }

    @Test
    void theSameTrackAskedForTwiceAtOnceIsAddedOnceAndEachAskerHearsItsOwnOutcome() {
        PlaylistWriters writers = new PlaylistWriters(client, BatchWindow.DEFAULT);

        List<AddOutcome> outcomes = addAtOnce(writers, List.of(uris.get(0), uris.get(0)));

        assertThat(outcomes).extracting(AddOutcome::added).containsExactlyInAnyOrder(true, false);
        assertThat(simulator.playlistUris(playlist)).containsExactly(uris.get(0));
    }

    @Test
    void aTrackSomebodyElseAddedIsFoundByReReadingOnlyWhenTheSnapshotChanged() {
        PlaylistWriters writers = new PlaylistWriters(client, BatchWindow.DEFAULT);
        writers.add(playlist, uris.get(0));
        long pageReads = simulator.stats().requests("items");
        writers.add(playlist, uris.get(0));
        assertThat(simulator.stats().requests("items"))
                .as("an unchanged playlist is not read again")
                .isEqualTo(pageReads);

        simulator.addToPlaylist(playlist, List.of(uris.get(1))); // another app adds a track
        String changed = simulator.snapshotId(playlist);
        // The strict simulator shows it only after its read-after-write lag, as Spotify does.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> client.playlistSnapshot(playlist).equals(changed));

        AddOutcome outcome = writers.add(playlist, uris.get(1));
        assertThat(outcome.added()).isFalse();
        assertThat(outcome.confirmation()).isEqualTo(AddConfirmation.PLAYLIST_READ);
        assertThat(simulator.playlistUris(playlist)).containsExactly(uris.get(0), uris.get(1));
    }

    @Test
    void underReadAfterWriteLagOurRecordKeepsASecondAddOutAndTheAddIsTrustedNotFailed() {
        simulator.setConsistencyLag(Duration.ofSeconds(30));
        PlaylistWriters writers = new PlaylistWriters(client, BatchWindow.DEFAULT);

        AddOutcome first = writers.add(playlist, uris.get(0));
        AddOutcome second = writers.add(playlist, uris.get(0)); // the playlist's reads do not show the first yet

        assertThat(first.added()).isTrue();
        assertThat(first.confirmation()).isEqualTo(AddConfirmation.ADD_ACCEPTED);
        assertThat(second.added()).isFalse();
        assertThat(second.confirmation()).isEqualTo(AddConfirmation.WRITER_RECORD);
        assertThat(simulator.playlistUris(playlist)).containsExactly(uris.get(0));
        writers.verify(playlist, uris.get(0), first.position()); // no false "verification failed"
    }

    @Test
    void aFailedAddFailsItsBatchAndTheNextBatchReadsThePlaylistAgain() {
        PlaylistWriters writers = new PlaylistWriters(client, BatchWindow.DEFAULT);
        writers.add(playlist, uris.get(0));
        simulator.injectFault(new Fault("add", 503, 1, Duration.ofSeconds(1)));

        assertThatThrownBy(() -> writers.add(playlist, uris.get(1))).isInstanceOf(ServiceUnavailableException.class);
        long pageReads = simulator.stats().requests("items");
        AddOutcome retried = writers.add(playlist, uris.get(1));

        assertThat(retried.added()).isTrue();
        assertThat(simulator.stats().requests("items")).isGreaterThan(pageReads);
        assertThat(simulator.playlistUris(playlist)).containsExactly(uris.get(0), uris.get(1));
    }

    @Test
    void aLoneAddWaitsOnlyTheQuietPauseOfTheWindow() {
        PlaylistWriters writers = new PlaylistWriters(client, BatchWindow.DEFAULT);
        writers.add(playlist, uris.get(0)); // warm up the connection and the token

        long started = System.nanoTime();
        writers.add(playlist, uris.get(1));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isGreaterThanOrEqualTo(BatchWindow.DEFAULT.quiet());
        assertThat(took).as("one quiet pause plus three calls").isLessThan(Duration.ofSeconds(2));
    }
}
