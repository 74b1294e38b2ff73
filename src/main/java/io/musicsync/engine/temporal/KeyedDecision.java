package io.musicsync.engine.temporal;

import io.musicsync.domain.ReviewChoice;
import java.util.List;

/** A review decision and the keys of its song ({@link io.musicsync.sync.DecisionKeys}), as it is remembered. */
public record KeyedDecision(List<String> keys, ReviewChoice choice) {

    public KeyedDecision {
        keys = List.copyOf(keys);
    }
}
