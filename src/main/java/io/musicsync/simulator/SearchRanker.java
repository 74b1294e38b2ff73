package io.musicsync.simulator;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Orders catalog tracks for a query the way Spotify roughly does: exact title and artist matches first, then
 * partial token matches; variants (live, remix, karaoke...) the query does not ask for sink a little. Tracks that
 * match little more than half of what was asked are left out, so matchers still see realistic near-misses such as
 * karaoke versions that name the artist only in their title. Ties keep catalog order: there is no popularity, and
 * the sample catalog lists originals before their covers.
 */
final class SearchRanker {

    private static final double MIN_RELEVANCE = 0.55;
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
                .map(t -> new Scored(t, score(query, t)))
                .filter(s -> s.score() >= 0)
                .sorted(Comparator.comparingDouble(Scored::score)
                        .reversed()
                        .thenComparingInt(s -> s.track().position()))
                .map(s -> s.track().track())
                .toList();
    }

    /** A score, higher is better, or a negative number when the track does not qualify. */
    static double score(SearchQuery q, IndexedTrack t) {
        if (q.isrc() != null && !q.isrc().equalsIgnoreCase(t.track().isrc())) {
            return -1;
        }
        if (!q.yearMatches(t.releaseDate())) {
            return -1;
        }
        double got = 0;
        double max = 0;
        if (!q.track().isEmpty()) {
            max += 4;
            got += 3 * fraction(q.track(), t.titleTokens());
            got += String.join(" ", q.track()).equals(t.baseTitle()) ? 1 : 0;
        }
        if (!q.artist().isEmpty()) {
            max += 4;
            double inArtists = fraction(q.artist(), t.artistTokens());
            // Karaoke and tribute tracks name the original artist only in the title ("Originally Performed by").
            double inTitle = 0.4 * fraction(q.artist(), t.titleTokens());
            got += 3 * Math.max(inArtists, inTitle);
            got += t.artistNames().contains(String.join(" ", q.artist())) ? 1 : 0;
        }
        if (!q.album().isEmpty()) {
            max += 1.5;
            got += 1.5 * fraction(q.album(), t.albumTokens());
        }
        if (!q.free().isEmpty()) {
            max += 3;
            // A free word found only in the album name counts for less than one in the title or an artist.
            double found = q.free().stream()
                    .mapToDouble(token -> Math.max(
                            Math.max(credit(token, t.titleTokens()), credit(token, t.artistTokens())),
                            0.7 * credit(token, t.albumTokens())))
                    .sum();
            got += 3 * found / q.free().size();
        }
        double relevance = max == 0 ? 1 : got / max;
        if (relevance < MIN_RELEVANCE) {
            return -1;
        }
        return relevance - 0.02 * unaskedTitleTokens(q, t) - 0.05 * unaskedVariantWords(q, t);
    }

    private static double fraction(List<String> wanted, Set<String> present) {
        double found =
                wanted.stream().mapToDouble(token -> credit(token, present)).sum();
        return found / wanted.size();
    }

    /**
     * 1 for a whole word; less for the start of a word ("bohem" in "bohemian") or, in scripts written without
     * spaces, for a part of one ("駆ける" in "夜に駆ける").
     */
    private static double credit(String token, Set<String> present) {
        if (present.contains(token)) {
            return 1;
        }
        boolean unspaced = token.codePoints().anyMatch(SearchRanker::writtenWithoutSpaces);
        boolean partial = unspaced
                ? present.stream().anyMatch(word -> word.contains(token))
                : token.length() >= 3 && present.stream().anyMatch(word -> word.startsWith(token));
        return partial ? 0.75 : 0;
    }

    private static boolean writtenWithoutSpaces(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.THAI;
    }

    private static long unaskedTitleTokens(SearchQuery q, IndexedTrack t) {
        return t.titleTokens().stream().filter(token -> !asked(q, token)).count();
    }

    private static long unaskedVariantWords(SearchQuery q, IndexedTrack t) {
        return t.titleTokens().stream()
                .filter(VARIANT_WORDS::contains)
                .filter(token -> !asked(q, token))
                .count();
    }

    private static boolean asked(SearchQuery q, String token) {
        return q.track().contains(token)
                || q.free().contains(token)
                || q.artist().contains(token);
    }
}
