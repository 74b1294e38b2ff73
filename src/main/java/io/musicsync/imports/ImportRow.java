package io.musicsync.imports;

import io.musicsync.domain.SongQuery;
import io.musicsync.library.LibraryEntry;
import java.util.List;
import java.util.Objects;

/**
 * One entry of an import as it is stored and sent to an engine: a song to look up, an entry skipped on purpose,
 * or one that could not be read. A flat record (not the library's sealed entries) so that it is the same on the
 * wire, in the journal and in a Temporal payload.
 *
 * @param row the entry's position in the import, from 1
 * @param source where it came from in the file ("track 4711", "line 12")
 * @param song the song to look up; null when skipped or unreadable
 * @param skipReason why it is skipped (a {@link io.musicsync.library.SkipReason} wire name), or null
 * @param detail for a skipped entry what it was ("Title" by Artist); for an unreadable one what was wrong; else null
 * @param applePlaylists the Apple Music playlists the song belongs to, in file order
 */
public record ImportRow(
        int row, String source, SongQuery song, String skipReason, String detail, List<String> applePlaylists) {

    public enum Kind {
        SONG,
        SKIPPED,
        UNREADABLE
    }

    public ImportRow {
        if (row < 1) {
            throw new IllegalArgumentException("rows count from 1, was " + row);
        }
        Objects.requireNonNull(source, "source");
        applePlaylists = applePlaylists == null ? List.of() : List.copyOf(applePlaylists);
        if ((song == null) == (skipReason == null && detail == null) || (song != null && skipReason != null)) {
            throw new IllegalArgumentException("row " + row + " must be a song, skipped or unreadable");
        }
    }

    public static ImportRow song(int row, String source, SongQuery song, List<String> applePlaylists) {
        return new ImportRow(row, source, song, null, null, applePlaylists);
    }

    public static ImportRow skipped(int row, String source, String skipReason, String description) {
        return new ImportRow(row, source, null, skipReason, description, List.of());
    }

    public static ImportRow unreadable(int row, String source, String problem) {
        return new ImportRow(row, source, null, null, problem, List.of());
    }

    /** The entry at {@code row} (from 1) of a parsed library file. */
    public static ImportRow of(int row, LibraryEntry entry) {
        return switch (entry) {
            case LibraryEntry.Song s -> song(row, s.source(), s.song(), s.applePlaylists());
            case LibraryEntry.Skipped s -> skipped(row, s.source(), s.reason().wireName(), s.description());
            case LibraryEntry.Unreadable u -> unreadable(row, u.source(), u.message());
        };
    }

    /** The rows of a library file's entries, numbered from 1 in their order. */
    public static List<ImportRow> of(List<LibraryEntry> entries) {
        return java.util.stream.IntStream.range(0, entries.size())
                .mapToObj(i -> of(i + 1, entries.get(i)))
                .toList();
    }

    public Kind kind() {
        if (song != null) {
            return Kind.SONG;
        }
        return skipReason != null ? Kind.SKIPPED : Kind.UNREADABLE;
    }
}
