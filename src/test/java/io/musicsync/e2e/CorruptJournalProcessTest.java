package io.musicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicsync.store.SqliteDatabase;
import io.musicsync.support.FreePort;
import io.musicsync.support.MusicSyncProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./music-sync serve} on a journal file that is not a database: a clear error, exit 1, the file untouched. */
class CorruptJournalProcessTest {

    @TempDir
    Path dir;

    @Test
    void theStartFailsNamingTheFileAndWhatToDoAndNeverOverwritesIt() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path file = data.resolve(SqliteDatabase.FILE_NAME);
        byte[] damaged =
                "SQLite format 3\0 but then the disk ate the rest ".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(file, damaged);
        Map<String, String> env = Map.of(
                "PATH", System.getenv("PATH"),
                "HOME", dir.toString(),
                "DATA_DIR", data.toString(),
                "API_PORT", String.valueOf(FreePort.find()));

        try (MusicSyncProcess serve = MusicSyncProcess.start(env, dir, "serve")) {
            int exit = serve.awaitExit(Duration.ofSeconds(60));

            assertThat(exit).isEqualTo(1);
            assertThat(serve.output())
                    .contains("Cannot use the journal database " + file)
                    .contains("It was not changed")
                    .contains("Move it away")
                    .contains("STANDALONE_STORE=memory")
                    .doesNotContain("\tat io.musicsync");
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(damaged);
        try (var files = Files.list(data)) {
            // Nothing beside the damaged file but the journal's lock file (empty; the OS lock was released).
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(SqliteDatabase.FILE_NAME, "music-sync.lock");
        }
    }
}
