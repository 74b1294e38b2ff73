package io.musicsync.api.dto;

import io.musicsync.sync.SyncEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The answer to {@code GET /api/v1/sync/{id}/history}: the sync's events, oldest first, in both modes. */
public record SyncHistoryBody(String workflowId, List<Event> events) {

    public record Event(
            Instant at,
            String type,
            String step,
            String message,
            Integer attempt,
            String error,
            Long nextDelayMs,
            Map<String, Object> details) {}

    public static SyncHistoryBody from(String syncId, List<SyncEvent> events) {
        return new SyncHistoryBody(
                syncId,
                events.stream()
                        .map(e -> new Event(
                                e.at(),
                                e.type().wireName(),
                                e.step() == null ? null : e.step().wireName(),
                                e.message(),
                                e.attempt(),
                                e.error(),
                                e.nextDelayMs(),
                                e.details()))
                        .toList());
    }
}
