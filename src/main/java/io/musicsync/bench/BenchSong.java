package io.musicsync.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A song of a bench run: distinct made-up words for title, artist and album, so that the strict simulator's search
 * finds it at the first query and the matcher accepts it on its own, without any other song looking like it.
 */
public record BenchSong(String title, String artist, String album, int durationMs) {

    private static final List<String> SYLLABLES = List.of(
            "ka", "lo", "mi", "ru", "te", "sa", "vo", "ne", "di", "pa", "zu", "ri", "go", "ha", "ye", "bo", "fi", "xa",
            "qu", "wen");

    /** The {@code index}-th song of the run {@code run} (runs differ in their first word, so never repeat). */
    public static BenchSong of(int run, int index) {
        // Different multipliers spread neighbouring indices over unrelated words for title, artist and album.
        String title = word(index * 7 + 3) + " " + word(run * 131 + index % 97 + 11);
        String artist = word(index * 13 + 5) + " " + word(index * 29 + run + 1) + " Ensemble";
        String album = word(index * 17 + 1) + " Sessions";
        return new BenchSong(title, artist, album, 150_000 + (index % 120_000));
    }

    /** A capitalised pseudo-word of four syllables; distinct numbers give distinct words below 160,000. */
    static String word(int number) {
        StringBuilder word = new StringBuilder();
        int rest = Math.floorMod(number, 160_000);
        for (int i = 0; i < 4; i++) {
            word.append(SYLLABLES.get(rest % SYLLABLES.size()));
            rest /= SYLLABLES.size();
        }
        word.setCharAt(0, Character.toUpperCase(word.charAt(0)));
        return word.toString();
    }

    /** The body of {@code POST /api/v1/sync} that asks for this song (into {@code playlistId} when not null). */
    public Map<String, Object> request(String playlistId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("track_name", title);
        body.put("artist", artist);
        body.put("album", album);
        body.put("duration_ms", durationMs);
        if (playlistId != null) {
            body.put("playlist_id", playlistId);
        }
        return body;
    }

    /** The track object the simulator's {@code POST /_sim/tracks} takes. */
    public Map<String, Object> catalogTrack() {
        return Map.of(
                "name",
                title,
                "artists",
                List.of(Map.of("name", artist)),
                "album",
                Map.of("name", album, "release_date", "2020-03-01"),
                "duration_ms",
                durationMs);
    }

    /** The line of an 'Artist - Title' list for {@code ./music-sync import}. */
    public String listLine() {
        return artist + " - " + title;
    }
}
