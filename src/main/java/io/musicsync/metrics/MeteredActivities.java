package io.musicsync.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.musicsync.domain.AddOutcome;
import io.musicsync.domain.AiChoice;
import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.MatchDecision;
import io.musicsync.domain.ReviewChoice;
import io.musicsync.domain.ScoredCandidate;
import io.musicsync.domain.SongQuery;
import io.musicsync.domain.SyncException;
import io.musicsync.sync.SyncActivities;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Times every step of a sync where it runs (the standalone process, or the Temporal worker that executes the
 * activity): {@code musicsync_step_duration_seconds{step,outcome}} as a histogram, plus the matcher's decisions and
 * the AI's calls ({@code musicsync_ai_calls_total{outcome}}, {@code musicsync_ai_latency_seconds}).
 */
public final class MeteredActivities implements SyncActivities {

    private final SyncActivities delegate;
    private final MeterRegistry registry;

    public MeteredActivities(SyncActivities delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
        // Present from the start (at 0), so dashboards and rates see the series before the first AI call.
        aiCalls("chose");
        aiCalls("none");
        aiLatency();
    }

    private Counter aiCalls(String outcome) {
        return Counter.builder("musicsync.ai.calls")
                .description("Calls to the AI, by outcome: chose, none, or the failure")
                .tag("outcome", outcome)
                .register(registry);
    }

    private Timer aiLatency() {
        return Timer.builder("musicsync.ai.latency")
                .description("Time the AI took to answer")
                .publishPercentileHistogram()
                .register(registry);
    }

    @Override
    public List<CatalogTrack> searchTracks(SongQuery song) {
        return timed("search", () -> delegate.searchTracks(song), tracks -> tracks.isEmpty() ? "empty" : "found");
    }

    @Override
    public MatchDecision matchTrack(SongQuery song, List<CatalogTrack> candidates, double threshold) {
        MatchDecision decision = timed(
                "match", () -> delegate.matchTrack(song, candidates, threshold), d -> SyncMetrics.lower(d.outcome()));
        Counter.builder("musicsync.match.decisions")
                .description("The matcher's decisions, by outcome and method")
                .tag("outcome", SyncMetrics.lower(decision.outcome()))
                .tag("method", decision.method())
                .register(registry)
                .increment();
        return decision;
    }

    @Override
    public AiChoice disambiguate(SongQuery song, List<ScoredCandidate> candidates) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "error";
        try {
            AiChoice choice = timed(
                    "disambiguate", () -> delegate.disambiguate(song, candidates), c -> c.chose() ? "chose" : "none");
            outcome = choice.chose() ? "chose" : "none";
            return choice;
        } catch (SyncException e) {
            outcome = e.getClass().getSimpleName();
            throw e;
        } finally {
            aiCalls(outcome).increment();
            sample.stop(aiLatency());
        }
    }

    @Override
    public AddOutcome addToPlaylist(String playlistId, String trackUri) {
        return timed(
                "add", () -> delegate.addToPlaylist(playlistId, trackUri), a -> a.added() ? "added" : "already_there");
    }

    @Override
    public void verifyTrackInPlaylist(String playlistId, String trackUri, int positionHint) {
        timed(
                "verify",
                () -> {
                    delegate.verifyTrackInPlaylist(playlistId, trackUri, positionHint);
                    return Boolean.TRUE;
                },
                ok -> "ok");
    }

    @Override
    public ReviewChoice recallDecision(SongQuery song) {
        return timed("recall", () -> delegate.recallDecision(song), c -> c == null ? "none" : "remembered");
    }

    @Override
    public void rememberDecision(SongQuery song, ReviewChoice choice) {
        timed(
                "remember",
                () -> {
                    delegate.rememberDecision(song, choice);
                    return Boolean.TRUE;
                },
                ok -> "ok");
    }

    private <T> T timed(String step, Supplier<T> call, Function<T, String> outcomeOf) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "error";
        try {
            T result = call.get();
            outcome = outcomeOf.apply(result);
            return result;
        } catch (RuntimeException e) {
            outcome = e instanceof SyncException ? e.getClass().getSimpleName() : "bug";
            throw e;
        } finally {
            sample.stop(Timer.builder("musicsync.step.duration")
                    .description("Time one step of a sync took")
                    .tag("step", step)
                    .tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .register(registry));
        }
    }
}
