package io.musicsync.matching;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The matchers one can choose by name: the pipeline's default and the two baselines kept for evaluation. */
public enum MatcherKind {
    PRECISION("precision"),
    ORIGINAL("original"),
    ORIGINAL_UNFIXED("original-unfixed");

    private final String cliName;

    MatcherKind(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public Matcher create() {
        return switch (this) {
            case PRECISION -> new PrecisionMatcher();
            case ORIGINAL -> OriginalScorer.fixed();
            case ORIGINAL_UNFIXED -> OriginalScorer.unfixed();
        };
    }

    public static MatcherKind fromName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(k -> k.cliName.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown matcher '" + name + "'; allowed: "
                        + Arrays.stream(values()).map(MatcherKind::cliName).collect(Collectors.joining(", "))));
    }
}
