package io.musicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicsync.engine.temporal.ImportPlan;
import io.musicsync.engine.temporal.TemporalEngine;
import io.musicsync.engine.temporal.TemporalImports;
import io.musicsync.imports.ImportRequest;
import io.musicsync.imports.ImportRow;
import io.musicsync.imports.ImportState;
import io.musicsync.imports.ImportStatus;
import io.musicsync.imports.Imports;
import io.musicsync.imports.RowStatus;
import io.musicsync.imports.RowView;
import io.musicsync.library.LibraryReader;
import io.musicsync.support.GeneratedLibrary;
import io.musicsync.support.TestService;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports in Temporal mode, through the {@code ImportWorkflow} and its child syncs, against the strict simulator
 * (reads lag behind writes) and a real worker: every row its stated outcome, nothing added twice, a second run adds
 * nothing; with a small part size the import continues as new several times and ends the same way, and no event of
 * its history carries more than one part.
 */
class TemporalLibraryImportEndToEndTest {

    private static final int ENTRIES = 300;

    /** The small-part import below is no dry run and asks for no other import. */
    private static final Imports NO_DRY_RUNS = new Imports() {
        @Override
        public ImportStatus start(ImportRequest request) {
            throw new UnsupportedOperationException("no dry runs here");
        }

        @Override
        public Optional<ImportStatus> status(String importId, int afterRow, int limit) {
            return Optional.empty();
        }

        @Override
        public List<ImportStatus> list(int limit) {
            return List.of();
        }
    };

    @TempDir
    Path dir;

    private TestService service;
    private WorkflowServiceStubs stubs;
    private WorkflowClient client;
    private String lastImportId;

    @BeforeEach
    void start() {
        service = TestService.start(TestService.Mode.TEMPORAL);
        stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(service.environment().get("TEMPORAL_HOST"))
                .build());
        client = WorkflowClient.newInstance(stubs);
    }

    @AfterEach
    void stop() {
        stubs.shutdownNow();
        service.close();
    }

    @Test
    void aLibraryUploadedToTheApiRunsAsAnImportWorkflow() throws Exception {
        String playlist = service.playlistId();
        GeneratedLibrary library =
                GeneratedLibrary.create(dir.resolve("Library.xml"), ENTRIES, service.simulator(), playlist, 200);
        int before = service.simulator().playlistUris(playlist).size();
        byte[] content = Files.readAllBytes(library.file());
        awaitReadsShowTheFill(service, playlist);

        List<JsonNode> rows = importOverHttp(content);
        // One part of 300 rows: its largest event is the signal that carries the part's rows to the import.
        int largest = largestEvent(client.fetchHistory(lastImportId).getEvents());
        System.out.printf("temporal import: %d rows in one run, largest event %d bytes%n", ENTRIES, largest);
        assertThat(largest).isLessThan(256 * 1024);

        assertThat(rows).extracting(this::outcome).containsExactlyElementsOf(library.expected());
        for (int i = 0; i < rows.size(); i++) {
            if (library.uris().get(i) != null) {
                assertThat(rows.get(i).path("track_uri").asText())
                        .as("row %d", i + 1)
                        .isEqualTo(library.uris().get(i));
            }
        }
        List<String> inPlaylist = service.simulator().playlistUris(playlist);
        assertThat(inPlaylist).doesNotHaveDuplicates().hasSize(before + (int) library.count("added"));

        long addsBefore = service.simulator().stats().requests("add");
        List<JsonNode> second = importOverHttp(content);
        assertThat(second)
                .extracting(r -> r.path("outcome").asText())
                .containsExactlyElementsOf(library.expected().stream()
                        .map(e -> e.equals("added") ? "already_there" : e.replaceAll(":.*", ""))
                        .toList());
        assertThat(service.simulator().stats().requests("add") - addsBefore).isZero();
        assertThat(service.simulator().playlistUris(playlist)).hasSameSizeAs(inPlaylist);
    }

    @Test
    void aSmallPartSizeContinuesAsNewAndKeepsEveryEventSmall() throws Exception {
        String playlist = service.playlistId();
        GeneratedLibrary library =
                GeneratedLibrary.create(dir.resolve("Library.xml"), 120, service.simulator(), playlist, 50);
        int before = service.simulator().playlistUris(playlist).size();
        awaitReadsShowTheFill(service, playlist);
        TemporalImports imports = ((TemporalEngine) service.engine())
                .imports(NO_DRY_RUNS, name -> null, new TemporalImports.Options(8, 25, 0.85, false, 0));
        List<ImportRow> entries =
                ImportRow.of(new LibraryReader().read(library.file()).entries());
        String importId = "import-small-parts";

        imports.start(
                new ImportRequest(importId, playlist, null, "Library.xml", "apple-xml", entries, List.of(), false));
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions() // on a loaded machine one status call may miss the API's 2 s deadline
                .until(() ->
                        imports.status(importId, 0, 0).orElseThrow().state().isTerminal());

        ImportStatus done = imports.status(importId, 0, 0).orElseThrow();
        assertThat(done.state()).isEqualTo(ImportState.COMPLETED);
        assertThat(done.counts().done()).isEqualTo(120);
        List<RowStatus> rows = new ArrayList<>();
        Integer cursor = 0;
        while (cursor != null) {
            ImportStatus page = imports.status(importId, cursor, 40).orElseThrow();
            rows.addAll(page.rows());
            cursor = page.nextCursor();
        }
        assertThat(rows).extracting(r -> r.row().row()).containsExactlyElementsOf(rangeTo(120));
        assertThat(rows).extracting(r -> outcome(RowView.of(r))).containsExactlyElementsOf(library.expected());
        assertThat(service.simulator().playlistUris(playlist))
                .doesNotHaveDuplicates()
                .hasSize(before + (int) library.count("added"));

        // 120 rows in parts of 25: five runs, four of them continued as new; no event holds more than one part.
        List<HistoryEvent> lastRun = client.fetchHistory(importId).getEvents();
        assertThat(lastRun.getFirst()
                        .getWorkflowExecutionStartedEventAttributes()
                        .getContinuedExecutionRunId())
                .isNotEmpty();
        assertThat(done.counts().byOutcome())
                .isEqualTo(imports.status(importId, 0, 0).orElseThrow().counts().byOutcome());
        for (int part = 0; part < 5; part++) {
            assertThat(client.fetchHistory(ImportPlan.rowsWorkflowId(importId, part))
                            .getEvents())
                    .isNotEmpty();
        }
        assertThat(largestEvent(lastRun)).isLessThan(64 * 1024);
    }

    /**
     * The playlist was filled a moment ago: waits until Spotify's (lagging) reads show it, as they would for a
     * playlist a person made earlier.
     */
    static void awaitReadsShowTheFill(TestService service, String playlist) {
        String filled = service.simulator().snapshotId(playlist);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> service.app()
                        .spotify()
                        .client()
                        .playlistSnapshot(playlist)
                        .equals(filled));
    }

    private static int largestEvent(List<HistoryEvent> events) {
        return events.stream().mapToInt(HistoryEvent::getSerializedSize).max().orElse(0);
    }

    private static List<Integer> rangeTo(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).boxed().toList();
    }

    private String outcome(JsonNode row) {
        return row.path("outcome").asText()
                + (row.has("skip_reason") ? ":" + row.path("skip_reason").asText() : "");
    }

    private static String outcome(RowView row) {
        return row.outcome() + (row.skipReason() != null ? ":" + row.skipReason() : "");
    }

    private List<JsonNode> importOverHttp(byte[] content) {
        TestService.Answer accepted = service.postMultipart("/api/v1/imports", Map.of(), "Library.xml", content);
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        String url = accepted.body().path("status_url").asText();
        lastImportId = accepted.body().path("import_id").asText();
        // The import is a workflow in Temporal, not a loop in the API process.
        assertThat(client.newUntypedWorkflowStub(lastImportId).describe().getWorkflowType())
                .isEqualTo("ImportWorkflow");
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> List.of("completed", "failed")
                        .contains(service.get(url + "?limit=0")
                                .body()
                                .path("status")
                                .asText()));
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
}
