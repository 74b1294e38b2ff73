package io.musicsync.sync;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** One page of the list of syncs, newest first; {@code next} is null on the last page. */
public record SyncPage(List<SyncListing> syncs, SyncCursor next) {

    /** Newest first; the id breaks ties so the order (and so the cursor) is total. */
    public static final Comparator<SyncListing> NEWEST_FIRST =
            Comparator.comparing(SyncListing::position, SyncCursor.NEWEST_FIRST);

    public SyncPage {
        syncs = List.copyOf(syncs);
    }

    /** The page of {@code candidates} (in any order, already filtered) that {@code query} asks for. */
    public static SyncPage of(Stream<SyncListing> candidates, SyncListQuery query) {
        List<SyncListing> sorted = candidates
                .filter(query::matches)
                .sorted(NEWEST_FIRST)
                .limit(query.limit() + 1L)
                .toList();
        if (sorted.size() <= query.limit()) {
            return new SyncPage(sorted, null);
        }
        List<SyncListing> page = sorted.subList(0, query.limit());
        return new SyncPage(page, page.get(page.size() - 1).position());
    }
}
