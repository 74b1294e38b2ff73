package io.musicsync.api;

import io.musicsync.config.Settings;
import java.time.Duration;
import java.util.List;

/**
 * What one client may ask of the server.
 *
 * @param maxBodyBytes the largest request body (a sync request is well under 1 KiB)
 * @param rateLimitPerMinute requests one client address may make per minute
 * @param corsOrigins browser origins allowed to call the API; empty: none (same-origin only)
 * @param idleTimeout how long a connection may send nothing before it is closed (slow clients)
 */
public record ApiLimits(long maxBodyBytes, int rateLimitPerMinute, List<String> corsOrigins, Duration idleTimeout) {

    public static final long DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** The largest library upload ({@code POST /api/v1/imports}): a 50,000-track Library.xml is about 100 MB. */
    public static final long MAX_UPLOAD_BYTES = 160L * 1024 * 1024;

    public ApiLimits {
        corsOrigins = List.copyOf(corsOrigins);
    }

    public static ApiLimits from(Settings.Api api) {
        return new ApiLimits(DEFAULT_MAX_BODY_BYTES, api.rateLimitPerMinute(), api.corsOrigins(), DEFAULT_IDLE_TIMEOUT);
    }
}
