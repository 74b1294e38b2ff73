package io.musicsync.engine;

import java.util.Map;

/**
 * @param mode {@code standalone} or {@code temporal}
 * @param details mode-specific facts for the health endpoint (never secrets)
 */
public record EngineHealth(String mode, boolean healthy, boolean temporalConnected, Map<String, Object> details) {

    public EngineHealth {
        details = Map.copyOf(details);
    }
}
