package io.musicsync.domain;

import java.time.Duration;

/**
 * Told about each call to an outside music service, for metrics. Implementations must be quick and never throw;
 * they see no request or response bodies, so no secret can reach them.
 */
public interface ServiceCallListener {

    /** A listener that records nothing. */
    ServiceCallListener NONE = new ServiceCallListener() {
        @Override
        public void onCall(String endpoint, int status, Duration latency) {}

        @Override
        public void onRateLimitWait(Duration wait) {}
    };

    /**
     * @param endpoint the method and path template, e.g. {@code GET /playlists/{id}/items}
     * @param status the HTTP status, or 0 when no answer came
     */
    void onCall(String endpoint, int status, Duration latency);

    /** A wait before a call, for the service's Retry-After or our own request budget. */
    void onRateLimitWait(Duration wait);
}
