package io.musicsync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicsync.config.EngineKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineHealthTest {

    @Test
    void theKindIsTheModeAndOnlyAConnectedTemporalEngineIsTemporalConnected() {
        EngineHealth standalone = new EngineHealth(EngineKind.STANDALONE, true, Map.of());
        EngineHealth connected = new EngineHealth(EngineKind.TEMPORAL, true, Map.of());
        EngineHealth unreachable = new EngineHealth(EngineKind.TEMPORAL, false, Map.of("error", "down"));

        assertThat(standalone.mode()).isEqualTo("standalone");
        assertThat(connected.mode()).isEqualTo("temporal");
        assertThat(standalone.temporalConnected()).isFalse();
        assertThat(connected.temporalConnected()).isTrue();
        assertThat(unreachable.temporalConnected()).isFalse();
    }
}
