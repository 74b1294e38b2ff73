package io.musicsync.matching;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns titles, artists and albums into comparable text. Apple Music and Spotify write the same name with different
 * quotes, brackets, case and accents; after {@link #fold} those differences are gone, after {@link #key} only words
 * remain.
 */
public final class TextNormalizer {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");
    private static final Pattern APOSTROPHE = Pattern.compile("'");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TextNormalizer() {
    }

    /** NFKC, case-folded, accents removed, quotes, dashes and brackets unified; punctuation otherwise kept. */
    public static String fold(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = unifyPunctuation(s);
        // Upper then lower folds more than lower alone (e.g. German sharp s becomes "ss").
        s = s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        s = Normalizer.normalize(stripLatinAccents(Normalizer.normalize(s, Normalizer.Form.NFD)),
                Normalizer.Form.NFC);
        return SPACES.matcher(s).replaceAll(" ").trim();
    }

    /** Words only: {@link #fold}ed, {@code &} read as "and", apostrophes dropped, other punctuation as spaces. */
    public static String key(String text) {
        String folded = fold(text);
        String s = APOSTROPHE.matcher(folded.replace("&", " and ")).replaceAll("");
        s = NON_WORD.matcher(s).replaceAll(" ").trim();
        // A name made only of symbols (e.g. Morse-code dots) keeps them: dropping them would leave nothing to compare.
        return s.isEmpty() ? folded : s;
    }

    /** True when the text has letters and none of them is Latin (e.g. Japanese, Cyrillic, Devanagari). */
    public static boolean isNonLatin(String text) {
        boolean anyLetter = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                anyLetter = true;
                if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN) {
                    return false;
                }
            }
        }
        return anyLetter;
    }

    /**
     * Drops combining accents on Latin letters only ("é" becomes "e"): in other scripts the marks are part of the
     * letter (Cyrillic "й", Devanagari vowel signs, Japanese voicing marks).
     */
    private static String stripLatinAccents(String decomposed) {
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean afterLatin = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                if (!afterLatin) {
                    out.append(c);
                }
                continue;
            }
            afterLatin = c < 0x250 && Character.isLetter(c);
            out.append(c);
        }
        return out.toString();
    }

    private static String unifyPunctuation(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(switch (c) {
                case '\u2018', '\u2019', '\u201a', '\u201b', '`', '\u00b4', '\u2032' -> '\'';
                case '\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u300c', '\u300d', '\u300e', '\u300f' -> '"';
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
                case '\u3010', '\u3014', '\u3016', '\u3018', '\u301a' -> '[';
                case '\u3011', '\u3015', '\u3017', '\u3019', '\u301b' -> ']';
                case '\u3000' -> ' ';
                default -> c;
            });
        }
        return out.toString();
    }
}
