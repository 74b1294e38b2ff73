package io.musicsync.matching;

import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.MatchDecision;
import io.musicsync.domain.SongQuery;
import java.util.List;

/** Scores Spotify candidates against a requested song and decides. Pure and thread-safe. */
public interface Matcher {

    /**
     * @param threshold the score at or above which a candidate may be added (inclusive)
     */
    MatchDecision decide(SongQuery song, List<CatalogTrack> candidates, double threshold);
}
