package io.musicsync.sync;

import io.musicsync.domain.AiChoice;
import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.MatchDecision;
import io.musicsync.domain.ReviewChoice;
import io.musicsync.domain.ScoredCandidate;
import io.musicsync.domain.SongQuery;
import java.util.List;

/**
 * A sync waiting for a person: the song, where it goes, what the matcher (and the AI) made of it. The review
 * queue shows it; the person answers with a {@link io.musicsync.domain.ReviewChoice}.
 *
 * @param decision the matcher's decision: its ranked candidates are the choices offered, its reasons say why
 * @param ai the AI's answer when it was asked (unsure, or failed: then null), else null
 * @param message why no track was added, as a "no confident match" result would say
 * @param waitingSinceMillis when the sync began to wait, epoch milliseconds
 * @param timeoutDays after this long without an answer the sync ends "no confident match"
 */
public record PendingReview(
        String syncId,
        SongQuery song,
        String playlistId,
        MatchDecision decision,
        AiChoice ai,
        String message,
        long waitingSinceMillis,
        int timeoutDays) {

    /** The candidates offered to the person, best first. */
    public List<ScoredCandidate> candidates() {
        return decision.ranked();
    }

    /**
     * The person's answer as a choice: the candidate with that URI, or (a track the person found themselves) a
     * track known by its URI alone; {@code trackUri} null means "not on Spotify".
     */
    public ReviewChoice answer(String trackUri, long nowMillis) {
        if (trackUri == null) {
            return ReviewChoice.notOnSpotify(syncId, nowMillis);
        }
        CatalogTrack track = candidates().stream()
                .map(ScoredCandidate::track)
                .filter(t -> t.uri().equals(trackUri))
                .findFirst()
                .orElseGet(() -> CatalogTrack.knownByUri(trackUri));
        return new ReviewChoice(track, syncId, nowMillis);
    }

    /** When the sync stops waiting and ends "no confident match", epoch milliseconds. */
    public long expiresAtMillis() {
        return waitingSinceMillis + timeoutDays * 86_400_000L;
    }
}
