package io.musicsync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @Test
    void defaultsFollowTheOriginalSystem() {
        Settings settings = Settings.load(Map.of("HOME", "/home/u"), null);

        assertThat(settings.engineKind()).isEqualTo(EngineKind.STANDALONE);
        assertThat(settings.api().port()).isEqualTo(8000);
        assertThat(settings.api().host()).isEqualTo("127.0.0.1");
        assertThat(settings.matching().fuzzyMatchThreshold()).isEqualTo(0.85);
        assertThat(settings.spotify().redirectUri()).hasToString("http://127.0.0.1:8888/callback");
        assertThat(settings.spotify().apiUrl()).hasToString("https://api.spotify.com/v1");
        assertThat(settings.spotify().accountsUrl()).hasToString("https://accounts.spotify.com");
        assertThat(settings.spotify().maxRateLimitWait()).isEqualTo(Duration.ofSeconds(120));
        assertThat(settings.temporal().host()).isEqualTo("localhost:7233");
        assertThat(settings.temporal().taskQueue()).isEqualTo("music-sync-queue");
        assertThat(settings.configDir()).isEqualTo(Path.of("/home/u/.config/music-sync"));
    }

    @Test
    void everyWrongValueIsReportedWithItsNameAndWhatIsAllowed() {
        assertThatThrownBy(() -> Settings.load(
                        Map.of(
                                "USE_TEMPORAL", "maybe",
                                "API_PORT", "99999",
                                "FUZZY_MATCH_THRESHOLD", "1.5",
                                "AI_PROVIDER", "gpt",
                                "DEFAULT_PLAYLIST_ID", "short"),
                        null))
                .isInstanceOfSatisfying(
                        SettingsException.class,
                        e -> assertThat(e.problems())
                                .satisfiesExactlyInAnyOrder(
                                        p -> assertThat(p)
                                                .startsWith("API_PORT=99999")
                                                .contains("1 to 65535"),
                                        p -> assertThat(p)
                                                .startsWith("DEFAULT_PLAYLIST_ID=short")
                                                .contains("22"),
                                        p -> assertThat(p)
                                                .startsWith("FUZZY_MATCH_THRESHOLD=1.5")
                                                .contains("0.0 to 1.0"),
                                        p -> assertThat(p)
                                                .startsWith("AI_PROVIDER=gpt")
                                                .contains("claude, langchain"),
                                        p -> assertThat(p)
                                                .startsWith("USE_TEMPORAL=maybe")
                                                .contains("true or false")));
    }

    @Test
    void theReviewTimeoutIsThirtyDaysByDefaultZeroTurnsTheQueueOffAndAWrongValueIsNamed() {
        assertThat(Settings.load(Map.of(), null).matching().reviewTimeoutDays()).isEqualTo(30);
        assertThat(Settings.load(Map.of("REVIEW_TIMEOUT_DAYS", "0"), null)
                        .matching()
                        .reviewTimeoutDays())
                .isZero();
        for (String wrong : new String[] {"-1", "thirty", "3651"}) {
            assertThatThrownBy(() -> Settings.load(Map.of("REVIEW_TIMEOUT_DAYS", wrong), null))
                    .isInstanceOf(SettingsException.class)
                    .hasMessageContaining("REVIEW_TIMEOUT_DAYS=" + wrong + " must be a whole number from 0 to 3650");
        }
    }

    @Test
    void theEngineIsChosenByKindOrByTheOldAlias() {
        assertThat(Settings.load(Map.of("ENGINE", "temporal"), null).engineKind())
                .isEqualTo(EngineKind.TEMPORAL);
        assertThat(Settings.load(Map.of("ENGINE", "Standalone"), null).engineKind())
                .isEqualTo(EngineKind.STANDALONE);
        assertThat(Settings.load(Map.of("USE_TEMPORAL", "true"), null).engineKind())
                .isEqualTo(EngineKind.TEMPORAL);
        assertThat(Settings.load(Map.of("USE_TEMPORAL", "false"), null).engineKind())
                .isEqualTo(EngineKind.STANDALONE);
        assertThat(Settings.load(Map.of("ENGINE", "temporal", "USE_TEMPORAL", "true"), null)
                        .engineKind())
                .as("both, agreeing")
                .isEqualTo(EngineKind.TEMPORAL);
    }

    @Test
    void anUnknownEngineOrAConflictWithTheAliasStopsTheStart() {
        assertThatThrownBy(() -> Settings.load(Map.of("ENGINE", "kafka"), null))
                .hasMessageContaining("ENGINE=kafka")
                .hasMessageContaining("standalone, temporal");
        assertThatThrownBy(() -> Settings.load(Map.of("ENGINE", "standalone", "USE_TEMPORAL", "true"), null))
                .hasMessageContaining("ENGINE=standalone")
                .hasMessageContaining("USE_TEMPORAL=true")
                .hasMessageContaining("set only ENGINE");
    }

    @Test
    void aLocalhostRedirectIsRefusedWithTheReason() {
        assertThatThrownBy(() -> Settings.load(Map.of("SPOTIFY_REDIRECT_URI", "http://localhost:8888/callback"), null))
                .hasMessageContaining("SPOTIFY_REDIRECT_URI")
                .hasMessageContaining("127.0.0.1");
    }

    @Test
    void exposingTheApiBeyondLoopbackNeedsAToken() {
        assertThatThrownBy(() -> Settings.load(Map.of("API_HOST", "0.0.0.0"), null))
                .hasMessageContaining("API_TOKEN");
        assertThat(Settings.load(Map.of("API_HOST", "0.0.0.0", "API_TOKEN", "t"), null)
                        .api()
                        .loopbackOnly())
                .isFalse();
    }

    @Test
    void aDotenvFileIsReadAndTheEnvironmentWins(@TempDir Path dir) throws IOException {
        Path dotenv = dir.resolve(".env");
        Files.writeString(dotenv, """
                # comment
                FUZZY_MATCH_THRESHOLD=0.9
                export API_PORT="9001"
                DEFAULT_PLAYLIST_ID='37i9dQZF1DXcBWIGoYBM5M'
                """);

        Settings settings = Settings.load(Map.of("API_PORT", "9002"), dotenv);

        assertThat(settings.matching().fuzzyMatchThreshold()).isEqualTo(0.9);
        assertThat(settings.api().port()).isEqualTo(9002);
        assertThat(settings.spotify().defaultPlaylistId()).isEqualTo("37i9dQZF1DXcBWIGoYBM5M");
    }

    @Test
    void secretsNeverAppearInToString() {
        Settings settings = Settings.load(
                Map.of(
                        "SPOTIFY_CLIENT_SECRET",
                        "cs-123",
                        "SPOTIFY_REFRESH_TOKEN",
                        "rt-456",
                        "ANTHROPIC_API_KEY",
                        "sk-789",
                        "API_TOKEN",
                        "tok-000",
                        "TEMPORAL_API_KEY",
                        "tk-111"),
                null);

        String printed = settings + " " + settings.api() + settings.spotify() + settings.ai() + settings.temporal();

        assertThat(printed).doesNotContain("cs-123", "rt-456", "sk-789", "tok-000", "tk-111");
    }

    @Test
    void operationsSettingsHaveSafeDefaultsAndCorsRefusesAWildcard() {
        Settings settings = Settings.load(Map.of("HOME", "/home/u"), null);
        assertThat(settings.api().corsOrigins()).isEmpty();
        assertThat(settings.api().rateLimitPerMinute()).isEqualTo(600);
        assertThat(settings.observability().metricsPort()).isZero();
        assertThat(settings.observability().jsonLogs()).isFalse();

        Settings open = Settings.load(
                Map.of(
                        "CORS_ORIGINS", "https://music.example.org, http://127.0.0.1:5173",
                        "LOG_FORMAT", "json",
                        "METRICS_PORT", "9464"),
                null);
        assertThat(open.api().corsOrigins()).containsExactly("https://music.example.org", "http://127.0.0.1:5173");
        assertThat(open.observability().jsonLogs()).isTrue();
        assertThat(open.observability().metricsPort()).isEqualTo(9464);

        assertThatThrownBy(() -> Settings.load(Map.of("CORS_ORIGINS", "*"), null))
                .hasMessageContaining("CORS_ORIGINS");
        assertThatThrownBy(() -> Settings.load(Map.of("LOG_FORMAT", "xml"), null))
                .hasMessageContaining("LOG_FORMAT");
    }
}
