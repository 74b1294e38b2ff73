package io.musicsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicsync.eval.EvalCases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MatchEvalCommandTest {

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

    private Path cases() throws Exception {
        return Files.write(dir.resolve("cases.jsonl"), EvalCases.lines());
    }

    @Test
    void jsonPrintsOneLinePerCase() throws Exception {
        assertThat(run("match-eval", cases().toString(), "--json")).isZero();

        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().strip().split("\n")) {
            lines.add(new ObjectMapper().readTree(line));
        }
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("id").asText()).isEqualTo("present");
        assertThat(lines.get(0).get("outcome").asText()).isEqualTo("add");
        assertThat(lines.get(0).get("uri").asText()).isEqualTo("spotify:track:remaster0000000000000a");
        assertThat(lines.get(0).get("confidence").asDouble()).isBetween(0.85, 1.0);
        assertThat(lines.get(1).get("outcome").asText()).isEqualTo("none");
        assertThat(lines.get(1).get("uri").isNull()).isTrue();
    }

    @Test
    void summaryGivesTheFiguresAndTheWorstMistakes() throws Exception {
        assertThat(run("match-eval", cases().toString())).isZero();

        assertThat(out.toString())
                .contains("matcher precision, threshold 0.85")
                .contains("precision of adds 50.0% (1/2), recall 50.0% (1/2), wrong adds on absent 0.0% (0/1)")
                .contains("add 2, uncertain 0, none 1")
                .contains("WRONG ADD mislabelled");
    }

    @Test
    void baselineMatcherAndThresholdAreOptions() throws Exception {
        assertThat(run("match-eval", cases().toString(), "--matcher", "original-unfixed", "--threshold", "0.9"))
                .isZero();
        assertThat(out.toString()).contains("matcher original-unfixed, threshold 0.90");
    }

    @Test
    void unknownMatcherAndMissingFileAreRefused() throws Exception {
        assertThat(run("match-eval", cases().toString(), "--matcher", "magic")).isNotZero();
        assertThat(err.toString()).contains("unknown matcher 'magic'");

        assertThat(run("match-eval", dir.resolve("missing.jsonl").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read");
    }
}
