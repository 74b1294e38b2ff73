package io.musicsync.domain;

/**
 * What the rule book makes of an error a sync step raised: one of our classified failures ({@link SyncException}
 * and its subclasses), which explains itself, or a bug, whose details stay in the log and which no retry fixes.
 */
public sealed interface SyncFailure {

    /** The public message of a bug: its details are for the operator's log, never for the client. */
    String INTERNAL_ERROR = "internal error";

    static SyncFailure of(Throwable error) {
        return error instanceof SyncException classified ? new Classified(classified) : new Bug(error);
    }

    /** The message a client may see. */
    String publicMessage();

    /**
     * The stable failure type (the exception's simple class name for a classified failure), independent of Java
     * packages, so failures recorded before a class moved are still recognised.
     */
    String type();

    Throwable error();

    /** Our own classified failure: retryable as the policy says, its message meant for the client. */
    record Classified(SyncException error) implements SyncFailure {
        @Override
        public String publicMessage() {
            return error.getMessage();
        }

        @Override
        public String type() {
            return error.type();
        }
    }

    /** Anything else: a bug, never retried, shown only as {@link #INTERNAL_ERROR}. */
    record Bug(Throwable error) implements SyncFailure {
        @Override
        public String publicMessage() {
            return INTERNAL_ERROR;
        }

        /** The class's full name, for the operator: nothing matches on a bug's type. */
        @Override
        public String type() {
            return error.getClass().getName();
        }
    }

    /**
     * Whether a recorded failure type names {@code type}: the stable name, or a fully qualified class name from
     * any package (histories recorded before the domain moved carry e.g. {@code io.musicsync.sync.X}).
     */
    static boolean isType(String recorded, Class<? extends SyncException> type) {
        if (recorded == null) {
            return false;
        }
        String simple = recorded.substring(recorded.lastIndexOf('.') + 1);
        return simple.equals(type.getSimpleName());
    }
}
