package io.musicsync.simulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The simulated track catalog: the tracks loaded at start plus any added by tests, indexed by free word and ISRC
 * so that a search over tens of thousands of tracks looks only at those sharing its rarest word. Thread-safe.
 */
final class Catalog {

    private final List<TrackJson> initial;
    private final Map<String, IndexedTrack> byId = new LinkedHashMap<>();
    private final NavigableMap<String, Set<String>> idsByWord = new TreeMap<>();
    private final Map<String, Set<String>> idsByIsrc = new HashMap<>();
    private Set<String> hidden = Set.of();

    Catalog(List<TrackJson> initial) {
        this.initial = List.copyOf(initial);
        reset();
    }

    synchronized void reset() {
        hidden = Set.of();
        byId.clear();
        idsByWord.clear();
        idsByIsrc.clear();
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
        if (previous != null) {
            unindex(previous);
        }
        int position = previous == null ? byId.size() : previous.position();
        IndexedTrack indexed = IndexedTrack.of(track, position);
        byId.put(track.id(), indexed);
        indexed.allTokens()
                .forEach(word -> idsByWord
                        .computeIfAbsent(word, w -> new LinkedHashSet<>())
                        .add(track.id()));
        if (track.isrc() != null) {
            idsByIsrc
                    .computeIfAbsent(isrcKey(track.isrc()), k -> new LinkedHashSet<>())
                    .add(track.id());
        }
    }

    private void unindex(IndexedTrack track) {
        String id = track.track().id();
        track.allTokens().forEach(word -> idsByWord.getOrDefault(word, Set.of()).remove(id));
        if (track.track().isrc() != null) {
            idsByIsrc.getOrDefault(isrcKey(track.track().isrc()), Set.of()).remove(id);
        }
    }

    /** Search leaves out these track ids until the next call (an evaluation's "Spotify lacks this song"). */
    synchronized void hide(Set<String> ids) {
        hidden = Set.copyOf(ids);
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
        return SearchRanker.rank(query, candidates(query));
    }

    /** A superset of the tracks that can match: those under the query's rarest required word or its ISRC. */
    private synchronized Collection<IndexedTrack> candidates(SearchQuery query) {
        Set<String> ids = null;
        if (query.isrc() != null) {
            ids = idsByIsrc.getOrDefault(isrcKey(query.isrc()), Set.of());
        }
        List<String> required = new ArrayList<>(query.askedWords());
        if (!query.free().isEmpty()) {
            required.remove(query.free().getLast()); // may be a prefix: checked by the ranker
        }
        for (String word : required) {
            Set<String> posting = idsByWord.getOrDefault(word, Set.of());
            if (ids == null || posting.size() < ids.size()) {
                ids = posting;
            }
        }
        if (ids == null && !query.free().isEmpty()) {
            String prefix = query.free().getLast();
            Set<String> union = new LinkedHashSet<>();
            idsByWord
                    .subMap(prefix, true, prefix + Character.MAX_VALUE, true)
                    .values()
                    .forEach(union::addAll);
            ids = union;
        }
        if (ids == null) {
            ids = byId.keySet(); // only a year: look at everything
        }
        return ids.stream().filter(id -> !hidden.contains(id)).map(byId::get).toList();
    }

    private static String isrcKey(String isrc) {
        return isrc.trim().toUpperCase(Locale.ROOT);
    }

    synchronized int size() {
        return byId.size();
    }
}
