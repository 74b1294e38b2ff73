package io.musicsync.domain;

import java.util.List;
import java.util.Map;

/**
 * A candidate with our score and the signals behind it (e.g. {@code title}, {@code artist}, {@code album},
 * {@code duration}, each 0-1), which the AI step is shown and the result keeps.
 *
 * @param notes short human-readable reasons, e.g. "tags differ: live"
 */
public record ScoredCandidate(CatalogTrack track, double score, Map<String, Double> signals, List<String> notes) {

    public ScoredCandidate {
        signals = signals == null ? Map.of() : Map.copyOf(signals);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
