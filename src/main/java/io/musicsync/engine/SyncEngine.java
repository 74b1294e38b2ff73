package io.musicsync.engine;

import io.musicsync.sync.SyncRequest;
import io.musicsync.sync.SyncStatus;
import java.util.Optional;

/**
 * Runs syncs. The HTTP layer, the CLI and later the MCP server know only this interface; the composition root
 * picks the standalone or the Temporal implementation from {@code ENGINE}.
 */
public interface SyncEngine extends AutoCloseable {

    /**
     * Starts a sync, or returns the existing one when a sync with the same id was started before (so a retried
     * submission never runs twice). The status is registered before this returns, so an immediate poll finds it.
     *
     * @throws EngineUnavailableException when the engine cannot accept work (e.g. Temporal is down)
     */
    SyncStatus start(SyncRequest request);

    Optional<SyncStatus> status(String syncId);

    CancelOutcome cancel(String syncId);

    EngineHealth health();

    @Override
    void close();
}
