package io.musicsync.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed library file.
 *
 * @param entries every entry in file order
 * @param playlists the Apple Music playlists the file names, each with the indexes into {@code entries} of its
 *     items in playlist order (a Library.xml lists them; a CSV may have a playlist column; a text list has none)
 * @param problems what went wrong with the file as a whole (e.g. it ends in the middle), to show with the entries
 */
public record Library(
        LibraryFormat format, List<LibraryEntry> entries, Map<String, List<Integer>> playlists, List<String> problems) {

    public Library {
        entries = List.copyOf(entries);
        playlists = Map.copyOf(playlists);
        problems = List.copyOf(problems);
    }

    /** The entries of one Apple Music playlist in its order, or empty when the file has no playlist of that name. */
    public Optional<List<LibraryEntry>> playlist(String name) {
        List<Integer> indexes = playlists.get(name);
        if (indexes == null) {
            return Optional.empty();
        }
        List<LibraryEntry> items = new ArrayList<>(indexes.size());
        for (int index : indexes) {
            items.add(entries.get(index));
        }
        return Optional.of(items);
    }

    /** How many entries are songs to look up. */
    public long songCount() {
        return entries.stream().filter(e -> e instanceof LibraryEntry.Song).count();
    }
}
