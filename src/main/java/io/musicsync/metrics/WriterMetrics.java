package io.musicsync.metrics;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.musicsync.domain.PlaylistWriteListener;

/** {@code musicsync_writer_batch_size}: how many URIs each playlist add call carried (1 to 100). */
public final class WriterMetrics implements PlaylistWriteListener {

    private final DistributionSummary batches;

    public WriterMetrics(MeterRegistry registry) {
        this.batches = DistributionSummary.builder("musicsync.writer.batch.size")
                .description("Track URIs per playlist add call")
                .serviceLevelObjectives(1, 5, 10, 25, 50, 100)
                .register(registry);
    }

    @Override
    public void onBatchAdded(int uris) {
        batches.record(uris);
    }
}
