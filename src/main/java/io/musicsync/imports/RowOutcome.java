package io.musicsync.imports;

/** How one entry of an import ended. */
public enum RowOutcome {
    ADDED("added"),
    /** Dry run: the matcher is confident and the track is not in the playlist, so a real run would add it. */
    WOULD_ADD("would_add"),
    ALREADY_THERE("already_there"),
    /** The matcher found candidates but is not sure which (if any) is the song: a person should choose. */
    NEEDS_REVIEW("needs_review"),
    NOT_FOUND("not_found"),
    SKIPPED("skipped"),
    FAILED("failed");

    private final String wireName;

    RowOutcome(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static RowOutcome fromWireName(String name) {
        for (RowOutcome outcome : values()) {
            if (outcome.wireName.equals(name)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("no import outcome '" + name + "'");
    }
}
