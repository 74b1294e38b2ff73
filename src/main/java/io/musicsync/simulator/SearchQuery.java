package io.musicsync.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code q} parameter: field filters ({@code track:}, {@code artist:}, {@code album:}, {@code isrc:},
 * {@code year:}) and free words. A filter applies to one word, or to a quoted phrase ({@code track:"a b"}); each
 * filter value is kept as a phrase of filter words (see {@link TextNormalizer#filterTokens}). Other filters
 * Spotify knows ({@code genre:}, {@code upc:}) are accepted and ignored, as no catalog track carries them.
 */
record SearchQuery(
        List<List<String>> track,
        List<List<String>> artist,
        List<List<String>> album,
        String isrc,
        String year,
        List<String> free) {

    private static final Pattern PART = Pattern.compile("(?:(\\w+):)?(?:\"([^\"]*)\"|(\\S+))");

    static SearchQuery parse(String q) {
        List<List<String>> track = new ArrayList<>();
        List<List<String>> artist = new ArrayList<>();
        List<List<String>> album = new ArrayList<>();
        List<String> free = new ArrayList<>();
        String isrc = null;
        String year = null;
        Matcher m = PART.matcher(q == null ? "" : q);
        while (m.find()) {
            String field = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT);
            String value = m.group(2) != null ? m.group(2) : m.group(3);
            switch (field) {
                case "track" -> addPhrase(track, value);
                case "artist" -> addPhrase(artist, value);
                case "album" -> addPhrase(album, value);
                case "isrc" -> isrc = value.trim();
                case "year" -> year = value.trim();
                case "genre", "upc", "tag" -> {}
                case "" -> free.addAll(TextNormalizer.tokens(value));
                // An unknown "word:" is a free word with a colon in it, as in a title like "Re: Stacks".
                default -> free.addAll(TextNormalizer.tokens(m.group()));
            }
        }
        return new SearchQuery(
                List.copyOf(track), List.copyOf(artist), List.copyOf(album), isrc, year, List.copyOf(free));
    }

    private static void addPhrase(List<List<String>> phrases, String value) {
        List<String> words = TextNormalizer.filterTokens(value);
        if (!words.isEmpty()) {
            phrases.add(words);
        }
    }

    boolean isEmpty() {
        return track.isEmpty() && artist.isEmpty() && album.isEmpty() && isrc == null && year == null && free.isEmpty();
    }

    /** Every word asked for, in free-text form (for ranking and for looking words up in the index). */
    List<String> askedWords() {
        List<String> words = new ArrayList<>(free);
        for (List<List<String>> field : List.of(track, artist, album)) {
            field.forEach(phrase -> phrase.forEach(word -> words.add(TextNormalizer.freeForm(word))));
        }
        return words;
    }

    /** Whether a release date (YYYY, YYYY-MM or YYYY-MM-DD) satisfies {@code year:YYYY} or {@code year:A-B}. */
    boolean yearMatches(String releaseDate) {
        if (year == null) {
            return true;
        }
        if (releaseDate == null || releaseDate.length() < 4) {
            return false;
        }
        try {
            int released = Integer.parseInt(releaseDate.substring(0, 4));
            String[] range = year.split("-", 2);
            int from = Integer.parseInt(range[0].trim());
            int to = range.length == 2 ? Integer.parseInt(range[1].trim()) : from;
            return released >= from && released <= to;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
