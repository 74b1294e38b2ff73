package io.musicsync.simulator;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Spotify's search as its users describe it, strict: a field filter matches whole words of that field only (no
 * prefixes), a quoted value is an exact phrase (its words in order, next to each other), {@code artist:} matches
 * within one of the track's artists (so "A, B &amp; C" as one phrase matches nothing), and an apostrophe inside a
 * filter must be the same character as in the catalog. Every free word must be a whole word of some field; the
 * last may be the start of one (search as you type). What qualifies is then ordered: exact title and artist first;
 * variants (live, remix, karaoke...) the query does not ask for sink a little. Ties keep catalog order: there is no
 * popularity, and the sample catalog lists originals before their covers.
 */
final class SearchRanker {

    private static final int MIN_PREFIX = 3;
    private static final Set<String> VARIANT_WORDS = Set.of(
            "live",
            "remix",
            "mix",
            "karaoke",
            "instrumental",
            "cover",
            "tribute",
            "acoustic",
            "sped",
            "slowed",
            "edit",
            "remastered",
            "remaster",
            "version",
            "demo",
            "originally",
            "performed",
            "reverb",
            "nightcore",
            "mono",
            "session");

    private SearchRanker() {}

    static List<TrackJson> rank(SearchQuery query, Collection<IndexedTrack> tracks) {
        if (query.isEmpty()) {
            return List.of();
        }
        record Scored(IndexedTrack track, double score) {}
        return tracks.stream()
                .filter(t -> matches(query, t))
                .map(t -> new Scored(t, score(query, t)))
                .sorted(Comparator.comparingDouble(Scored::score)
                        .reversed()
                        .thenComparingInt(s -> s.track().position()))
                .map(s -> s.track().track())
                .toList();
    }

    /** Whether the track satisfies every part of the query. */
    static boolean matches(SearchQuery q, IndexedTrack t) {
        if (q.isrc() != null && !q.isrc().equalsIgnoreCase(t.track().isrc())) {
            return false;
        }
        if (!q.yearMatches(t.releaseDate())) {
            return false;
        }
        if (!q.track().stream().allMatch(phrase -> containsPhrase(t.titleWords(), phrase))) {
            return false;
        }
        if (!q.album().stream().allMatch(phrase -> containsPhrase(t.albumWords(), phrase))) {
            return false;
        }
        if (!q.artist().stream()
                .allMatch(phrase -> t.artistWords().stream().anyMatch(artist -> containsPhrase(artist, phrase)))) {
            return false;
        }
        List<String> free = q.free();
        for (int i = 0; i < free.size(); i++) {
            boolean last = i == free.size() - 1;
            if (!hasWord(t, free.get(i), last)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasWord(IndexedTrack t, String word, boolean mayBePrefix) {
        if (t.titleTokens().contains(word)
                || t.artistTokens().contains(word)
                || t.albumTokens().contains(word)) {
            return true;
        }
        return mayBePrefix
                && word.length() >= MIN_PREFIX
                && t.allTokens().stream().anyMatch(token -> token.startsWith(word));
    }

    static boolean containsPhrase(List<String> words, List<String> phrase) {
        return Collections.indexOfSubList(words, phrase) >= 0;
    }

    /** Higher is better; only for tracks that {@link #matches} the query. */
    static double score(SearchQuery q, IndexedTrack t) {
        double score = 0;
        for (List<String> phrase : q.track()) {
            score += String.join(" ", phrase).equals(t.baseTitle()) ? 1 : 0;
        }
        for (List<String> phrase : q.artist()) {
            String asked = TextNormalizer.normalize(String.join(" ", phrase));
            score += t.artistNames().contains(asked) ? 1 : 0;
            score += t.artistNames().indexOf(asked) == 0 ? 0.5 : 0;
        }
        if (q.track().isEmpty() && !q.free().isEmpty()) {
            score += String.join(" ", q.free()).contains(TextNormalizer.freeForm(t.baseTitle())) ? 0.5 : 0;
        }
        List<String> asked = q.askedWords();
        long unasked = t.titleTokens().stream().filter(w -> !asked.contains(w)).count();
        long variants = t.titleTokens().stream()
                .filter(VARIANT_WORDS::contains)
                .filter(w -> !asked.contains(w))
                .count();
        return score - 0.02 * unasked - 0.05 * variants;
    }
}
