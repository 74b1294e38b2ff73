package io.musicsync.spotify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {

    @TempDir
    Path temp;

    private final StoredLogin login = new StoredLogin(
            "refresh-1",
            "access-1",
            Instant.parse("2026-11-29T16:00:00Z"),
            "playlist-modify-private",
            "anna",
            "Anna",
            Instant.parse("2026-11-01T10:00:00Z"));

    @Test
    void writesAnOwnerOnlyFileInAnOwnerOnlyDirectoryAndReadsItBack() throws IOException {
        Path configDir = temp.resolve("config").resolve("music-sync");
        TokenStore store = new TokenStore(configDir);

        store.save(login);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(configDir)))
                .isEqualTo("rwx------");
        assertThat(store.load()).contains(login);
        assertThat(Files.readString(store.file())).contains("\"refresh_token\"", "\"consented_at\"");
    }

    @Test
    void replacesAWorldReadableFileWithAnOwnerOnlyOneAndLeavesNoTemporaryFile() throws IOException {
        TokenStore store = new TokenStore(temp);
        Files.writeString(store.file(), "{}");
        Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("rw-r--r--"));

        store.save(login);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())))
                .isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files).containsExactly(store.file());
        }
    }

    @Test
    void theLoginEndsSixMonthsAfterConsent() {
        assertThat(login.loginExpiresAt()).isEqualTo(Instant.parse("2027-05-01T10:00:00Z"));
        assertThat(login.toString()).doesNotContain("refresh-1", "access-1");
    }

    @Test
    void deleteRemovesTheLogin() {
        TokenStore store = new TokenStore(temp);
        store.save(login);

        assertThat(store.delete()).isTrue();
        assertThat(store.load()).isEmpty();
        assertThat(store.delete()).isFalse();
    }
}
