package io.musicsync.engine.temporal;

import io.musicsync.sync.PendingReview;

/**
 * Whether a sync waits for its review, kept in the workflow's memo from the moment it starts waiting until the
 * wait ends: the review queue and the list's {@code needs_review} filter read memos (no query, so no worker needs
 * to answer, and no history is read).
 *
 * @param waiting what the review shows while the sync waits, null once the wait is over
 */
public record ReviewMemo(PendingReview waiting) {

    static final String MEMO_KEY = "review";

    boolean isWaiting() {
        return waiting != null;
    }
}
