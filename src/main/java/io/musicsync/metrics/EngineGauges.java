package io.musicsync.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.musicsync.engine.SyncEngine;

/**
 * {@code musicsync_syncs_running} and {@code musicsync_syncs_queued}, read from the engine's health details when it
 * reports them (standalone does; in Temporal mode the queue is Temporal's and its SDK metrics show it).
 */
public final class EngineGauges {

    private EngineGauges() {}

    public static void bind(SyncEngine engine, MeterRegistry registry) {
        gauge(engine, registry, "musicsync.syncs.running", "running_syncs", "Syncs running now");
        gauge(engine, registry, "musicsync.syncs.queued", "queued_syncs", "Syncs waiting for a slot");
    }

    private static void gauge(SyncEngine engine, MeterRegistry registry, String name, String detail, String what) {
        Gauge.builder(name, engine, e -> e.health().details().get(detail) instanceof Number n ? n.doubleValue() : 0)
                .description(what)
                .register(registry);
    }
}
