package io.musicsync.sync;

import io.musicsync.domain.SyncStep;
import java.time.Instant;
import java.util.Map;

/**
 * One entry of a sync's history, the same in both modes (standalone reads it from its journal, Temporal derives it
 * from the workflow history).
 *
 * @param step the step it belongs to, or null for events of the whole sync (resumed, completed…)
 * @param attempt the attempt that failed ({@link Type#ATTEMPT_FAILED}), else null
 * @param nextDelayMs the wait before the next attempt, or null when none follows
 * @param details structured facts (the decision's scores, the AI's answer, the add's position), or null
 */
public record SyncEvent(
        Instant at,
        Type type,
        SyncStep step,
        String message,
        Integer attempt,
        String error,
        Long nextDelayMs,
        Map<String, Object> details) {

    /** Event types, in wire form ({@link #wireName()}). */
    public enum Type {
        STEP_STARTED,
        STEP_COMPLETED,
        ATTEMPT_FAILED,
        DECISION,
        AI_CHOICE,
        ADDED,
        ALREADY_IN_PLAYLIST,
        CANCELLED,
        RESUMED,
        COMPLETED,
        FAILED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static SyncEvent of(Instant at, Type type, SyncStep step, String message) {
        return new SyncEvent(at, type, step, message, null, null, null, null);
    }

    public static SyncEvent withDetails(
            Instant at, Type type, SyncStep step, String message, Map<String, Object> details) {
        return new SyncEvent(at, type, step, message, null, null, null, details);
    }

    public static SyncEvent attemptFailed(Instant at, SyncStep step, int attempt, String error, Long nextDelayMs) {
        String message = nextDelayMs == null
                ? "attempt " + attempt + " failed"
                : "attempt " + attempt + " failed; retrying in " + nextDelayMs + " ms";
        return new SyncEvent(at, Type.ATTEMPT_FAILED, step, message, attempt, error, nextDelayMs, null);
    }
}
