package io.musicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicsync.simulator.CatalogEntry;
import io.musicsync.simulator.SimulatorStats;
import io.musicsync.support.SyntheticSongs;
import io.musicsync.support.TestService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The playlist writer end to end, through the HTTP API, in both modes: syncs into one playlist share add calls,
 * and under read-after-write lag (the simulator shows writes 1.5 s late) songs sent twice at the same moment are
 * added once, at few Spotify calls per sync.
 */
class PlaylistWriterEndToEndTest {

    private static final Duration LAG = Duration.ofMillis(1500);

    @ParameterizedTest
    @EnumSource(TestService.Mode.class)
    void fiftySyncsAtOnceMakeAtMostThreeAddCallsAndTheSameFiftyAgainMakeNone(TestService.Mode mode) {
        try (TestService service = TestService.start(mode)) {
            List<CatalogEntry> songs = SyntheticSongs.first(50);
            service.simulator().addTracks(songs);

            List<JsonNode> first = syncAll(service, bodies(songs));

            assertThat(first)
                    .allSatisfy(
                            status -> assertThat(status.at("/result/success").asBoolean())
                                    .as(status.toString())
                                    .isTrue());
            assertThat(first)
                    .noneMatch(
                            status -> status.at("/result/already_in_playlist").asBoolean());
            assertThat(service.simulator().stats().requests("add")).isBetween(1L, 3L);
            assertThat(service.simulator().playlistUris(service.playlistId())).hasSize(50);

            List<JsonNode> again = syncAll(service, bodies(songs));

            assertThat(again)
                    .allMatch(status -> status.at("/result/already_in_playlist").asBoolean());
            assertThat(service.simulator().stats().requests("add"))
                    .as("no add call for songs already there")
                    .isBetween(1L, 3L);
            assertThat(service.simulator().playlistUris(service.playlistId())).hasSize(50);
        }
    }

    @ParameterizedTest
    @EnumSource(TestService.Mode.class)
    void underReadAfterWriteLagTwinsAreAddedOnceAtNoMoreThanTwoSpotifyCallsPerSync(TestService.Mode mode) {
        try (TestService service = TestService.start(mode)) {
            List<CatalogEntry> songs = SyntheticSongs.first(170);
            service.simulator().addTracks(songs);
            service.simulator().setConsistencyLag(LAG);
            // 30 songs each sent twice at the same moment (adjacent, so two clients send them together), 140 once.
            List<String> requests = new ArrayList<>();
            List<CatalogEntry> shuffled = new ArrayList<>(songs);
            Collections.shuffle(shuffled, new Random(9));
            for (int i = 0; i < shuffled.size(); i++) {
                String body = SyntheticSongs.requestBody(shuffled.get(i));
                requests.add(body);
                if (i < 30) {
                    requests.add(body);
                }
            }
            long before = service.simulator().stats().totalRequests();

            List<JsonNode> finished = syncAll(service, requests);

            SimulatorStats stats = service.simulator().stats();
            List<String> playlist = service.simulator().playlistUris(service.playlistId());
            assertThat(finished)
                    .allSatisfy(
                            status -> assertThat(status.at("/result/success").asBoolean())
                                    .as(status.toString())
                                    .isTrue());
            assertThat(playlist).hasSize(170);
            assertThat(new HashSet<>(playlist)).as("no duplicates").hasSize(170);
            double callsPerSync = (stats.totalRequests() - before) / (double) requests.size();
            assertThat(callsPerSync).as(stats.requests().toString()).isLessThanOrEqualTo(2.0);
            assertThat(finished.stream()
                            .filter(s -> s.at("/result/already_in_playlist").asBoolean()))
                    .hasSize(30);
        }
    }

    private static List<String> bodies(List<CatalogEntry> songs) {
        return songs.stream().map(SyntheticSongs::requestBody).toList();
    }

    /** Submits every request from 16 clients at once, then waits for every sync to finish. */
    private static List<JsonNode> syncAll(TestService service, List<String> requests) {
        List<String> ids;
        try (ExecutorService clients = Executors.newFixedThreadPool(16)) {
            List<CompletableFuture<String>> submitted = requests.stream()
                    .map(body -> CompletableFuture.supplyAsync(() -> service.submit(body), clients))
                    .toList();
            ids = submitted.stream().map(CompletableFuture::join).toList();
        }
        return ids.stream()
                .map(id -> service.awaitFinished(id, Duration.ofSeconds(120)))
                .toList();
    }
}
