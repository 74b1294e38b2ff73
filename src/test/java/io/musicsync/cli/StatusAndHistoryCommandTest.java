package io.musicsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicsync.support.TestService;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code status} without an id lists recent syncs as a table; {@code history ID} prints the events. */
class StatusAndHistoryCommandTest {

    private TestService service;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() {
        service = TestService.standalone();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void statusWithoutAnIdListsRecentSyncsNewestFirst() {
        String queen = service.submit("{\"track_name\":\"Bohemian Rhapsody\",\"artist\":\"Queen\"}");
        service.awaitFinished(queen);
        String nothing = service.submit("{\"track_name\":\"Zzxq Nonexistent\",\"artist\":\"Nobody Qq\"}");
        service.awaitFinished(nothing);

        int code = run("status", "--server", service.baseUrl().toString());

        assertThat(code).as(err.toString()).isZero();
        String[] lines = out.toString().split("\n");
        assertThat(lines[0]).startsWith("STARTED").contains("STATUS", "SONG", "OUTCOME", "ID");
        assertThat(lines[1]).contains(nothing, "completed", "Zzxq Nonexistent - Nobody Qq");
        assertThat(lines[2]).contains(queen, "completed", "Bohemian Rhapsody - Queen", "added (");
    }

    @Test
    void historyPrintsEachEventOfTheSync() {
        String id = service.submit("{\"track_name\":\"Bohemian Rhapsody\",\"artist\":\"Queen\"}");
        service.awaitFinished(id);

        int code = run("history", id, "--server", service.baseUrl().toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("step_started        searching")
                .contains("decision            matching          decision: add")
                .contains("added               adding")
                .containsPattern("completed\\s+Added");
    }

    @Test
    void historyOfAnUnknownSyncFails() {
        assertThat(run("history", "sync-unknown", "--server", service.baseUrl().toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("No sync with id sync-unknown");
    }
}
