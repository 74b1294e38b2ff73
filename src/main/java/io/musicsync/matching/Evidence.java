package io.musicsync.matching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one comparison found: signal values, what agreed, what spoke against, and whether anything forbids adding. */
final class Evidence {

    private final Map<String, Double> signals = new LinkedHashMap<>();
    private final List<String> agreed = new ArrayList<>();
    private final List<String> against = new ArrayList<>();
    private boolean addable = true;

    void signal(String name, double value) {
        signals.put(name, value);
    }

    void agrees(String what) {
        agreed.add(what);
    }

    void speaksAgainst(String what) {
        against.add(what);
    }

    /** Evidence that the candidate is another recording: it may still be ranked (for the AI), never auto-added. */
    void forbidsAdding(String why) {
        against.add(why);
        addable = false;
    }

    boolean addable() {
        return addable;
    }

    Map<String, Double> signals() {
        return signals;
    }

    /** "agreed: title, artists, album" first, then each thing that spoke against. */
    List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (!agreed.isEmpty()) {
            notes.add("agreed: " + String.join(", ", agreed));
        }
        notes.addAll(against);
        return notes;
    }
}
