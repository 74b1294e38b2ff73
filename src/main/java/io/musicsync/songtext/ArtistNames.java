package io.musicsync.songtext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Artist lists as Apple Music writes them in one string ("A & B", "A, B and C", "A x B", "A feat. B") and how they
 * compare with Spotify's list of artists.
 */
public final class ArtistNames {

    private static final Pattern SEPARATORS = Pattern.compile(
            "\\s*,\\s*|\\s+&\\s+|\\s+and\\s+|\\s+\\+\\s+|\\s+x\\s+|\\s+(?:feat\\.?|ft\\.?|featuring|with|vs\\.?)\\s+");
    /** Two spellings of one artist at least this similar count as the same artist ("The Weeknd", "The Weekend"). */
    private static final double SAME_ARTIST = 0.9;
    /** Shorter names must match exactly: "Drake" is not "Drakeo". */
    private static final int MIN_FUZZY_LENGTH = 6;

    private ArtistNames() {}

    /** Splits an artist string into names in {@link TextNormalizer#key} form. */
    public static List<String> split(String artists) {
        String folded = TextNormalizer.fold(artists);
        if (folded.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(SEPARATORS.split(folded))
                .map(TextNormalizer::key)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** Key form of each name in a list, e.g. Spotify's artists. */
    public static List<String> keys(List<String> names) {
        List<String> keys = new ArrayList<>(names.size());
        for (String name : names) {
            String key = TextNormalizer.key(name);
            if (!key.isEmpty()) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** True when {@code name} is one of {@code names}, allowing small spelling differences. */
    public static boolean contains(List<String> names, String name) {
        for (String candidate : names) {
            if (same(candidate, name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when {@code name} is one of {@code names} or a whole-word part of one: splitting "Tyler, The Creator" or
     * "Lush & Simon" at their commas and ampersands must not lose them.
     */
    public static boolean mentions(List<String> names, String name) {
        if (contains(names, name)) {
            return true;
        }
        String word = " " + name + " ";
        for (String candidate : names) {
            if ((" " + candidate + " ").contains(word)) {
                return true;
            }
        }
        return false;
    }

    public static boolean same(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        String x = compact(a);
        String y = compact(b);
        return x.equals(y)
                || (Math.min(x.length(), y.length()) >= MIN_FUZZY_LENGTH && IndelRatio.of(x, y) >= SAME_ARTIST);
    }

    /** Without spaces and a leading "the": "The Beatles" and "Beatles" are one band. */
    private static String compact(String key) {
        String s = key.startsWith("the ") ? key.substring(4) : key;
        return s.replace(" ", "");
    }
}
