package io.musicsync.library;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A plain list, one "Artist - Title" a line; blank lines and lines starting with {@code #} are ignored. */
final class TextListReader {

    Library read(BufferedReader in) throws IOException {
        List<LibraryEntry> entries = new ArrayList<>();
        int number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            String text = line;
            if (isIgnored(line)) {
                continue;
            }
            String source = "line " + number;
            Optional<LibraryEntry> song = ArtistTitle.parse(line).map(query -> LibraryEntry.Song.of(source, query));
            entries.add(song.orElseGet(() -> new LibraryEntry.Unreadable(
                    source, "expected 'Artist - Title' but found " + ArtistTitle.quote(text))));
        }
        return new Library(LibraryFormat.TEXT_LIST, entries, Map.of(), List.of());
    }

    static boolean isIgnored(String line) {
        String s = line.strip();
        return s.isEmpty() || s.startsWith("#");
    }
}
