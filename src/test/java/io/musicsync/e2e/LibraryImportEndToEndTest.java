package io.musicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicsync.simulator.SimulatorStats;
import io.musicsync.support.GeneratedLibrary;
import io.musicsync.support.TestService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when" for a bulk import (standalone): a generated Library.xml of 1,000 entries (songs mixed with
 * music videos, podcast episodes, entries without a name and songs Spotify lacks) uploaded to
 * {@code POST /api/v1/imports} into a playlist that already holds 5,000 tracks, on the strict simulator (reads lag
 * 1.5 s behind writes). Every row ends in its stated outcome, nothing is added twice, the import costs at most 1.3
 * Spotify calls per song (the simulator's counters), and a second run adds nothing and makes no add call. The
 * figures are printed for docs/benchmarks.md.
 */
class LibraryImportEndToEndTest {

    private static final int ENTRIES = 1_000;
    private static final int PLAYLIST_SIZE = 5_000;

    @TempDir
    Path dir;

    private TestService service;

    @BeforeEach
    void start() {
        service = TestService.standalone();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void aThousandSongLibraryIntoAFiveThousandTrackPlaylist() throws Exception {
        String playlist = service.playlistId();
        GeneratedLibrary library = GeneratedLibrary.create(
                dir.resolve("Library.xml"), ENTRIES, service.simulator(), playlist, PLAYLIST_SIZE);
        int before = service.simulator().playlistUris(playlist).size();
        assertThat(before).isGreaterThanOrEqualTo(PLAYLIST_SIZE);
        byte[] content = Files.readAllBytes(library.file());
        // The playlist was filled a moment ago: wait until Spotify's (lagging) reads show it, as they would for a
        // playlist a person made earlier.
        String filled = service.simulator().snapshotId(playlist);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> service.app()
                        .spotify()
                        .client()
                        .playlistSnapshot(playlist)
                        .equals(filled));

        SimulatorStats start = service.simulator().stats();
        long startedAt = System.nanoTime();
        List<JsonNode> rows = importAndAwait(content);
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        SimulatorStats end = service.simulator().stats();

        List<String> outcomes = new ArrayList<>();
        for (JsonNode row : rows) {
            outcomes.add(row.path("outcome").asText()
                    + (row.has("skip_reason") ? ":" + row.path("skip_reason").asText() : ""));
        }
        assertThat(outcomes).containsExactlyElementsOf(library.expected());
        for (int i = 0; i < rows.size(); i++) {
            if (library.uris().get(i) != null) {
                assertThat(rows.get(i).path("track_uri").asText())
                        .as("row %d", i + 1)
                        .isEqualTo(library.uris().get(i));
            }
        }
        List<String> inPlaylist = service.simulator().playlistUris(playlist);
        assertThat(inPlaylist).doesNotHaveDuplicates().hasSize(before + (int) library.count("added"));

        long calls = calls(start, end);
        double perSong = (double) calls / library.songs();
        System.out.printf(
                Locale.ROOT,
                "library import: %d entries (%d songs: %d added, %d already there, %d not found) into a %d-track"
                        + " playlist in %.1f s: %d Spotify calls, %.3f per song; by endpoint %s%n",
                ENTRIES,
                library.songs(),
                library.count("added"),
                library.count("already_there"),
                library.count("not_found"),
                before,
                seconds,
                calls,
                perSong,
                delta(start, end));
        assertThat(perSong).as("Spotify calls per song").isLessThanOrEqualTo(1.3);
        // The playlist is read whole once (50 entries a page); every other item read is a batch's read-back.
        long pages = (before + 49L) / 50;
        assertThat(end.requests("items") - start.requests("items"))
                .isLessThanOrEqualTo(pages + (end.requests("add") - start.requests("add")));

        SimulatorStats again = service.simulator().stats();
        List<JsonNode> second = importAndAwait(content);
        SimulatorStats afterAgain = service.simulator().stats();
        assertThat(second)
                .extracting(r -> r.path("outcome").asText())
                .containsExactlyElementsOf(library.expected().stream()
                        .map(e -> e.equals("added") ? "already_there" : e.replaceAll(":.*", ""))
                        .toList());
        assertThat(afterAgain.requests("add") - again.requests("add")).isZero();
        assertThat(service.simulator().playlistUris(playlist)).hasSameSizeAs(inPlaylist);
    }

    /** Uploads the library, waits for the import to end and reads all its rows, page by page. */
    private List<JsonNode> importAndAwait(byte[] content) {
        TestService.Answer accepted = service.postMultipart("/api/v1/imports", Map.of(), "Library.xml", content);
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        assertThat(accepted.body().path("counts").path("total").asInt()).isEqualTo(ENTRIES);
        String url = accepted.body().path("status_url").asText();
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> !service.get(url + "?limit=0")
                        .body()
                        .path("status")
                        .asText()
                        .equals("running"));
        List<JsonNode> rows = new ArrayList<>();
        String cursor = "0";
        while (cursor != null) {
            JsonNode page = service.get(url + "?limit=500&cursor=" + cursor).body();
            assertThat(page.path("status").asText()).isEqualTo("completed");
            page.path("rows").forEach(rows::add);
            cursor = page.has("next_cursor") ? page.path("next_cursor").asText() : null;
        }
        assertThat(rows).hasSize(ENTRIES);
        return rows;
    }

    private static long calls(SimulatorStats start, SimulatorStats end) {
        return end.totalRequests() - start.totalRequests();
    }

    private static Map<String, Long> delta(SimulatorStats start, SimulatorStats end) {
        Map<String, Long> out = new java.util.TreeMap<>();
        end.requests().forEach((k, v) -> {
            long d = v - start.requests(k);
            if (d > 0) {
                out.put(k, d);
            }
        });
        return out;
    }
}
