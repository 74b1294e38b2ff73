package io.musicsync.engine;

import io.musicsync.config.EngineKind;
import java.util.Map;

/**
 * @param kind the engine's kind, reported as the health's {@code mode}
 * @param healthy whether the engine can take work
 * @param details kind-specific facts for the health endpoint (never secrets)
 */
public record EngineHealth(EngineKind kind, boolean healthy, Map<String, Object> details) {

    public EngineHealth {
        details = Map.copyOf(details);
    }

    /** {@code standalone} or {@code temporal}. */
    public String mode() {
        return kind.settingName();
    }

    /** The original system's {@code temporal_connected}, kept on the wire: the Temporal engine reaches Temporal. */
    public boolean temporalConnected() {
        return kind == EngineKind.TEMPORAL && healthy;
    }
}
