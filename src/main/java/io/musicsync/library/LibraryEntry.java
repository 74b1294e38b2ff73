package io.musicsync.library;

import io.musicsync.domain.SongQuery;
import java.util.List;

/**
 * One entry of a library file, in file order: a song to import, something skipped on purpose, or an entry that
 * could not be read. Every entry names where it came from ({@code source}: "line 12", "track 4711").
 */
public sealed interface LibraryEntry {

    String source();

    /**
     * A song to look up.
     *
     * @param applePlaylists the Apple Music playlists it belongs to (as named in the file), in file order
     * @param year the release year the file gives, or null
     * @param loved whether it is marked Loved (Favorite) in Apple Music, or null when the file does not say
     */
    record Song(String source, SongQuery song, List<String> applePlaylists, Integer year, Boolean loved)
            implements LibraryEntry {
        public Song {
            applePlaylists = List.copyOf(applePlaylists);
        }

        public static Song of(String source, SongQuery song) {
            return new Song(source, song, List.of(), null, null);
        }

        public Song withPlaylists(List<String> playlists) {
            return new Song(source, song, playlists, year, loved);
        }
    }

    /** Something that is not imported, with why; {@code description} says what it was ("Title" by Artist). */
    record Skipped(String source, String description, SkipReason reason) implements LibraryEntry {}

    /** An entry that could not be read; {@code message} says what was wrong with it. */
    record Unreadable(String source, String message) implements LibraryEntry {}
}
