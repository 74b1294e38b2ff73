package io.musicsync.sync;

import java.util.List;

/**
 * One page of the review queue, the syncs waiting longest first.
 *
 * @param nextCursor where the next page starts, or null on the last page
 */
public record ReviewPage(List<PendingReview> reviews, String nextCursor) {

    public ReviewPage {
        reviews = List.copyOf(reviews);
    }
}
