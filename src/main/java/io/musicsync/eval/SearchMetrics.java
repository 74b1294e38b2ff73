package io.musicsync.eval;

import java.util.List;

/**
 * Figures of a search evaluation.
 *
 * @param searchFound present cases where an acceptable track was among the search results
 * @param endToEnd the matcher's figures on what the search found
 * @param searchCalls search calls over all cases
 */
public record SearchMetrics(int cases, int present, int searchFound, EvaluationMetrics endToEnd, long searchCalls) {

    public static SearchMetrics of(List<SearchCaseResult> results) {
        int present = 0;
        int found = 0;
        long calls = 0;
        for (SearchCaseResult r : results) {
            if (r.result().matchCase().present()) {
                present++;
                found += r.searchFound() ? 1 : 0;
            }
            calls += r.searchCalls();
        }
        EvaluationMetrics endToEnd = EvaluationMetrics.of(
                results.stream().map(SearchCaseResult::result).toList());
        return new SearchMetrics(results.size(), present, found, endToEnd, calls);
    }

    /** Share of present cases whose search found an acceptable track. */
    public double searchRecall() {
        return present == 0 ? 0.0 : (double) searchFound / present;
    }

    public double callsPerSong() {
        return cases == 0 ? 0.0 : (double) searchCalls / cases;
    }
}
