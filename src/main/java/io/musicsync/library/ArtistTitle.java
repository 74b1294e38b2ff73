package io.musicsync.library;

import io.musicsync.domain.SongQuery;
import java.util.Optional;
import java.util.regex.Pattern;

/** The one-line form "Artist - Title" (of text lists and of Apple's play-history "Track Description"). */
final class ArtistTitle {

    /** A spaced hyphen, en dash or em dash; the first one splits, so "Queen - Song - Remastered 2011" keeps its tag. */
    private static final Pattern SEPARATOR = Pattern.compile("\\s+[-\u2013\u2014]\\s+");

    private ArtistTitle() {}

    static Optional<SongQuery> parse(String line) {
        String[] parts = SEPARATOR.split(line.strip(), 2);
        if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
            return Optional.empty();
        }
        return Optional.of(SongQuery.of(parts[1].strip(), parts[0].strip()));
    }

    /** A line cut to a readable length for a message. */
    static String quote(String line) {
        String s = line.strip();
        return "'" + (s.length() > 80 ? s.substring(0, 77) + "..." : s) + "'";
    }
}
