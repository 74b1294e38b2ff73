package io.musicsync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** STANDALONE_STORE, DATA_DIR, DEDUPE_WINDOW_SECONDS and RETENTION_DAYS. */
class JournalSettingsTest {

    @Test
    void theJournalIsTheDefaultInTheUsersDataDirectory() {
        Settings.Journal journal =
                Settings.load(Map.of("HOME", "/home/u"), null).journal();

        assertThat(journal.store()).isEqualTo("sqlite");
        assertThat(journal.durable()).isTrue();
        assertThat(journal.dataDir()).isEqualTo(Path.of("/home/u/.local/share/music-sync"));
        assertThat(journal.dedupeWindow()).isEqualTo(Duration.ofMinutes(10));
        assertThat(journal.retention()).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void xdgDataHomeAndDataDirChooseTheDirectory() {
        assertThat(Settings.load(Map.of("HOME", "/home/u", "XDG_DATA_HOME", "/data"), null)
                        .journal()
                        .dataDir())
                .isEqualTo(Path.of("/data/music-sync"));
        assertThat(Settings.load(Map.of("XDG_DATA_HOME", "/data", "DATA_DIR", "/srv/ms"), null)
                        .journal()
                        .dataDir())
                .isEqualTo(Path.of("/srv/ms"));
    }

    @Test
    void memoryZeroWindowAndRetentionAreRead() {
        Settings.Journal journal = Settings.load(
                        Map.of("STANDALONE_STORE", "memory", "DEDUPE_WINDOW_SECONDS", "0", "RETENTION_DAYS", "7"), null)
                .journal();

        assertThat(journal.durable()).isFalse();
        assertThat(journal.dedupeWindow()).isZero();
        assertThat(journal.retention()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void wrongValuesAreNamed() {
        assertThatThrownBy(() -> Settings.load(
                        Map.of("STANDALONE_STORE", "postgres", "DEDUPE_WINDOW_SECONDS", "-1", "RETENTION_DAYS", "0"),
                        null))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("STANDALONE_STORE")
                .hasMessageContaining("DEDUPE_WINDOW_SECONDS")
                .hasMessageContaining("RETENTION_DAYS");
    }
}
