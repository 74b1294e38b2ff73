package io.musicsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicsync.AppComponents;
import io.musicsync.config.Settings;
import io.musicsync.support.TestService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** With {@code USE_TEMPORAL=true} the import runs each song as a workflow on the worker, with the same outcomes. */
class ImportTemporalModeTest {

    @TempDir
    Path dir;

    private TestService service;

    @BeforeEach
    void start() {
        service = TestService.start(TestService.Mode.TEMPORAL);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void songsAreAddedThroughWorkflowsAndARepeatAddsNothing() throws Exception {
        Path file = dir.resolve("songs.txt");
        Files.writeString(file, "Queen - Bohemian Rhapsody\nNirvana - Come As You Are\nNobody Knows - No Such Song\n");
        Settings settings = Settings.load(service.environment(), null);

        StringWriter out = new StringWriter();
        Path report = dir.resolve("report.json");
        int first = importFile(settings, file, out, "--report", report.toString());
        int second = importFile(settings, file, out);

        assertThat(first).isZero();
        assertThat(second).isZero();
        assertThat(out.toString())
                .contains("added 2, already there 0, needs review 0, not found 1, skipped 0, failed 0")
                .contains("added 0, already there 2, needs review 0, not found 1, skipped 0, failed 0");
        assertThat(service.simulator().playlistUris(service.playlistId())).hasSize(2);
        // The syncs were Temporal workflows: the service's own Temporal engine finds them by their ids.
        com.fasterxml.jackson.databind.JsonNode firstRow =
                new ObjectMapper().readTree(report.toFile()).get("rows").get(0);
        String added = firstRow.get("track_uri").asText();
        assertThat(service.simulator().playlistUris(service.playlistId())).contains(added);
        assertThat(service.engine().status(firstRow.get("sync_id").asText()))
                .hasValueSatisfying(
                        status -> assertThat(status.result().trackUri()).isEqualTo(added));
    }

    private int importFile(Settings settings, Path file, StringWriter out, String... more) {
        ImportCommand command = new ImportCommand(
                () -> settings, s -> AppComponents.create(s, Clock.systemUTC(), duration -> {}), () -> null);
        CommandLine line = new CommandLine(command);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(out, true));
        java.util.List<String> args = new java.util.ArrayList<>(
                java.util.List.of(file.toString(), "--playlist", service.playlistId(), "--no-progress"));
        args.addAll(java.util.List.of(more));
        return line.execute(args.toArray(String[]::new));
    }
}
