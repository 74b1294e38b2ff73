package io.musicsync.imports;

import io.musicsync.domain.CatalogTrack;

/**
 * What became of one song of an import.
 *
 * @param message what happened, for people (the matcher's reasons when it was unsure)
 * @param trackUri the chosen (added, already present or would-be-added) track, else the best candidate of a song
 *     that needs review, else null
 * @param track a readable name of that track ("Title" by Artists), or null
 * @param confidence the chosen track's score, or null
 * @param matchMethod {@code isrc}, {@code fuzzy}, {@code ai} or {@code none}; null when no match was attempted
 * @param syncId the sync that resolved it, when an engine did
 */
public record Resolution(
        RowOutcome outcome,
        String message,
        String trackUri,
        String track,
        Double confidence,
        String matchMethod,
        String syncId) {

    public static Resolution of(RowOutcome outcome, String message) {
        return new Resolution(outcome, message, null, null, null, null, null);
    }

    public static String describe(CatalogTrack track) {
        return "\"" + track.name() + "\" by " + String.join(", ", track.artists());
    }
}
