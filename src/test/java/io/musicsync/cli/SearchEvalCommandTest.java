package io.musicsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SearchEvalCommandTest {

    private static final String ORIGINAL = "AAAAAAAAAAAAAAAAAAAAAA";
    private static final String LIVE = "BBBBBBBBBBBBBBBBBBBBBB";
    private static final String OTHER = "CCCCCCCCCCCCCCCCCCCCCC";
    private static final String ABSENT_COPY = "DDDDDDDDDDDDDDDDDDDDDD";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private static String row(String id, String name, String artists, String album, int durationMs) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"artists\":[" + artists + "],\"album\":\"" + album
                + "\",\"release_date\":\"2001-01-01\",\"duration_ms\":" + durationMs + ",\"explicit\":false}";
    }

    /**
     * A catalog of four tracks and three cases: Apple Music's joined artists and decorated title (found), a song
     * Spotify lacks (its catalog copy is hidden while the case runs), and one whose right track is the live one.
     */
    private Path[] files() throws Exception {
        Path catalog = Files.write(
                dir.resolve("catalog.jsonl"),
                List.of(
                        row(ORIGINAL, "Harbor Lights", "\"Velvet Band\",\"Guest Star\"", "Harbor", 200_000),
                        row(LIVE, "Harbor Lights - Live", "\"Velvet Band\"", "Live at Home", 260_000),
                        row(OTHER, "Paper Moon", "\"Copper Trio\"", "Moon", 180_000),
                        row(ABSENT_COPY, "Cobalt Sky", "\"Amber Duo\"", "Sky", 210_000)));
        Path cases = Files.write(
                dir.resolve("cases.jsonl"),
                List.of(
                        "{\"id\":\"found\",\"song\":{\"title\":\"Harbor Lights (feat. Guest Star)\","
                                + "\"artist\":\"Velvet Band & Guest Star\",\"album\":\"Harbor - Single\","
                                + "\"duration_ms\":200500},\"candidates\":[],\"expected\":[\"spotify:track:"
                                + ORIGINAL + "\"]}",
                        "{\"id\":\"absent\",\"song\":{\"title\":\"Cobalt Sky\",\"artist\":\"Amber Duo\"},"
                                + "\"candidates\":[],\"expected\":[]}",
                        "{\"id\":\"moon\",\"song\":{\"title\":\"Paper Moon\",\"artist\":\"Copper Trio\","
                                + "\"duration_ms\":180300},\"candidates\":[],\"expected\":[\"spotify:track:" + OTHER
                                + "\"]}"));
        return new Path[] {catalog, cases};
    }

    @Test
    void summaryGivesSearchRecallEndToEndFiguresAndCallsPerSong() throws Exception {
        Path[] files = files();

        assertThat(run("search-eval", files[0].toString(), files[1].toString()))
                .as(err.toString())
                .isZero();

        assertThat(out.toString())
                .contains("cases 3: search recall 100.0% (2/2)")
                .contains("end to end precision 100.00% (2/2), recall 100.0% (2/2)")
                .contains("wrong adds on absent 0.00% (0/1)")
                .contains("search calls 5, 1.67 per song");
    }

    @Test
    void jsonPrintsEachCasesVerdictAndCalls() throws Exception {
        Path[] files = files();

        assertThat(run("search-eval", files[0].toString(), files[1].toString(), "--json"))
                .as(err.toString())
                .isZero();

        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().strip().split("\n")) {
            lines.add(new ObjectMapper().readTree(line));
        }
        assertThat(lines).extracting(l -> l.get("id").asText()).containsExactly("found", "absent", "moon");
        assertThat(lines.get(0).get("verdict").asText()).isEqualTo("correct_add");
        assertThat(lines.get(0).get("uri").asText()).isEqualTo("spotify:track:" + ORIGINAL);
        assertThat(lines.get(0).get("search_calls").asInt()).isEqualTo(1);
        assertThat(lines.get(1).get("verdict").asText()).isEqualTo("correct_nothing");
        assertThat(lines.get(1).get("candidates").asInt())
                .as("its copy was hidden")
                .isZero();
        assertThat(lines.get(1).get("search_calls").asInt())
                .as("the query and both fallbacks")
                .isEqualTo(3);
    }

    @Test
    void anUnreadableFileIsExitCode2() {
        assertThat(run(
                        "search-eval",
                        dir.resolve("none.jsonl").toString(),
                        dir.resolve("none.jsonl").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("cannot read");
    }
}
