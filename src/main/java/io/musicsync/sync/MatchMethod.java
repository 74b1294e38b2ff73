package io.musicsync.sync;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * How a sync's track was chosen, in wire form ({@code match_method} in the API, {@code matchMethod} in Temporal
 * payloads: recorded histories and clients rely on these exact values, hence the JSON annotations).
 */
public enum MatchMethod {
    /** The ISRC identified the recording. */
    ISRC("isrc"),
    /** The matcher's score was above the threshold. */
    FUZZY("fuzzy"),
    /** The AI chose among the matcher's best candidates. */
    AI("ai"),
    /** A person chose the track in the review queue. */
    REVIEW("review"),
    /** A person's earlier review of the same song chose it. */
    REMEMBERED("remembered"),
    /** Nothing was chosen. */
    NONE("none");

    private final String wireName;

    MatchMethod(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The method of a wire value, e.g. the matcher's {@code MatchDecision.method()}. */
    @JsonCreator
    public static MatchMethod fromWire(String wireName) {
        return Arrays.stream(values())
                .filter(method -> method.wireName.equals(wireName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown match method '" + wireName + "'"));
    }
}
