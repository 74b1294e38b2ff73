package io.musicsync.songtext;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Turns titles, artists and albums into comparable text. Apple Music and Spotify write the same name with different
 * quotes, brackets, case and accents; after {@link #fold} those differences are gone, after {@link #key} only words
 * remain.
 */
public final class TextNormalizer {

    private TextNormalizer() {}

    /** NFKC, case-folded, accents removed, quotes, dashes and brackets unified; punctuation otherwise kept. */
    public static String fold(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        if (isAscii(text)) {
            // Most names are plain ASCII: none of the Unicode steps below would change them.
            return collapseSpaces(text.toLowerCase(Locale.ROOT).replace('`', '\''));
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = unifyPunctuation(s);
        // Upper then lower folds more than lower alone (e.g. German sharp s becomes "ss").
        s = s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        s = Normalizer.normalize(stripLatinAccents(Normalizer.normalize(s, Normalizer.Form.NFD)), Normalizer.Form.NFC);
        return collapseSpaces(s);
    }

    /** Words only: {@link #fold}ed, {@code &} read as "and", apostrophes dropped, other punctuation as spaces. */
    public static String key(String text) {
        String folded = fold(text);
        StringBuilder out = new StringBuilder(folded.length() + 8);
        boolean space = false;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\'') {
                continue;
            }
            if (cp == '&') {
                out.append(out.isEmpty() ? "and" : " and");
                space = true;
            } else if (Character.isLetterOrDigit(cp) || isMark(cp)) {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                out.appendCodePoint(cp);
                space = false;
            } else {
                space = true;
            }
        }
        // A name made only of symbols (e.g. Morse-code dots) keeps them: dropping them would leave nothing to compare.
        return out.isEmpty() ? folded : out.toString();
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String collapseSpaces(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                out.append(c);
                space = false;
            }
        }
        return out.toString();
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
            out.append(
                    switch (c) {
                        case '\u2018', '\u2019', '\u201a', '\u201b', '`', '\u00b4', '\u2032' -> '\'';
                        case '\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u300c', '\u300d', '\u300e', '\u300f' ->
                            '"';
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
