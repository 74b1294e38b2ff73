package io.musicsync.engine;

/** What answering a sync's review found. */
public enum ReviewAnswer {
    /** The sync was waiting for its review and goes on with the person's choice. */
    ACCEPTED,
    /** The sync is not waiting for a review (it never did, it was answered already, or it ended). */
    NOT_WAITING,
    NOT_FOUND
}
