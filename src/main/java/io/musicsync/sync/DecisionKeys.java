package io.musicsync.sync;

import io.musicsync.domain.SongQuery;
import io.musicsync.songtext.ArtistNames;
import io.musicsync.songtext.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one rule for "the same song" when a person's review decision is remembered: the same ISRC, or the same
 * title and first artist once case, accents, quotes and punctuation are set aside. The whole title counts, so a
 * decision about "Song (Live)" never answers "Song".
 */
public final class DecisionKeys {

    private DecisionKeys() {}

    /** The song's keys, the most specific first (an ISRC names one recording; a title and artist may name more). */
    public static List<String> of(SongQuery song) {
        List<String> keys = new ArrayList<>(2);
        if (song.isrc() != null && !song.isrc().isBlank()) {
            keys.add("isrc:" + song.isrc().strip().toUpperCase(Locale.ROOT));
        }
        String title = TextNormalizer.key(song.title());
        List<String> artists = ArtistNames.split(song.artist());
        if (!title.isEmpty() && !artists.isEmpty()) {
            keys.add("song:" + title + "|" + artists.get(0));
        }
        return List.copyOf(keys);
    }
}
