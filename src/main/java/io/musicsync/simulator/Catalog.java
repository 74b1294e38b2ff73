package io.musicsync.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The simulated track catalog: the tracks loaded at start plus any added by tests. Thread-safe. */
final class Catalog {

    private final List<TrackJson> initial;
    private final Map<String, IndexedTrack> byId = new LinkedHashMap<>();

    Catalog(List<TrackJson> initial) {
        this.initial = List.copyOf(initial);
        reset();
    }

    synchronized void reset() {
        byId.clear();
        initial.forEach(this::put);
    }

    /** Adds tracks, or replaces those with the same id; returns them as stored. */
    synchronized List<TrackJson> add(List<TrackJson> tracks) {
        List<TrackJson> added = new ArrayList<>();
        for (TrackJson track : tracks) {
            TrackJson complete = track.completed();
            put(complete);
            added.add(complete);
        }
        return added;
    }

    private void put(TrackJson track) {
        IndexedTrack previous = byId.get(track.id());
        int position = previous == null ? byId.size() : previous.position();
        byId.put(track.id(), IndexedTrack.of(track, position));
    }

    synchronized Optional<TrackJson> byId(String id) {
        return Optional.ofNullable(byId.get(id)).map(IndexedTrack::track);
    }

    /** The track a {@code spotify:track:<id>} URI names, if the catalog has it. */
    Optional<TrackJson> byUri(String uri) {
        String prefix = "spotify:track:";
        if (uri == null || !uri.startsWith(prefix)) {
            return Optional.empty();
        }
        return byId(uri.substring(prefix.length()));
    }

    List<TrackJson> search(SearchQuery query) {
        List<IndexedTrack> snapshot;
        synchronized (this) {
            snapshot = List.copyOf(byId.values());
        }
        return SearchRanker.rank(query, snapshot);
    }

    synchronized int size() {
        return byId.size();
    }
}
