package io.musicsync.spotify;

import io.musicsync.domain.SongQuery;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code q} strings to search a song with, built for Spotify's strict semantics: a field filter matches whole
 * words, a quoted value is an exact phrase, {@code artist:} matches one artist, and an apostrophe inside a filter
 * must be the very character Spotify has (' and ’ differ). So the title is cut to its core (no "(feat. X)",
 * "[Remastered]", " - Live"), the artist to the first of Apple Music's joined names, and each word with an
 * apostrophe leaves the filter for free text without it ("don't" becomes the free word "dont"), where Spotify
 * ignores punctuation.
 */
final class SearchQueries {

    /** What Apple Music appends to a title: bracketed notes, " - " suffixes, a trailing "feat. X". */
    private static final Pattern DECORATION = Pattern.compile(
            "\\([^)]*\\)|\\[[^]]*]|\\s+-\\s+.*$|\\s+(?:feat\\.?|ft\\.?|featuring)\\s+.*$", Pattern.CASE_INSENSITIVE);
    /** Apple Music joins several artists into one string with these. */
    private static final Pattern ARTIST_SEPARATOR = Pattern.compile(
            "\\s*,\\s*|\\s+&\\s+|\\s+and\\s+|\\s+x\\s+|\\s+(?:feat\\.?|ft\\.?|featuring|with|vs\\.?)\\s+",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern APOSTROPHE = Pattern.compile("['’‘`´]");
    private static final Pattern EDGE_APOSTROPHES = Pattern.compile("^['’‘`´]+|['’‘`´]+$");
    /** Characters that would end a quoted value or be read as query syntax. */
    private static final Pattern QUERY_SYNTAX = Pattern.compile("[\"]");

    private SearchQueries() {}

    /** {@code isrc:XXX}, or null when the song has no ISRC. */
    static String isrc(SongQuery song) {
        if (song.isrc() == null || song.isrc().isBlank()) {
            return null;
        }
        return isrc(song.isrc());
    }

    /** {@code isrc:XXX} for an ISRC as a person may write it (any case, hyphens). */
    static String isrc(String isrc) {
        return "isrc:" + isrc.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    /** The main query: {@code track:"core" artist:"first artist"}, apostrophe words as free text. */
    static String titleAndArtist(SongQuery song) {
        Query q = new Query();
        q.field("track", core(song.title()));
        q.field("artist", primaryArtist(song.artist()));
        return q.toString();
    }

    /** When the main query finds nothing: the same words as free text, in any field (artist spellings differ). */
    static String freeText(SongQuery song) {
        Query q = new Query();
        q.free(core(song.title()));
        q.free(primaryArtist(song.artist()));
        return q.toString();
    }

    /** Last resort: the title's core alone, for an artist Apple Music names quite differently. */
    static String titleOnly(SongQuery song) {
        Query q = new Query();
        q.field("track", core(song.title()));
        return q.toString();
    }

    /** The title without what Apple Music adds; the whole title when that leaves nothing. */
    static String core(String title) {
        String core = DECORATION.matcher(title).replaceAll(" ").strip();
        return core.isEmpty() ? title.strip() : core;
    }

    /** The first of the names Apple Music joined: "A, B & C" gives "A". */
    static String primaryArtist(String artist) {
        String first = ARTIST_SEPARATOR.split(artist.strip(), 2)[0].strip();
        return first.isEmpty() ? artist.strip() : first;
    }

    /** Builds a query: filter phrases, with words that hold an apostrophe moved to free text. */
    private static final class Query {
        private final List<String> filters = new ArrayList<>();
        private final Set<String> free = new LinkedHashSet<>();

        void field(String name, String value) {
            List<String> run = new ArrayList<>();
            for (String raw : words(value)) {
                String word = EDGE_APOSTROPHES.matcher(raw).replaceAll("");
                if (word.isEmpty()) {
                    continue;
                }
                if (APOSTROPHE.matcher(word).find()) {
                    flush(name, run);
                    free.add(APOSTROPHE.matcher(word).replaceAll(""));
                } else {
                    run.add(word);
                }
            }
            flush(name, run);
        }

        void free(String value) {
            for (String word : words(value)) {
                String plain = APOSTROPHE.matcher(word).replaceAll("");
                if (!plain.isEmpty()) {
                    free.add(plain);
                }
            }
        }

        private void flush(String name, List<String> run) {
            if (!run.isEmpty()) {
                filters.add(name + ":\"" + String.join(" ", run) + "\"");
                run.clear();
            }
        }

        private static List<String> words(String value) {
            String cleaned = QUERY_SYNTAX.matcher(value).replaceAll(" ").strip();
            return cleaned.isEmpty() ? List.of() : List.of(cleaned.split("\\s+"));
        }

        @Override
        public String toString() {
            List<String> parts = new ArrayList<>(filters);
            parts.addAll(free);
            return String.join(" ", parts);
        }
    }
}
