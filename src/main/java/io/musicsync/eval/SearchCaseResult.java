package io.musicsync.eval;

import io.musicsync.domain.CatalogTrack;
import java.util.List;

/**
 * One case run end to end: what the search found, whether an acceptable track was among it, the matcher's decision
 * on it (judged against the label), and the search calls it cost.
 */
public record SearchCaseResult(CaseResult result, List<CatalogTrack> found, boolean searchFound, long searchCalls) {

    public SearchCaseResult {
        found = List.copyOf(found);
    }
}
