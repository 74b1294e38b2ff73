package io.musicsync.engine.standalone;

import com.fasterxml.jackson.core.type.TypeReference;
import io.musicsync.domain.AddOutcome;
import io.musicsync.domain.AiChoice;
import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.MatchDecision;
import io.musicsync.domain.ReviewChoice;
import io.musicsync.domain.ScoredCandidate;
import io.musicsync.domain.SongQuery;
import io.musicsync.domain.SyncStep;
import io.musicsync.store.JournalJson;
import io.musicsync.store.SyncStore;
import io.musicsync.store.SyncStore.StepRecord;
import io.musicsync.sync.EventDetails;
import io.musicsync.sync.SyncActivities;
import io.musicsync.sync.SyncEvent;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Event sourcing for a standalone sync, as Temporal does it for a workflow: each activity call's result is
 * journaled, and a resumed sync (the process died) gets the recorded results back instead of calling again. The
 * pipeline is deterministic, so replaying them brings it to where it stopped, and the first call with no record
 * is the step that was interrupted. Each live call also leaves its events in the sync's history.
 */
final class JournaledActivities implements SyncActivities {

    private static final TypeReference<List<CatalogTrack>> TRACKS = new TypeReference<>() {};

    private final SyncActivities delegate;
    private final SyncStore store;
    private final String syncId;
    private final Clock clock;
    private final JournalJson json;
    private final List<StepRecord> recorded;
    private int calls;

    JournaledActivities(SyncActivities delegate, SyncStore store, String syncId, Clock clock, JournalJson json) {
        this.delegate = delegate;
        this.store = store;
        this.syncId = syncId;
        this.clock = clock;
        this.json = json;
        this.recorded = store.steps(syncId);
    }

    @Override
    public List<CatalogTrack> searchTracks(SongQuery song) {
        return call(
                "search",
                SyncStep.SEARCHING,
                () -> delegate.searchTracks(song),
                text -> json.read(text, TRACKS),
                found -> List.of(SyncEvent.withDetails(
                        clock.instant(),
                        SyncEvent.Type.STEP_COMPLETED,
                        SyncStep.SEARCHING,
                        found.size() + " candidates found",
                        Map.of("candidates_found", found.size()))));
    }

    @Override
    public MatchDecision matchTrack(SongQuery song, List<CatalogTrack> candidates, double threshold) {
        return call(
                "match",
                SyncStep.MATCHING,
                () -> delegate.matchTrack(song, candidates, threshold),
                text -> json.read(text, MatchDecision.class),
                decision -> List.of(
                        SyncEvent.withDetails(
                                clock.instant(),
                                SyncEvent.Type.DECISION,
                                SyncStep.MATCHING,
                                "decision: " + EventDetails.outcome(decision),
                                EventDetails.decision(decision)),
                        completed(SyncStep.MATCHING)));
    }

    @Override
    public AiChoice disambiguate(SongQuery song, List<ScoredCandidate> candidates) {
        return call(
                "disambiguate",
                SyncStep.AI_DISAMBIGUATION,
                () -> delegate.disambiguate(song, candidates),
                text -> json.read(text, AiChoice.class),
                choice -> List.of(
                        SyncEvent.withDetails(
                                clock.instant(),
                                SyncEvent.Type.AI_CHOICE,
                                SyncStep.AI_DISAMBIGUATION,
                                EventDetails.aiMessage(choice),
                                EventDetails.ai(choice)),
                        completed(SyncStep.AI_DISAMBIGUATION)));
    }

    @Override
    public AddOutcome addToPlaylist(String playlistId, String trackUri) {
        return call(
                "add",
                SyncStep.ADDING,
                () -> delegate.addToPlaylist(playlistId, trackUri),
                text -> json.read(text, AddOutcome.class),
                outcome -> List.of(
                        SyncEvent.withDetails(
                                clock.instant(),
                                outcome.added() ? SyncEvent.Type.ADDED : SyncEvent.Type.ALREADY_IN_PLAYLIST,
                                SyncStep.ADDING,
                                EventDetails.addMessage(outcome.added(), trackUri, outcome.position()),
                                Map.of("track_uri", trackUri, "position", outcome.position())),
                        completed(SyncStep.ADDING)));
    }

    @Override
    public void verifyTrackInPlaylist(String playlistId, String trackUri, int positionHint) {
        call(
                "verify",
                SyncStep.VERIFYING,
                () -> {
                    delegate.verifyTrackInPlaylist(playlistId, trackUri, positionHint);
                    return Boolean.TRUE;
                },
                text -> Boolean.TRUE,
                done -> List.of(completed(SyncStep.VERIFYING)));
    }

    /** The recorded result of this call when the sync ran it before the restart, else runs and records it. */
    private <T> T call(
            String activity,
            SyncStep step,
            Supplier<T> live,
            Function<String, T> replay,
            Function<T, List<SyncEvent>> events) {
        int index = calls++;
        if (index < recorded.size() && recorded.get(index).activity().equals(activity)) {
            return replay.apply(recorded.get(index).resultJson());
        }
        store.append(
                syncId, SyncEvent.of(clock.instant(), SyncEvent.Type.STEP_STARTED, step, step.wireName() + " started"));
        T result = live.get();
        store.recordStep(syncId, index, activity, json.write(result));
        events.apply(result).forEach(event -> store.append(syncId, event));
        return result;
    }

    private SyncEvent completed(SyncStep step) {
        return SyncEvent.of(clock.instant(), SyncEvent.Type.STEP_COMPLETED, step, step.wireName() + " completed");
    }

    @Override
    public ReviewChoice recallDecision(SongQuery song) {
        return call(
                "recall",
                SyncStep.SEARCHING,
                () -> delegate.recallDecision(song),
                text -> json.read(text, ReviewChoice.class),
                remembered -> List.of());
    }

    @Override
    public void rememberDecision(SongQuery song, ReviewChoice choice) {
        call(
                "remember",
                SyncStep.AWAITING_REVIEW,
                () -> {
                    delegate.rememberDecision(song, choice);
                    return Boolean.TRUE;
                },
                text -> Boolean.TRUE,
                done -> List.of());
    }
}
