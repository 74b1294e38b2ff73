package io.musicsync.api.dto;

import io.musicsync.sync.SyncPage;
import java.time.Instant;
import java.util.List;

/** The answer to {@code GET /api/v1/syncs}: newest first; {@code next_cursor} is null on the last page. */
public record SyncListBody(List<Item> syncs, String nextCursor) {

    public record Item(
            String workflowId,
            String status,
            String trackName,
            String artist,
            String playlistId,
            Instant startedAt,
            Instant completedAt,
            Boolean success,
            String message,
            String spotifyTrackUri,
            String matchMethod) {}

    public static SyncListBody from(SyncPage page) {
        return new SyncListBody(
                page.syncs().stream()
                        .map(s -> new Item(
                                s.syncId(),
                                s.state().wireName(),
                                s.trackName(),
                                s.artist(),
                                s.playlistId(),
                                s.startedAt(),
                                s.completedAt(),
                                s.success(),
                                s.message(),
                                s.spotifyTrackUri(),
                                s.matchMethod()))
                        .toList(),
                page.next() == null ? null : page.next().encode());
    }
}
