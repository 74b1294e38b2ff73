package io.musicsync.support;

import io.musicsync.simulator.CatalogEntry;
import io.musicsync.simulator.SpotifySimulator;
import io.musicsync.simulator.TrackJson;
import java.util.List;

/**
 * A song the matcher is unsure of: Spotify has only a live take and a re-recording of "Glass Harbor" by The Quiet
 * Pines, so neither may be added without a second opinion (the AI's, or a person's in the review queue).
 *
 * @param liveUri the live take's URI (longer than the song asked for)
 * @param reRecordingUri the re-recording's URI, the one with the requested duration
 */
public record UnsureSong(String liveUri, String reRecordingUri) {

    /** The song as Apple Music names it. */
    public static final String REQUEST =
            "{\"track_name\":\"Glass Harbor\",\"artist\":\"The Quiet Pines\",\"duration_ms\":201000}";

    /** Adds the two recordings to the simulator's catalog. */
    public static UnsureSong addTo(SpotifySimulator simulator) {
        List<TrackJson> added = simulator.addTracks(List.of(
                CatalogEntry.of(
                        "Glass Harbor - Live at the Roundhouse",
                        List.of("The Quiet Pines"),
                        "Live 2019",
                        "2019",
                        243_000,
                        false,
                        null),
                CatalogEntry.of(
                        "Glass Harbor (2023 Version)",
                        List.of("The Quiet Pines"),
                        "Glass Harbor",
                        "2023-03-01",
                        201_500,
                        false,
                        null)));
        return new UnsureSong(added.get(0).uri(), added.get(1).uri());
    }
}
