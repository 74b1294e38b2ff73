package io.musicsync.metrics;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.common.reporter.MicrometerClientStatsReporter;

/** The Temporal SDK's own metrics (worker polls, task latencies, slots), reported through Micrometer. */
public final class TemporalMetrics {

    private TemporalMetrics() {}

    public static Scope scope(MeterRegistry registry) {
        return new RootScopeBuilder()
                .reporter(new MicrometerClientStatsReporter(registry))
                .reportEvery(com.uber.m3.util.Duration.ofSeconds(1));
    }
}
