package io.musicsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The small pieces of a bench run that are pure logic: songs, counters, /proc lines, printed settings. */
class BenchPartsTest {

    @Test
    void songsOfARunAndOfDifferentRunsNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int run = 1; run <= 3; run++) {
            for (int i = 0; i < 10_000; i++) {
                BenchSong song = BenchSong.of(run, i);
                assertThat(seen.add(song.title() + "|" + song.artist()))
                        .as("run %d song %d: %s", run, i, song)
                        .isTrue();
            }
        }
    }

    @Test
    void neighbouringSongsShareNoWordOfTheirTitle() {
        BenchSong one = BenchSong.of(1, 41);
        BenchSong next = BenchSong.of(1, 42);

        assertThat(List.of(next.title().split(" ")))
                .doesNotContainAnyElementsOf(List.of(one.title().split(" ")));
        assertThat(next.artist()).isNotEqualTo(one.artist());
    }

    @Test
    void callsPerEndpointAreTheDifferenceOfTwoSnapshots() {
        Map<String, Long> before = Map.of("search", 10L, "add", 2L, "token", 1L);
        Map<String, Long> after = Map.of("search", 25L, "add", 3L, "token", 1L, "items", 4L);

        assertThat(SpotifyCallsSection.delta(before, after))
                .containsExactly(Map.entry("add", 1L), Map.entry("items", 4L), Map.entry("search", 15L));
    }

    @Test
    void callsPerSongTableHasOneColumnPerEndpointSeen() {
        String table = SpotifyCallsSection.render(List.of(
                new SpotifyCallsSection.Calls("one by one", 10, Map.of("search", 10L, "add", 10L), "10 added"),
                new SpotifyCallsSection.Calls("at once", 50, Map.of("search", 50L, "add", 1L), "50 added")));

        assertThat(table)
                .contains("| case | songs | calls per song | add / song | search / song | outcome |")
                .contains("| one by one | 10 | 2.00 | 1.00 | 1.00 | 10 added |")
                .contains("| at once | 50 | 1.02 | 0.02 | 1.00 | 50 added |");
    }

    @Test
    void readsKilobytesFromProcStatusLines() {
        assertThat(ChildProcess.kilobytes("VmRSS:\t  212340 kB")).isEqualTo(212_340);
    }

    @Test
    void readsTheSettingsTheSimulatorPrints() {
        String output = """
                Spotify simulator running.
                  Web API: http://127.0.0.1:5/v1

                Point music-sync at it with:
                SPOTIFY_API_URL=http://127.0.0.1:5/v1
                SPOTIFY_CLIENT_ID=abc
                DEFAULT_PLAYLIST_ID=p1
                """;

        assertThat(SimulatorProcess.printedSettings(output))
                .containsOnly(
                        Map.entry("SPOTIFY_API_URL", "http://127.0.0.1:5/v1"), Map.entry("SPOTIFY_CLIENT_ID", "abc"));
    }
}
