package io.musicsync.bench;

import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.MatchDecision;
import io.musicsync.domain.SongQuery;
import io.musicsync.matching.Matcher;
import io.musicsync.matching.MatcherKind;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time to match one request against ten candidates (the most Spotify search returns), decoys included. Not a test:
 * run it with the command in docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MatcherBenchmark {

    @Param({"precision", "original"})
    public String matcher;

    private Matcher instance;
    private final SongQuery song =
            new SongQuery("Never Did Coke (feat. Swae Lee)", "Lil Yachty", "Michigan Boy Boat", 184_210, null, null);
    private final List<CatalogTrack> candidates = List.of(
            track("1", "Westside", "Lil Boat 3", 151_431, true, "Lil Yachty"),
            track(
                    "2",
                    "Never Did Coke - Acoustic",
                    "Never Did Coke (Acoustic)",
                    193_607,
                    true,
                    "Lil Yachty",
                    "Swae Lee"),
            track(
                    "3",
                    "Never Did Coke - Tiësto Remix",
                    "Never Did Coke (Remixes)",
                    175_749,
                    true,
                    "Lil Yachty",
                    "Swae Lee",
                    "Tiësto"),
            track(
                    "4",
                    "Never Did Coke (feat. Swae Lee)",
                    "Michigan Boy Boat",
                    184_098,
                    false,
                    "Lil Yachty",
                    "Swae Lee"),
            track("5", "Never Did Coke", "Never Did Coke", 196_870, false, "Ankor"),
            track(
                    "6",
                    "Oprah's Bank Account (Lil Yachty & DaBaby feat. Drake)",
                    "Lil Boat 3",
                    205_635,
                    true,
                    "Lil Yachty",
                    "DaBaby",
                    "Drake"),
            track("7", "Never Did Coke (feat. Swae Lee)", "Michigan Boy Boat", 183_313, true, "Lil Yachty", "Swae Lee"),
            track("8", "Never Did Coke - Instrumental", "Michigan Boy Boat", 184_473, false, "Lil Yachty", "Swae Lee"),
            track("9", "Never Did Coke - Live", "Live at the Fillmore", 201_000, true, "Lil Yachty", "Swae Lee"),
            track("10", "Never Did Coke (Karaoke Version)", "Karaoke Hits Vol. 12", 184_900, false, "Ameritz Karaoke"));

    @Setup
    public void setUp() {
        instance = MatcherKind.fromName(matcher).create();
    }

    @Benchmark
    public MatchDecision matchTenCandidates() {
        return instance.decide(song, candidates, 0.85);
    }

    private static CatalogTrack track(
            String id, String name, String album, int durationMs, boolean explicit, String... artists) {
        return new CatalogTrack(
                id, "spotify:track:" + id, name, List.of(artists), album, "2023-01-01", durationMs, explicit, null);
    }
}
