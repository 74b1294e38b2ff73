package io.musicsync.matching;

import io.musicsync.songtext.ArtistNames;
import io.musicsync.songtext.IndelRatio;
import java.util.List;

/**
 * How a request's artists compare with a candidate's.
 *
 * @param primaryFound the request's primary artist (or its whole artist string) is among the candidate's artists
 * @param signal 0.75-1.0 by the share of the request's artists found when the primary is found, else at most 0.5
 */
record ArtistComparison(boolean primaryFound, double signal) {

    static ArtistComparison of(SongProfile song, List<String> candidateArtists) {
        if (candidateArtists.isEmpty()) {
            return new ArtistComparison(false, 0.0);
        }
        // "Simon & Garfunkel" is one artist although it splits into two names.
        boolean wholeName = ArtistNames.contains(candidateArtists, song.artist())
                || ArtistNames.same(String.join(" and ", candidateArtists), song.artist());
        if (!wholeName && !ArtistNames.contains(candidateArtists, song.primaryArtist())) {
            double best = 0;
            for (String name : candidateArtists) {
                best = Math.max(best, IndelRatio.of(name, song.primaryArtist()));
            }
            return new ArtistComparison(false, 0.5 * best);
        }
        long found = song.artists().stream()
                .filter(a -> ArtistNames.contains(candidateArtists, a))
                .count();
        double coverage =
                song.artists().isEmpty() ? 1.0 : (double) found / song.artists().size();
        if (wholeName && song.artists().size() == song.creditedCount()) {
            coverage = 1.0;
        }
        return new ArtistComparison(true, 0.75 + 0.25 * coverage);
    }

    /**
     * Artists featured in one title ("Believer (feat. Lil Wayne)") that the other side does not name at all: then
     * it is another version of the song. Empty when both agree.
     */
    static List<String> featuredDifferences(SongProfile song, TrackProfile candidate) {
        List<String> unrequested = candidate.title().featured().stream()
                .filter(name -> !ArtistNames.mentions(song.artists(), name)
                        && !ArtistNames.mentions(List.of(song.artist()), name))
                .toList();
        if (!unrequested.isEmpty()) {
            return unrequested;
        }
        return song.title().featured().stream()
                .filter(name -> !ArtistNames.mentions(candidate.artists(), name))
                .toList();
    }
}
