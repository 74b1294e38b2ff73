package io.musicsync.imports;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** How far an import is: entries done out of all, and how many ended each way. */
public record ImportCounts(int total, Map<RowOutcome, Integer> byOutcome) {

    public ImportCounts {
        EnumMap<RowOutcome, Integer> all = new EnumMap<>(RowOutcome.class);
        for (RowOutcome outcome : RowOutcome.values()) {
            all.put(outcome, byOutcome.getOrDefault(outcome, 0));
        }
        byOutcome = Map.copyOf(all);
    }

    public static ImportCounts start(int total) {
        return new ImportCounts(total, Map.of());
    }

    public ImportCounts plus(RowOutcome outcome) {
        EnumMap<RowOutcome, Integer> next = new EnumMap<>(byOutcome);
        next.merge(outcome, 1, Integer::sum);
        return new ImportCounts(total, next);
    }

    public int done() {
        return byOutcome.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int count(RowOutcome outcome) {
        return byOutcome.get(outcome);
    }

    /** Added, or (dry run) would be added. */
    public int added() {
        return count(RowOutcome.ADDED) + count(RowOutcome.WOULD_ADD);
    }

    /** {@code total}, {@code done}, then one count per outcome under its wire name (the report and the API). */
    public Map<String, Integer> byWireName() {
        Map<String, Integer> out = new LinkedHashMap<>();
        out.put("total", total);
        out.put("done", done());
        for (RowOutcome outcome : RowOutcome.values()) {
            out.put(outcome.wireName(), count(outcome));
        }
        return out;
    }
}
