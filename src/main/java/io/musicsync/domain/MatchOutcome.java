package io.musicsync.domain;

/** The matcher's verdict on a candidate list. */
public enum MatchOutcome {
    /** One candidate is confidently the requested recording. */
    ADD,
    /** Plausible candidates, none confident: ask the AI when it is on, otherwise add nothing. */
    UNCERTAIN,
    /** Nothing plausible. */
    NONE
}
