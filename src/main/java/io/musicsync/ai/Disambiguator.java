package io.musicsync.ai;

import io.musicsync.domain.AiChoice;
import io.musicsync.domain.ScoredCandidate;
import io.musicsync.domain.SongQuery;
import java.util.List;

/** Asks a language model to choose one of the given candidates, or none. */
public interface Disambiguator {

    /**
     * @param candidates our best-scored candidates, best first; the answer may only name one of these
     */
    AiChoice choose(SongQuery song, List<ScoredCandidate> candidates);

    AiStatus status();
}
