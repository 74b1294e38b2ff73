package io.musicsync.ai;

import io.musicsync.domain.AiChoice;
import io.musicsync.domain.ScoredCandidate;
import io.musicsync.domain.SongQuery;
import java.util.List;

/** Used when AI is off: never chooses, and says why. */
public final class DisabledDisambiguator implements Disambiguator {

    private final String reason;

    public DisabledDisambiguator(String reason) {
        this.reason = reason;
    }

    @Override
    public AiChoice choose(SongQuery song, List<ScoredCandidate> candidates) {
        return AiChoice.none("AI disambiguation is off: " + reason, null, null);
    }

    @Override
    public AiStatus status() {
        return AiStatus.off(reason);
    }
}
