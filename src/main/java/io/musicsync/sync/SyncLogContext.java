package io.musicsync.sync;

/** The log context (SLF4J MDC) of the lines about one sync: its id under {@link #SYNC_ID}, in both modes. */
public final class SyncLogContext {

    public static final String SYNC_ID = "sync_id";

    private SyncLogContext() {}
}
