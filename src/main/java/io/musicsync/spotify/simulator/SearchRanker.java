package io.musicsync.spotify.simulator;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Orders catalog tracks for a query the way Spotify roughly does: exact title and artist matches first, then
 * partial token matches; variants (live, remix, karaoke...) the query does not ask for sink a little. Tracks that
 * match little more than half of what was asked are left out, so matchers still see realistic near-misses such as
 * karaoke versions that name the artist only in their title.
 */
final class SearchRanker {

    private static final double MIN_RELEVANCE = 0.55;
    private static final Set<String> VARIANT_WORDS = Set.of("live", "remix", "mix", "karaoke", "instrumental",
            "cover", "tribute", "acoustic", "sped", "slowed", "edit", "remastered", "remaster", "version", "demo",
            "originally", "performed", "reverb", "nightcore", "mono", "session");

    private SearchRanker() {
    }

    static List<TrackJson> rank(SearchQuery query, Collection<IndexedTrack> tracks) {
        if (query.isEmpty()) {
            return List.of();
        }
        record Scored(IndexedTrack track, double score) {
        }
        return tracks.stream()
                .map(t -> new Scored(t, score(query, t)))
                .filter(s -> s.score() >= 0)
                .sorted(Comparator.comparingDouble(Scored::score).reversed()
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
            got += 3 * fraction(q.free(), t.allTokens());
        }
        double relevance = max == 0 ? 1 : got / max;
        if (relevance < MIN_RELEVANCE) {
            return -1;
        }
        return relevance - 0.02 * unaskedTitleTokens(q, t) - 0.05 * unaskedVariantWords(q, t);
    }

    private static double fraction(List<String> wanted, Set<String> present) {
        long found = wanted.stream().filter(present::contains).count();
        return (double) found / wanted.size();
    }

    private static long unaskedTitleTokens(SearchQuery q, IndexedTrack t) {
        return t.titleTokens().stream().filter(token -> !asked(q, token)).count();
    }

    private static long unaskedVariantWords(SearchQuery q, IndexedTrack t) {
        return t.titleTokens().stream().filter(VARIANT_WORDS::contains).filter(token -> !asked(q, token)).count();
    }

    private static boolean asked(SearchQuery q, String token) {
        return q.track().contains(token) || q.free().contains(token) || q.artist().contains(token);
    }
}
