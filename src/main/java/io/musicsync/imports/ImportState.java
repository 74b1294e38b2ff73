package io.musicsync.imports;

/** Lifecycle of an import. */
public enum ImportState {
    /** Stored; rows are being resolved (or wait to be, after a restart). */
    RUNNING("running"),
    /** Every row has its outcome. */
    COMPLETED("completed"),
    /**
     * Stopped before every song was tried, for a reason all of them share (an unknown playlist, the login refused);
     * the rows not tried end {@code failed} saying why.
     */
    FAILED("failed");

    private final String wireName;

    ImportState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ImportState fromWireName(String name) {
        for (ImportState state : values()) {
            if (state.wireName.equals(name)) {
                return state;
            }
        }
        throw new IllegalArgumentException("no import state '" + name + "'");
    }

    public boolean isTerminal() {
        return this != RUNNING;
    }
}
