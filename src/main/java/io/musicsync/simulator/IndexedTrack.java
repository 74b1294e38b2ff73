package io.musicsync.simulator;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A catalog track with its search fields computed once: filter words in order (for whole-word phrase matches, per
 * artist for {@code artist:}), and free words of all fields.
 */
record IndexedTrack(
        TrackJson track,
        int position,
        List<String> titleWords,
        List<List<String>> artistWords,
        List<String> albumWords,
        Set<String> titleTokens,
        Set<String> artistTokens,
        Set<String> albumTokens,
        String baseTitle,
        List<String> artistNames) {

    /** Drops what follows " - " and anything in brackets: "Song (feat. X) - Live" has the base title "song". */
    private static final Pattern DECORATION = Pattern.compile("\\s+-\\s+.*$|\\([^)]*\\)|\\[[^]]*]");

    static IndexedTrack of(TrackJson track, int position) {
        String album = track.album() == null ? "" : track.album().name();
        Set<String> artistTokens = new HashSet<>();
        track.artists().forEach(a -> artistTokens.addAll(TextNormalizer.tokens(a.name())));
        return new IndexedTrack(
                track,
                position,
                TextNormalizer.filterTokens(track.name()),
                track.artists().stream()
                        .map(a -> TextNormalizer.filterTokens(a.name()))
                        .toList(),
                TextNormalizer.filterTokens(album),
                Set.copyOf(TextNormalizer.tokens(track.name())),
                Set.copyOf(artistTokens),
                Set.copyOf(TextNormalizer.tokens(album)),
                String.join(
                        " ",
                        TextNormalizer.filterTokens(
                                DECORATION.matcher(track.name()).replaceAll(""))),
                track.artists().stream()
                        .map(a -> TextNormalizer.normalize(a.name()))
                        .toList());
    }

    /** Every free word of the title, the artists and the album (the keys this track is indexed under). */
    Set<String> allTokens() {
        Set<String> all = new HashSet<>(titleTokens);
        all.addAll(artistTokens);
        all.addAll(albumTokens);
        return all;
    }

    String releaseDate() {
        return track.album() == null ? null : track.album().releaseDate();
    }
}
