package io.musicsync.simulator;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Case- and accent-insensitive words for search. Two forms: <em>filter words</em>, compared inside field filters,
 * keep an apostrophe inside a word as written ("don't" and "don’t" are different words there, the quirk users of
 * Spotify's search report), and <em>free words</em>, compared in free text, drop apostrophes ("dont").
 */
final class TextNormalizer {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern NON_FILTER_WORD = Pattern.compile("[^\\p{L}\\p{N}'’]+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’]");
    private static final Pattern EDGE_APOSTROPHES = Pattern.compile("^['’]+|['’]+$");

    private TextNormalizer() {}

    /** Lower case, no accents, punctuation (apostrophes included) turned into single spaces. */
    static String normalize(String text) {
        return NON_WORD.matcher(folded(text)).replaceAll(" ").trim();
    }

    /** Free-text words: "Don't Stop (feat. JAY-Z)" gives [dont, stop, feat, jay, z]. */
    static List<String> tokens(String text) {
        String normalized = NON_WORD.matcher(APOSTROPHES.matcher(folded(text)).replaceAll(""))
                .replaceAll(" ")
                .trim();
        return normalized.isEmpty() ? List.of() : Arrays.asList(normalized.split(" "));
    }

    /** Field-filter words: "Don't Stop (feat. JAY-Z)" gives [don't, stop, feat, jay, z]. */
    static List<String> filterTokens(String text) {
        List<String> words = new ArrayList<>();
        for (String raw :
                NON_FILTER_WORD.matcher(folded(text)).replaceAll(" ").trim().split(" ")) {
            String word = EDGE_APOSTROPHES.matcher(raw).replaceAll("");
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return List.copyOf(words);
    }

    /** A filter word as free text, for looking it up in the index: "don’t" gives "dont". */
    static String freeForm(String filterWord) {
        return APOSTROPHES.matcher(filterWord).replaceAll("");
    }

    private static String folded(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
