package io.musicsync.engine.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.musicsync.activities.BatchWindow;
import io.musicsync.config.Settings;
import io.musicsync.engine.EngineHealth;
import io.musicsync.engine.EngineUnavailableException;
import io.temporal.api.errordetails.v1.NamespaceNotFoundFailure;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Temporal refusing our credentials or namespace: the worker must stop at once with the setting to fix, and the API
 * must say the same (503).
 */
@Timeout(30) // without the fail-fast, the worker would wait here for ever
class RefusingTemporalTest {

    private RefusingTemporalFrontend frontend;

    @AfterEach
    void stop() throws InterruptedException {
        frontend.close();
    }

    private Settings refusingWith(StatusRuntimeException error) {
        frontend = RefusingTemporalFrontend.start(error);
        return Settings.load(Map.of("TEMPORAL_HOST", frontend.host(), "TEMPORAL_NAMESPACE", "music"), null);
    }

    private static void assertWorkerStopsAtOnce(Settings settings, String... named) {
        long started = System.nanoTime();
        assertThatThrownBy(() -> TemporalWorker.start(
                        TemporalConnection.forWorker(settings.temporal()),
                        settings.engine(),
                        new FakeSpotifyActivities(),
                        new FakeSpotifyActivities(),
                        BatchWindow.DEFAULT))
                .isInstanceOf(TemporalSetupException.class)
                .hasMessageContainingAll(named);
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("no waiting")
                .isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void refusedCredentialsStopTheWorkerAndNameTheSettings() throws Exception {
        Settings settings =
                refusingWith(Status.UNAUTHENTICATED.withDescription("bad key").asRuntimeException());

        assertWorkerStopsAtOnce(settings, "TEMPORAL_API_KEY", "TEMPORAL_TLS_CERT_PATH", "TEMPORAL_TLS_KEY_PATH");
        try (TemporalEngine engine =
                new TemporalEngine(TemporalConnection.forClient(settings.temporal()), Clock.systemUTC())) {
            EngineHealth health = engine.health();
            assertThat(health.healthy()).isFalse();
            assertThat(health.details().get("error").toString()).contains("TEMPORAL_API_KEY");
            assertThatThrownBy(() -> engine.status("sync-1"))
                    .isInstanceOf(EngineUnavailableException.class)
                    .hasMessageContaining("TEMPORAL_API_KEY");
        }
    }

    @Test
    void anUnknownNamespaceStopsTheWorkerAndNamesTheSetting() throws Exception {
        com.google.rpc.Status notFound = com.google.rpc.Status.newBuilder()
                .setCode(Status.Code.NOT_FOUND.value())
                .setMessage("Namespace music is not found.")
                .addDetails(Any.pack(NamespaceNotFoundFailure.newBuilder()
                        .setNamespace("music")
                        .build()))
                .build();
        Settings settings = refusingWith(StatusProto.toStatusRuntimeException(notFound));

        assertWorkerStopsAtOnce(settings, "TEMPORAL_NAMESPACE", "'music'");
    }
}
