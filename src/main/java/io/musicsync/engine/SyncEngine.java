package io.musicsync.engine;

import io.musicsync.sync.ReviewPage;
import io.musicsync.sync.SyncEvent;
import io.musicsync.sync.SyncListQuery;
import io.musicsync.sync.SyncPage;
import io.musicsync.sync.SyncRequest;
import io.musicsync.sync.SyncStatus;
import java.util.List;
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

    /** Syncs newest first, filtered and cursor-paged as {@code query} says. */
    SyncPage list(SyncListQuery query);

    /** The sync's events, oldest first, or empty for an unknown id. */
    Optional<List<SyncEvent>> history(String syncId);

    /**
     * The review queue: syncs waiting for a person's choice ({@code needs_review}), waiting longest first.
     *
     * @param cursor the {@code nextCursor} of the previous page (opaque, the engine's own form), or null
     * @throws IllegalArgumentException when {@code cursor} is not one this engine gave (the API answers 400)
     */
    ReviewPage reviews(String cursor, int limit);

    /**
     * Answers a sync's review: {@code trackUri} is the track to add (one of the candidates shown, or any track the
     * person names), or null for "not on Spotify". The sync goes on (adding the track through the playlist's
     * writer), and the choice is remembered for the same song later.
     */
    ReviewAnswer answerReview(String syncId, String trackUri);

    EngineHealth health();

    @Override
    void close();
}
