package io.musicsync.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicsync.config.Settings;
import io.musicsync.domain.CatalogTrack;
import io.musicsync.eval.CaseResult;
import io.musicsync.eval.CatalogReader;
import io.musicsync.eval.EvaluationMetrics;
import io.musicsync.eval.MatchCase;
import io.musicsync.eval.MatchCaseReader;
import io.musicsync.eval.SearchCaseResult;
import io.musicsync.eval.SearchEvaluation;
import io.musicsync.eval.SearchMetrics;
import io.musicsync.eval.SearchWorld;
import io.musicsync.matching.MatcherKind;
import io.musicsync.simulator.AlbumJson;
import io.musicsync.simulator.ArtistJson;
import io.musicsync.simulator.SimulatorOptions;
import io.musicsync.simulator.SpotifySimulator;
import io.musicsync.simulator.TrackJson;
import io.musicsync.spotify.SpotifyModule;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code search-eval CATALOG CASES}: loads the catalog into an in-process strict simulator and runs each labelled
 * case's song through the real {@code SpotifyClient} search and the pipeline's matcher.
 */
@Command(
        name = "search-eval",
        mixinStandardHelpOptions = true,
        description = "Evaluate search and matching end to end against the strict Spotify simulator.")
public final class SearchEvalCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CATALOG", description = "tracks, one JSON object a line")
    private Path catalogFile;

    @Parameters(index = "1", paramLabel = "CASES", description = "labelled cases, one JSON object a line")
    private Path casesFile;

    @Option(names = "--json", description = "one JSON line a case instead of the summary")
    private boolean json;

    @Option(
            names = "--isrc-miss-share",
            defaultValue = "0.1",
            description = "share of ISRCs whose isrc: search finds nothing (default: ${DEFAULT-VALUE})")
    private double isrcMissShare;

    @Option(names = "--mistakes", defaultValue = "10", description = "how many search misses and wrong adds to list")
    private int mistakes;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path file : List.of(catalogFile, casesFile)) {
            if (!Files.isReadable(file)) {
                err.println("cannot read " + file);
                return 2;
            }
        }
        ObjectMapper mapper = new ObjectMapper();
        List<CatalogTrack> catalog;
        List<MatchCase> cases;
        try {
            catalog = new CatalogReader(mapper).read(catalogFile);
            cases = new MatchCaseReader(mapper).read(casesFile);
        } catch (IOException e) {
            err.println(e.getMessage());
            return 2;
        }
        SearchWorld world = SearchWorld.of(catalog, cases);
        double threshold = Settings.fromEnvironment().matching().fuzzyMatchThreshold();
        Path configDir = Files.createTempDirectory("music-sync-search-eval");
        List<SearchCaseResult> results;
        try (SpotifySimulator simulator = SpotifySimulator.start(SimulatorOptions.defaults()
                .withLoadCatalog(false)
                .withConsistencyLag(Duration.ZERO)
                .withIsrcMissShare(isrcMissShare))) {
            simulator.addCatalogTracks(
                    world.tracks().stream().map(SearchEvalCommand::toTrack).toList());
            SpotifyModule spotify = SpotifyModule.create(settings(simulator, configDir), Clock.systemUTC());
            SearchWorld.Hider hider = world.hider();
            results = new SearchEvaluation(
                            spotify.client(),
                            MatcherKind.PRECISION.create(),
                            threshold,
                            () -> simulator.stats().requests("search"),
                            c -> simulator.hideTracks(hider.hiddenFor(c)))
                    .run(cases);
        }
        if (json) {
            results.forEach(r -> out.println(jsonLine(mapper, r)));
        } else {
            printSummary(out, world, threshold, results);
        }
        out.flush();
        return 0;
    }

    /** The simulator's default client and refresh token, a private config dir, no client-side pacing. */
    private static Settings settings(SpotifySimulator simulator, Path configDir) {
        Map<String, String> env = new HashMap<>();
        env.put("SPOTIFY_API_URL", simulator.apiUrl().toString());
        env.put("SPOTIFY_ACCOUNTS_URL", simulator.accountsUrl().toString());
        env.put("SPOTIFY_CLIENT_ID", SpotifySimulator.DEFAULT_CLIENT_ID);
        env.put("SPOTIFY_CLIENT_SECRET", SpotifySimulator.DEFAULT_CLIENT_SECRET);
        env.put("SPOTIFY_REFRESH_TOKEN", SpotifySimulator.DEFAULT_REFRESH_TOKEN);
        env.put("SPOTIFY_MAX_REQUESTS_PER_SECOND", "1000");
        env.put("CONFIG_DIR", configDir.toString());
        return Settings.load(env, configDir.resolve("no-such.env"));
    }

    static TrackJson toTrack(CatalogTrack track) {
        List<ArtistJson> artists = track.artists().stream()
                .map(name -> new ArtistJson(null, name, null, null))
                .toList();
        AlbumJson album = new AlbumJson(
                null,
                track.album() == null ? track.name() : track.album(),
                track.releaseDate(),
                "album",
                List.of(),
                null,
                null);
        Map<String, String> externalIds = track.isrc() == null ? Map.of() : Map.of("isrc", track.isrc());
        return new TrackJson(
                track.id(),
                track.uri(),
                track.name(),
                artists,
                album,
                track.durationMs(),
                track.explicit(),
                externalIds,
                false,
                true,
                1,
                1,
                "track");
    }

    private static String jsonLine(ObjectMapper mapper, SearchCaseResult r) {
        ObjectNode line = mapper.createObjectNode();
        line.put("id", r.result().matchCase().id());
        line.put("search_found", r.searchFound());
        line.put("candidates", r.found().size());
        line.put("search_calls", r.searchCalls());
        line.put("outcome", r.result().decision().outcome().name().toLowerCase(Locale.ROOT));
        line.put("uri", r.result().addedUri());
        line.put("verdict", r.result().verdict().name().toLowerCase(Locale.ROOT));
        return line.toString();
    }

    private void printSummary(PrintWriter out, SearchWorld world, double threshold, List<SearchCaseResult> results) {
        SearchMetrics m = SearchMetrics.of(results);
        EvaluationMetrics e = m.endToEnd();
        out.printf(
                Locale.ROOT,
                "strict simulator with %d tracks (each case's other copies of its song hidden), ISRC miss share %.2f; "
                        + "matcher precision, threshold %.2f%n",
                world.tracks().size(),
                isrcMissShare,
                threshold);
        out.printf(
                Locale.ROOT,
                "cases %d: search recall %.1f%% (%d/%d); end to end precision %.2f%% (%d/%d), recall %.1f%% "
                        + "(%d/%d), wrong adds on absent %.2f%% (%d/%d); search calls %d, %.2f per song%n",
                m.cases(),
                100 * m.searchRecall(),
                m.searchFound(),
                m.present(),
                100 * e.precision(),
                e.correctAdds(),
                e.adds(),
                100 * e.recall(),
                e.correctAdds(),
                e.present(),
                100 * e.wrongAddRateOnAbsent(),
                e.wrongAddsOnAbsent(),
                e.absent(),
                m.searchCalls(),
                m.callsPerSong());
        results.stream()
                .filter(r -> r.result().matchCase().present() && !r.searchFound())
                .limit(mistakes)
                .forEach(r -> out.printf(
                        Locale.ROOT,
                        "  SEARCH MISSED %s: %s (%d found)%n",
                        r.result().matchCase().id(),
                        r.result().matchCase().song(),
                        r.found().size()));
        results.stream()
                .filter(r -> r.result().verdict() == CaseResult.Verdict.WRONG_ADD)
                .sorted(Comparator.comparingDouble(
                                (SearchCaseResult r) -> r.result().confidence())
                        .reversed())
                .limit(mistakes)
                .forEach(r -> out.printf(
                        Locale.ROOT,
                        "  WRONG ADD %s: %s -> %s%n",
                        r.result().matchCase().id(),
                        r.result().matchCase().song(),
                        r.result().decision().chosen().track()));
    }
}
