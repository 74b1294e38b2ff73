package io.musicsync.sync;

import io.musicsync.domain.AiChoice;
import io.musicsync.domain.MatchDecision;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The {@code details} of history events, written once for both modes. */
public final class EventDetails {

    private EventDetails() {}

    /** The matcher's decision with the scores of its best candidates. */
    public static Map<String, Object> decision(MatchDecision decision) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("outcome", outcome(decision));
        details.put("method", decision.method());
        details.put("reasons", decision.reasons());
        details.put(
                "candidates",
                decision.ranked().stream()
                        .map(c ->
                                Map.of("uri", c.track().uri(), "name", c.track().name(), "score", c.score()))
                        .toList());
        return details;
    }

    public static String outcome(MatchDecision decision) {
        return decision.outcome().name().toLowerCase(Locale.ROOT);
    }

    public static Map<String, Object> ai(AiChoice choice) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("chosen_uri", choice.chosenUri());
        details.put("confidence", choice.confidence());
        details.put("reasoning", choice.reasoning());
        details.put("provider", choice.provider());
        details.put("model", choice.model());
        return details;
    }

    public static String aiMessage(AiChoice choice) {
        return choice.chose() ? "the AI chose " + choice.chosenUri() : "the AI chose none";
    }

    public static String addMessage(boolean added, String trackUri, int position) {
        return added ? "added " + trackUri + " at position " + position : trackUri + " was already in the playlist";
    }
}
