package io.musicsync.eval;

import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.MusicCatalog;
import io.musicsync.matching.Matcher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Runs each labelled case's song through a real catalog search and the pipeline's matcher (AI off), as a sync
 * does, and judges the outcome against the label; counts the search calls each song cost.
 */
public final class SearchEvaluation {

    private final MusicCatalog catalog;
    private final Matcher matcher;
    private final double threshold;
    private final LongSupplier searchCalls;
    private final Consumer<MatchCase> prepare;

    /**
     * @param searchCalls the number of search calls the catalog has made so far
     * @param prepare sets the catalog up for a case before it runs (e.g. hides what the case says is absent)
     */
    public SearchEvaluation(
            MusicCatalog catalog,
            Matcher matcher,
            double threshold,
            LongSupplier searchCalls,
            Consumer<MatchCase> prepare) {
        this.catalog = catalog;
        this.matcher = matcher;
        this.threshold = threshold;
        this.searchCalls = searchCalls;
        this.prepare = prepare;
    }

    public List<SearchCaseResult> run(List<MatchCase> cases) {
        List<SearchCaseResult> results = new ArrayList<>(cases.size());
        for (MatchCase matchCase : cases) {
            prepare.accept(matchCase);
            long before = searchCalls.getAsLong();
            List<CatalogTrack> found = catalog.searchForSong(matchCase.song());
            long calls = searchCalls.getAsLong() - before;
            boolean searchFound = matchCase.present()
                    && found.stream().anyMatch(t -> matchCase.expected().contains(t.uri()));
            CaseResult judged = CaseResult.judge(matchCase, matcher.decide(matchCase.song(), found, threshold));
            results.add(new SearchCaseResult(judged, found, searchFound, calls));
        }
        return results;
    }
}
