package io.musicsync.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.musicsync.sync.MatchMethod;
import io.musicsync.sync.SyncListener;
import io.musicsync.sync.SyncRequest;
import io.musicsync.sync.SyncResult;
import io.musicsync.sync.SyncStatus;
import java.util.Locale;

/**
 * {@code musicsync_syncs_started_total{mode}} and {@code musicsync_syncs_finished_total{mode,status,outcome,
 * match_method}}: how many syncs ran and how each ended ({@code outcome}: added, already_in_playlist, no_match or
 * none for a failed or cancelled sync).
 */
public final class SyncMetrics implements SyncListener {

    private final MeterRegistry registry;
    private final String mode;

    public SyncMetrics(MeterRegistry registry, String mode) {
        this.registry = registry;
        this.mode = mode;
        // Present from the start, so a rate over the first sync is defined.
        started().increment(0);
    }

    private Counter started() {
        return Counter.builder("musicsync.syncs.started")
                .description("Syncs started")
                .tag("mode", mode)
                .register(registry);
    }

    @Override
    public void onStarted(SyncRequest request) {
        started().increment();
    }

    @Override
    public void onFinished(SyncStatus status) {
        SyncResult result = status.result();
        Counter.builder("musicsync.syncs.finished")
                .description("Syncs finished, by final status, outcome and match method")
                .tag("mode", mode)
                .tag("status", status.state().wireName())
                .tag("outcome", outcome(result))
                .tag("match_method", matchMethod(result))
                .register(registry)
                .increment();
    }

    static String outcome(SyncResult result) {
        if (result == null) {
            return "none";
        }
        if (!result.success()) {
            return "no_match";
        }
        return result.alreadyInPlaylist() ? "already_in_playlist" : "added";
    }

    static String matchMethod(SyncResult result) {
        return result == null || result.matchMethod() == null
                ? MatchMethod.NONE.wireName()
                : result.matchMethod().wireName();
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
