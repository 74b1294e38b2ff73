package io.musicsync.engine.temporal;

import io.musicsync.domain.ReviewChoice;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the {@link ReviewDecisionsWorkflow} carries from one run to the next: every decision by key, and how many
 * decisions one run takes before it continues as new.
 */
public record DecisionBook(Map<String, ReviewChoice> byKey, int decisionsPerRun) {

    /** Decisions one run takes: its history stays small (three events or so each) however many there are. */
    static final int DECISIONS_PER_RUN = 500;

    public DecisionBook {
        byKey = new LinkedHashMap<>(byKey);
    }

    static DecisionBook empty() {
        return new DecisionBook(Map.of(), DECISIONS_PER_RUN);
    }
}
