package io.musicsync.api.dto;

import io.musicsync.domain.AiChoice;
import io.musicsync.domain.MatchDecision;
import io.musicsync.domain.ScoredCandidate;
import io.musicsync.sync.SyncProgress;
import io.musicsync.sync.SyncResult;
import io.musicsync.sync.SyncStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The answer to {@code GET /api/v1/sync/{id}}, in the original system's shape plus our decision details. */
public record SyncStatusBody(
        String workflowId,
        String status,
        Progress progress,
        Result result,
        String error,
        Instant startedAt,
        Instant completedAt) {

    public record Progress(
            String currentStep, int stepsCompleted, int stepsTotal, int candidatesFound, double elapsedSeconds) {}

    public record Result(
            boolean success,
            String message,
            String spotifyTrackId,
            String spotifyTrackUri,
            Double confidenceScore,
            double executionTimeSeconds,
            int retryCount,
            String matchMethod,
            boolean alreadyInPlaylist,
            Decision decision,
            Ai ai,
            String verification) {}

    /** The matcher's decision and its reasons, with the best candidates it saw. */
    public record Decision(String outcome, String method, List<String> reasons, List<Candidate> candidates) {}

    public record Candidate(
            String uri,
            String name,
            List<String> artists,
            String album,
            double score,
            Map<String, Double> signals,
            List<String> notes) {}

    public record Ai(String provider, String model, String chosenUri, double confidence, String reasoning) {}

    public static SyncStatusBody from(SyncStatus status, Instant now) {
        return new SyncStatusBody(
                status.syncId(),
                status.state().wireName(),
                progress(status, now),
                status.result() == null ? null : result(status.result()),
                status.error(),
                status.startedAt(),
                status.completedAt());
    }

    private static Progress progress(SyncStatus status, Instant now) {
        SyncProgress p = status.progress();
        Instant end = status.completedAt() == null ? now : status.completedAt();
        double elapsed = Math.max(0, end.toEpochMilli() - status.startedAt().toEpochMilli()) / 1000.0;
        return new Progress(
                p.currentStep().wireName(), p.stepsCompleted(), p.stepsTotal(), p.candidatesFound(), elapsed);
    }

    private static Result result(SyncResult r) {
        return new Result(
                r.success(),
                r.message(),
                r.trackId(),
                r.trackUri(),
                r.confidenceScore(),
                r.executionTimeSeconds(),
                r.retryCount(),
                r.matchMethod().wireName(),
                r.alreadyInPlaylist(),
                r.decision() == null ? null : decision(r.decision()),
                ai(r.ai()),
                r.verification());
    }

    private static Decision decision(MatchDecision d) {
        List<Candidate> candidates =
                d.ranked().stream().map(SyncStatusBody::candidate).toList();
        return new Decision(d.outcome().name().toLowerCase(java.util.Locale.ROOT), d.method(), d.reasons(), candidates);
    }

    static Ai ai(AiChoice ai) {
        return ai == null ? null : new Ai(ai.provider(), ai.model(), ai.chosenUri(), ai.confidence(), ai.reasoning());
    }

    static Candidate candidate(ScoredCandidate c) {
        return new Candidate(
                c.track().uri(),
                c.track().name(),
                c.track().artists(),
                c.track().album(),
                c.score(),
                c.signals(),
                c.notes());
    }
}
