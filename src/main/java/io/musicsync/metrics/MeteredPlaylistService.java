package io.musicsync.metrics;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.musicsync.domain.PlaylistPage;
import io.musicsync.domain.PlaylistService;
import java.util.List;

/**
 * The playlist port, counting what the playlist writer sends: {@code musicsync_writer_batch_size} records how many
 * URIs each add request carried (1 to {@link PlaylistService#MAX_ADD_BATCH}). The writer does not know about it.
 */
public final class MeteredPlaylistService implements PlaylistService {

    private final PlaylistService delegate;
    private final DistributionSummary batches;

    public MeteredPlaylistService(PlaylistService delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.batches = DistributionSummary.builder("musicsync.writer.batch.size")
                .description("Track URIs per playlist add request")
                .serviceLevelObjectives(1, 5, 10, 25, 50, 100)
                .register(registry);
    }

    @Override
    public String playlistSnapshot(String playlistId) {
        return delegate.playlistSnapshot(playlistId);
    }

    @Override
    public PlaylistPage playlistItems(String playlistId, int offset, int limit) {
        return delegate.playlistItems(playlistId, offset, limit);
    }

    @Override
    public List<String> allPlaylistUris(String playlistId) {
        return delegate.allPlaylistUris(playlistId);
    }

    @Override
    public String addItems(String playlistId, List<String> uris) {
        String snapshot = delegate.addItems(playlistId, uris);
        for (int from = 0; from < uris.size(); from += MAX_ADD_BATCH) {
            batches.record(Math.min(MAX_ADD_BATCH, uris.size() - from));
        }
        return snapshot;
    }
}
