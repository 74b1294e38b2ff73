package io.musicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicsync.support.FreePort;
import io.musicsync.support.GeneratedLibrary;
import io.musicsync.support.MusicSyncProcess;
import io.musicsync.support.TestService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import in Temporal mode survives its worker: {@code temporal-dev} and {@code worker}s in their own JVMs, the API
 * in Temporal mode; the worker driving an import is killed (SIGKILL) halfway and a new one finishes it with every
 * row's stated outcome and nothing added twice.
 */
class TemporalImportWorkerKillTest {

    private static final String WORKER_READY = "worker polling";
    private static final int ENTRIES = 150;

    @TempDir
    Path directory;

    private MusicSyncProcess temporal;
    private TestService service;
    private final List<MusicSyncProcess> workers = new ArrayList<>();

    @BeforeEach
    void start() {
        int port = FreePort.find();
        temporal = MusicSyncProcess.start(Map.of(), directory, "temporal-dev", "--port", Integer.toString(port))
                .awaitOutput("listening on port " + port);
        service = TestService.temporalApiOnly("127.0.0.1:" + port);
    }

    @AfterEach
    void stop() throws Exception {
        for (MusicSyncProcess worker : workers) {
            worker.close();
        }
        service.close();
        temporal.close();
    }

    private MusicSyncProcess startWorker() {
        MusicSyncProcess worker = MusicSyncProcess.start(service.environment(), directory, "worker");
        workers.add(worker);
        return worker.awaitOutput(WORKER_READY);
    }

    @Test
    void anImportWhoseWorkerIsKilledHalfwayFinishesOnAnotherWorker() throws Exception {
        String playlist = service.playlistId();
        GeneratedLibrary library =
                GeneratedLibrary.create(directory.resolve("Library.xml"), ENTRIES, service.simulator(), playlist, 100);
        int before = service.simulator().playlistUris(playlist).size();
        TemporalLibraryImportEndToEndTest.awaitReadsShowTheFill(service, playlist);
        MusicSyncProcess first = startWorker();
        // Slow enough that the import is still running when its worker dies.
        service.simulator().setLatency(Duration.ofMillis(40));

        TestService.Answer accepted =
                service.postMultipart("/api/v1/imports", Map.of(), "Library.xml", Files.readAllBytes(library.file()));
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        String url = accepted.body().path("status_url").asText();
        AtomicInteger doneAtKill = new AtomicInteger();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> doneAtKill.updateAndGet(seen -> done(url)) >= ENTRIES / 3);
        first.kill();
        service.simulator().setLatency(Duration.ZERO);
        startWorker();

        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> service.get(url + "?limit=0")
                        .body()
                        .path("status")
                        .asText()
                        .equals("completed"));
        JsonNode page = service.get(url + "?limit=500").body();
        List<String> outcomes = new ArrayList<>();
        page.path("rows")
                .forEach(row -> outcomes.add(row.path("outcome").asText()
                        + (row.has("skip_reason")
                                ? ":" + row.path("skip_reason").asText()
                                : "")));
        assertThat(outcomes).containsExactlyElementsOf(library.expected());
        assertThat(doneAtKill.get()).as("rows done when the worker died").isLessThan(ENTRIES);
        assertThat(service.simulator().playlistUris(playlist))
                .doesNotHaveDuplicates()
                .hasSize(before + (int) library.count("added"));
    }

    private int done(String url) {
        return service.get(url + "?limit=0").body().path("counts").path("done").asInt();
    }
}
