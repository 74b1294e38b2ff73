package io.musicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicsync.simulator.CatalogEntry;
import io.musicsync.simulator.SimulatorStats;
import io.musicsync.support.SyntheticSongs;
import io.musicsync.support.TestService;
import io.musicsync.support.WriterLoad;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
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
            List<String> requests =
                    songs.stream().map(SyntheticSongs::requestBody).toList();

            List<JsonNode> first = succeeded(WriterLoad.syncAll(service, requests));

            assertThat(first)
                    .noneMatch(
                            status -> status.at("/result/already_in_playlist").asBoolean());
            long addCalls = service.simulator().stats().requests("add");
            assertThat(addCalls).isBetween(1L, 3L);
            assertThat(service.simulator().playlistUris(service.playlistId())).hasSize(50);

            List<JsonNode> again = succeeded(WriterLoad.syncAll(service, requests));

            assertThat(again)
                    .allMatch(status -> status.at("/result/already_in_playlist").asBoolean());
            assertThat(service.simulator().stats().requests("add"))
                    .as("no add call for songs already there")
                    .isEqualTo(addCalls);
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
            List<String> requests = WriterLoad.withTwins(songs, 30); // 30 songs sent twice at once, 140 once
            long before = service.simulator().stats().totalRequests();

            List<JsonNode> finished = succeeded(WriterLoad.syncAll(service, requests));

            SimulatorStats stats = service.simulator().stats();
            List<String> playlist = service.simulator().playlistUris(service.playlistId());
            assertThat(playlist).hasSize(170);
            assertThat(new HashSet<>(playlist)).as("no duplicates").hasSize(170);
            double callsPerSync = (stats.totalRequests() - before) / (double) requests.size();
            assertThat(callsPerSync).as(stats.requests().toString()).isLessThanOrEqualTo(2.0);
            assertThat(finished.stream()
                            .filter(s -> s.at("/result/already_in_playlist").asBoolean()))
                    .hasSize(30);
        }
    }

    private static List<JsonNode> succeeded(List<JsonNode> statuses) {
        assertThat(statuses)
                .allSatisfy(status -> assertThat(status.at("/result/success").asBoolean())
                        .as(status.toString())
                        .isTrue());
        return statuses;
    }
}
