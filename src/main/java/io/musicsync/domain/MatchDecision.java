package io.musicsync.domain;

import java.util.List;

/**
 * What the matcher decided and why.
 *
 * @param chosen the candidate to add when {@code outcome} is ADD, else null
 * @param method how the choice was made: {@code isrc}, {@code fuzzy} or {@code none}
 * @param ranked the best candidates, best first (at most {@link #MAX_RANKED}); the AI step chooses among these
 * @param reasons which signals agreed or differed, for people reading the result
 */
public record MatchDecision(
        MatchOutcome outcome,
        ScoredCandidate chosen,
        String method,
        List<ScoredCandidate> ranked,
        List<String> reasons) {

    public static final int MAX_RANKED = 5;

    public MatchDecision {
        ranked = ranked == null ? List.of() : List.copyOf(ranked);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** The best candidate's score, or 0 when there were none. */
    public double bestScore() {
        return ranked.isEmpty() ? 0.0 : ranked.get(0).score();
    }
}
