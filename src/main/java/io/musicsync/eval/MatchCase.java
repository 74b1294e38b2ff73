package io.musicsync.eval;

import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.SongQuery;
import java.util.List;
import java.util.Set;

/**
 * One labelled matching case.
 *
 * @param expected the acceptable track URIs (empty: add nothing), or null when the case is unlabelled
 */
public record MatchCase(String id, SongQuery song, List<CatalogTrack> candidates, Set<String> expected) {

    public MatchCase {
        candidates = List.copyOf(candidates);
        expected = expected == null ? null : Set.copyOf(expected);
    }

    public boolean labelled() {
        return expected != null;
    }

    /** Labelled, and the right track is among the candidates. */
    public boolean present() {
        return expected != null && !expected.isEmpty();
    }
}
