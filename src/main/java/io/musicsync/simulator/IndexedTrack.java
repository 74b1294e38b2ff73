package io.musicsync.simulator;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** A catalog track with its normalised search fields computed once. */
record IndexedTrack(
        TrackJson track,
        int position,
        Set<String> titleTokens,
        String baseTitle,
        Set<String> artistTokens,
        List<String> artistNames,
        Set<String> albumTokens) {

    /** Drops what follows " - " and anything in brackets: "Song (feat. X) - Live" has the base title "song". */
    private static final Pattern DECORATION = Pattern.compile("\\s+-\\s+.*$|\\([^)]*\\)|\\[[^]]*]");

    static IndexedTrack of(TrackJson track, int position) {
        Set<String> title = Set.copyOf(TextNormalizer.tokens(track.name()));
        Set<String> artists = new HashSet<>();
        track.artists().forEach(a -> artists.addAll(TextNormalizer.tokens(a.name())));
        List<String> names = track.artists().stream()
                .map(a -> TextNormalizer.normalize(a.name()))
                .toList();
        Set<String> album = Set.copyOf(
                TextNormalizer.tokens(track.album() == null ? "" : track.album().name()));
        String base = TextNormalizer.normalize(DECORATION.matcher(track.name()).replaceAll(""));
        return new IndexedTrack(track, position, title, base, Set.copyOf(artists), names, album);
    }

    String releaseDate() {
        return track.album() == null ? null : track.album().releaseDate();
    }
}
