package io.musicsync.domain;

import java.util.List;
import java.util.Optional;

/**
 * The person's review decisions, remembered so the same song is never asked about twice. A song has several keys
 * (its ISRC, its normalised title and artist); a decision is found by any of them and stored under all of them.
 * Which keys a song has is the sync component's rule; this port only stores.
 */
public interface DecisionMemory {

    /** The decision stored under the first of {@code keys} that has one. */
    Optional<ReviewChoice> recall(List<String> keys);

    /** Stores the decision under every key, replacing what was stored there. */
    void remember(List<String> keys, ReviewChoice choice);
}
