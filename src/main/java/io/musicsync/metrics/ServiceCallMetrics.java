package io.musicsync.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.musicsync.domain.ServiceCallListener;
import java.time.Duration;

/**
 * {@code musicsync_spotify_calls_seconds{endpoint,status}} (a timer: count and latency of each call) and
 * {@code musicsync_spotify_rate_limit_wait_seconds} (how long calls waited for Retry-After or our request budget).
 */
public final class ServiceCallMetrics implements ServiceCallListener {

    private final MeterRegistry registry;
    private final String service;

    public ServiceCallMetrics(MeterRegistry registry, String service) {
        this.registry = registry;
        this.service = service;
        rateLimitWaits(); // present from the start, at 0
    }

    private Timer rateLimitWaits() {
        return Timer.builder("musicsync." + service + ".rate.limit.wait")
                .description("Waits before calls to " + service + " (Retry-After or the request budget)")
                .register(registry);
    }

    @Override
    public void onCall(String endpoint, int status, Duration latency) {
        Timer.builder("musicsync." + service + ".calls")
                .description("Calls to " + service + ", by endpoint and HTTP status (0: no answer)")
                .tag("endpoint", endpoint)
                .tag("status", Integer.toString(status))
                .register(registry)
                .record(latency);
    }

    @Override
    public void onRateLimitWait(Duration wait) {
        rateLimitWaits().record(wait);
    }
}
