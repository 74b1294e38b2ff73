package io.musicsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicsync.AppComponents;
import io.musicsync.config.Settings;
import io.musicsync.simulator.Fault;
import io.musicsync.simulator.SimulatorOptions;
import io.musicsync.simulator.SpotifySimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./music-sync import} end to end: the real composition root against the Spotify simulator over HTTP. */
class ImportCommandTest {

    private static final String LIST = """
            # a few songs, one the simulator does not know, one line that is not a song
            Queen - Bohemian Rhapsody
            The Weeknd - Blinding Lights
            Nirvana - Come As You Are
            Nobody Anyone Knows - A Song That Does Not Exist
            just words
            Oasis - Don't Look Back In Anger
            """;

    @TempDir
    Path dir;

    private SpotifySimulator simulator;
    private String playlist;
    private Settings settings;
    private final List<String> progressLines = new CopyOnWriteArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        simulator = SpotifySimulator.start(SimulatorOptions.defaults().withPort(0));
        // Reads show every write at once: here a second run comes long after the first, as it does for a person
        // (how adds survive Spotify's read-after-write lag is the writer's business, tested with the writer).
        simulator.setConsistencyLag(java.time.Duration.ZERO);
        playlist = simulator.createPlaylist("import target");
        Map<String, String> env = new HashMap<>();
        env.put("SPOTIFY_API_URL", simulator.apiUrl().toString());
        env.put("SPOTIFY_ACCOUNTS_URL", simulator.accountsUrl().toString());
        env.put("SPOTIFY_CLIENT_ID", SpotifySimulator.DEFAULT_CLIENT_ID);
        env.put("SPOTIFY_REFRESH_TOKEN", SpotifySimulator.DEFAULT_REFRESH_TOKEN);
        env.put("CONFIG_DIR", Files.createDirectory(dir.resolve("config")).toString());
        // The journal too: never the person's own data directory.
        env.put("DATA_DIR", dir.resolve("data").toString());
        env.put("USE_AI_DISAMBIGUATION", "false");
        env.put("SPOTIFY_MAX_REQUESTS_PER_SECOND", "1000");
        settings = Settings.load(env, null);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private int run(String... args) {
        ImportCommand command = new ImportCommand(
                () -> settings,
                s -> AppComponents.create(s, Clock.systemUTC(), duration -> {}),
                () -> new DelegatingProgressBarConsumer(progressLines::add, 300));
        CommandLine line = new CommandLine(command);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private Path list() throws Exception {
        return write("songs.txt", LIST);
    }

    private String uriOf(String title, String artist) {
        return simulator.search("track:" + title + " artist:" + artist).stream()
                .filter(t -> t.name().equals(title))
                .findFirst()
                .orElseThrow()
                .uri();
    }

    @Test
    void aDryRunMatchesEverySongAddsNothingAndReportsEachRow() throws Exception {
        String queen = uriOf("Bohemian Rhapsody", "Queen");
        simulator.addToPlaylist(playlist, List.of(queen));
        Path csv = dir.resolve("report.csv");
        Path json = dir.resolve("report.json");

        int exit = run(
                list().toString(),
                "--dry-run",
                "--playlist",
                playlist,
                "--report",
                csv.toString(),
                "--report",
                json.toString());

        assertThat(exit).as(err.toString()).isEqualTo(1); // one line could not be read
        assertThat(simulator.playlistUris(playlist)).containsExactly(queen);
        assertThat(simulator.stats().requests("add")).isZero();
        assertThat(out.toString())
                .contains("songs.txt: 'Artist - Title' text list, 6 entries: 5 songs, 0 skipped, 1 unreadable")
                .contains("Dry run done: 6 of 6 entries in ")
                .contains("would add 3, already there 1, needs review 0, not found 1, skipped 0, failed 1")
                .contains(
                        "line 5: No tracks found on Spotify for \"A Song That Does Not Exist\" by Nobody Anyone Knows")
                .contains("line 6: expected 'Artist - Title' but found 'just words'");

        List<CSVRecord> rows = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .get()
                .parse(Files.newBufferedReader(csv))
                .getRecords();
        assertThat(rows)
                .extracting(r -> r.get("source") + " " + r.get("outcome"))
                .containsExactly(
                        "line 2 already_there",
                        "line 3 would_add",
                        "line 4 would_add",
                        "line 5 not_found",
                        "line 6 failed",
                        "line 7 would_add");
        assertThat(rows.get(0).get("track_uri")).isEqualTo(queen);
        assertThat(rows.get(1).get("track")).isEqualTo("\"Blinding Lights\" by The Weeknd");
        assertThat(rows.get(1).get("match_method")).isEqualTo("fuzzy");

        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("dry_run").asBoolean()).isTrue();
        assertThat(report.get("format").asText()).isEqualTo("text");
        assertThat(report.get("playlist_id").asText()).isEqualTo(playlist);
        assertThat(report.get("counts").get("would_add").asInt()).isEqualTo(3);
        assertThat(report.get("counts").get("done").asInt()).isEqualTo(6);
        assertThat(report.get("rows")).hasSize(6);
        assertThat(report.get("rows").get(2).get("title").asText()).isEqualTo("Come As You Are");
        assertThat(report.get("rows").get(2).get("track_uri").asText()).isEqualTo(uriOf("Come As You Are", "Nirvana"));

        assertThat(progressLines).isNotEmpty();
        assertThat(progressLines.get(progressLines.size() - 1))
                .contains("dry run")
                .contains("6/6")
                .contains("add 3, there 1, review 0, missing 1, skip 0, fail 1");
    }

    @Test
    void aRealImportAddsTheMatchesOnceThroughTheEngineAndASecondRunAddsNothing() throws Exception {
        Path file = list();

        int first = run(file.toString(), "--playlist", playlist, "--no-progress");

        assertThat(first).as(err.toString()).isEqualTo(1);
        assertThat(out.toString())
                .contains("Import done: 6 of 6 entries")
                .contains("added 4, already there 0, needs review 0, not found 1, skipped 0, failed 1");
        assertThat(simulator.playlistUris(playlist))
                .containsExactlyInAnyOrder(
                        uriOf("Bohemian Rhapsody", "Queen"),
                        uriOf("Blinding Lights", "The Weeknd"),
                        uriOf("Come As You Are", "Nirvana"),
                        uriOf("Don't Look Back In Anger", "Oasis"));

        out.getBuffer().setLength(0);
        int second = run(file.toString(), "--playlist", playlist, "--no-progress");

        assertThat(second).isEqualTo(1);
        assertThat(out.toString()).contains("added 0, already there 4, needs review 0, not found 1");
        assertThat(simulator.playlistUris(playlist)).hasSize(4);
    }

    @Test
    void createMakesTheTargetPlaylistAndADryRunOnlySaysItWould() throws Exception {
        Path csv = write("songs.csv", "Artist,Title\nQueen,Bohemian Rhapsody\nThe Weeknd,Blinding Lights\n");

        assertThat(run(csv.toString(), "--create", "From Apple Music", "--dry-run", "--no-progress"))
                .isZero();
        assertThat(out.toString()).contains("Dry run: would create the playlist \"From Apple Music\"");
        assertThat(simulator.stats().requests("create_playlist")).isZero();

        assertThat(run(csv.toString(), "--create", "From Apple Music", "--no-progress"))
                .as(err.toString())
                .isZero();
        String created = out.toString().replaceAll("(?s).*Created the playlist \"From Apple Music\": (\\w+).*", "$1");
        assertThat(simulator.playlistUris(created)).hasSize(2);
    }

    /** The file asks for the explicit "Blinding Lights"; the simulator has only clean ones, so a person decides. */
    @Test
    void anApplePlaylistOfALibraryXmlIsImportedInItsOrder() throws Exception {
        Path xml =
                Path.of(getClass().getResource("/library/music-app-library.xml").toURI());

        int exit = run(xml.toString(), "--apple-playlist", "Road Trip", "--playlist", playlist, "--no-progress");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("3 entries in the Apple Music playlist \"Road Trip\": 2 songs, 1 skipped, 0 unreadable")
                .contains("added 1, already there 0, needs review 1, not found 0, skipped 1, failed 0")
                .contains("needs review:\n  track 202 (line ")
                .contains("waiting for your choice in the review queue");
        assertThat(simulator.playlistUris(playlist)).containsExactly(uriOf("Bohemian Rhapsody", "Queen"));
    }

    @Test
    void aDryRunReportOfALibraryXmlGivesEveryTrackItsOutcomeSkipReasonAndCandidate() throws Exception {
        Path xml =
                Path.of(getClass().getResource("/library/music-app-library.xml").toURI());
        Path json = dir.resolve("library-report.json");

        int exit = run(xml.toString(), "--dry-run", "--no-progress", "--report", json.toString());

        assertThat(exit).isEqualTo(1);
        JsonNode rows = new ObjectMapper().readTree(json.toFile()).get("rows");
        assertThat(rows).hasSize(11);
        List<String> outcomes = new java.util.ArrayList<>();
        rows.forEach(r -> outcomes.add(r.get("outcome").asText()
                + (r.has("skip_reason") ? ":" + r.get("skip_reason").asText() : "")));
        assertThat(outcomes)
                .containsExactly(
                        "would_add",
                        "needs_review",
                        "skipped:video",
                        "skipped:podcast",
                        "skipped:audiobook",
                        "skipped:document",
                        "skipped:voice_memo",
                        "skipped:disliked",
                        "failed",
                        "failed",
                        "not_found"); // the simulator's catalog has no "One More Time"
        JsonNode review = rows.get(1);
        assertThat(review.get("track_uri").asText()).startsWith("spotify:track:");
        assertThat(review.get("message").asText()).contains("explicit requested");
        assertThat(rows.get(0).get("apple_playlists"))
                .extracting(JsonNode::asText)
                .containsExactly("Road Trip", "Smart & Loved");
        assertThat(rows.get(8).get("message").asText()).isEqualTo("it has no Name");
        assertThat(simulator.stats().requests("add")).isZero();
    }

    @Test
    void aSongListedTwiceWouldBeAddedOnceInADryRunAsInARealImport() throws Exception {
        Path file = write(
                "twice.txt", "Queen - Bohemian Rhapsody\nThe Weeknd - Blinding Lights\nQueen - Bohemian Rhapsody\n");

        assertThat(run(file.toString(), "--dry-run", "--no-progress", "--concurrency", "1"))
                .isZero();
        assertThat(out.toString())
                .contains("would add 2, already there 1, needs review 0, not found 0, skipped 0, failed 0");

        out.getBuffer().setLength(0);
        assertThat(run(file.toString(), "--playlist", playlist, "--no-progress", "--concurrency", "1"))
                .isZero();
        assertThat(out.toString())
                .contains("added 2, already there 1, needs review 0, not found 0, skipped 0, failed 0");
        assertThat(simulator.playlistUris(playlist)).hasSize(2);
    }

    @Test
    void aPassingSpotifyErrorIsRetriedInADryRun() throws Exception {
        run(list().toString(), "--dry-run", "--no-progress", "--concurrency", "1");
        long searchesOfOneRun = simulator.stats().requests("search");
        out.getBuffer().setLength(0);
        simulator.injectFault(Fault.of("search", 503, 1));

        int exit = run(list().toString(), "--dry-run", "--no-progress", "--concurrency", "1");

        assertThat(exit).isEqualTo(1); // the unreadable line
        assertThat(out.toString())
                .contains("would add 4, already there 0, needs review 0, not found 1, skipped 0, failed 1");
        assertThat(simulator.stats().requests("search")).isEqualTo(2 * searchesOfOneRun + 1);
    }

    @Test
    void anExpiredLoginStopsTheImportAfterTheFirstSongAndEachRowSaysWhy() throws Exception {
        simulator.setInvalidGrant(true);
        simulator.expireAccessTokens();
        Path json = dir.resolve("stopped.json");

        int exit =
                run(list().toString(), "--dry-run", "--no-progress", "--concurrency", "1", "--report", json.toString());

        assertThat(exit).isEqualTo(1);
        JsonNode rows = new ObjectMapper().readTree(json.toFile()).get("rows");
        assertThat(rows.get(0).get("message").asText()).isEqualTo("Spotify login expired: run ./music-sync login");
        for (int i : new int[] {1, 2, 3, 5}) {
            assertThat(rows.get(i).get("message").asText())
                    .isEqualTo("not tried: Spotify login expired: run ./music-sync login");
        }
        assertThat(simulator.stats().requests("token")).isEqualTo(1);
        assertThat(simulator.stats().requests("search")).isZero();
    }

    @Test
    void anUnknownPlaylistStopsTheImportBeforeAnySearch() throws Exception {
        int exit = run(list().toString(), "--dry-run", "--no-progress", "--playlist", "0000000000000000000000");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("import stopped: ");
        assertThat(simulator.stats().requests("search")).isZero();
    }

    @Test
    void badInputIsRefusedWithAMessageAndNothingIsAsked() throws Exception {
        Path notALibrary = write("notes.md", "Shopping list\nmilk\neggs\n");

        assertThat(run(notALibrary.toString(), "--dry-run")).isEqualTo(2);
        assertThat(err.toString())
                .contains("notes.md cannot be imported: the first line 'Shopping list' is neither a CSV header")
                .contains("expected a Music.app / iTunes library or playlist XML export");

        assertThat(run(list().toString(), "--playlist", "not-an-id")).isEqualTo(2);
        assertThat(err.toString()).contains("--playlist must be a Spotify playlist id (22 letters and digits)");

        assertThat(run(
                        list().toString(),
                        "--dry-run",
                        "--report",
                        dir.resolve("r.txt").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--report must name a .csv or .json file");

        assertThat(run(list().toString(), "--apple-playlist", "Gym")).isEqualTo(2);
        assertThat(err.toString())
                .contains("no Apple Music playlist named \"Gym\" in ")
                .contains("it has: none");

        assertThat(run(list().toString())).isEqualTo(2);
        assertThat(err.toString())
                .contains("name the playlist to fill: --playlist ID, --create NAME, or set DEFAULT_PLAYLIST_ID");
        assertThat(simulator.stats().requests("search")).isZero();
    }
}
