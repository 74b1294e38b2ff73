package io.musicsync.api;

import java.util.Map;

/** A dependency the health endpoint reports on (Spotify login, AI). Details must never contain secrets. */
public interface HealthCheck {

    String name();

    Report check();

    /** @param healthy false makes the service report "degraded" */
    record Report(boolean healthy, Map<String, Object> details) {}
}
