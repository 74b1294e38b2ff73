package io.musicsync.support;

import io.musicsync.simulator.CatalogEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Distinct songs for load tests: each a title, artist and album of ordinary words no other song shares, so the
 * search finds it at once and the matcher accepts it on its own.
 */
public final class SyntheticSongs {

    private static final List<String> FIRST = List.of(
            "Amber",
            "Silver",
            "Velvet",
            "Hollow",
            "Paper",
            "Golden",
            "Crimson",
            "Quiet",
            "Electric",
            "Broken",
            "Distant",
            "Frozen",
            "Wild",
            "Neon",
            "Gentle",
            "Lonely",
            "Burning",
            "Hidden",
            "Restless",
            "Falling");
    private static final List<String> SECOND = List.of(
            "Harbor",
            "Lanterns",
            "Meadow",
            "Canyon",
            "Satellite",
            "Orchard",
            "Thunder",
            "Mirrors",
            "Compass",
            "Feathers",
            "Avenue",
            "Glacier",
            "Embers",
            "Tides",
            "Horizon");

    private SyntheticSongs() {}

    /** Up to 300 songs. */
    public static List<CatalogEntry> first(int count) {
        if (count > FIRST.size() * SECOND.size()) {
            throw new IllegalArgumentException("at most " + FIRST.size() * SECOND.size() + " songs");
        }
        List<CatalogEntry> songs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String first = FIRST.get(i % FIRST.size());
            String second = SECOND.get(i / FIRST.size());
            songs.add(CatalogEntry.of(
                    first + " " + second,
                    List.of("The " + second + " " + first + " Ensemble"),
                    second + " Sessions " + first,
                    "2019-05-01",
                    180_000 + i * 1000,
                    false,
                    null));
        }
        return songs;
    }

    /** The API request body that asks for the song. */
    public static String requestBody(CatalogEntry song) {
        return "{\"track_name\":\"" + song.title() + "\",\"artist\":\""
                + song.artists().get(0) + "\",\"album\":\"" + song.album() + "\",\"duration_ms\":" + song.durationMs()
                + "}";
    }
}
