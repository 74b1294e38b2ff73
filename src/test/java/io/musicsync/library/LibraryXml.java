package io.musicsync.library;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a Library.xml as Music.app does, for tests and the parse benchmark: {@code tracks} songs with the keys
 * Music.app writes (about 2 KB each, as in real libraries), every 50th a music video and every 70th a podcast,
 * and one playlist holding every tenth track.
 */
public final class LibraryXml {

    /** A Music.app library's opening, up to its {@code Tracks} dictionary's first track. */
    public static final String HEADER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" \
            "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
            <plist version="1.0">
            <dict>
            <key>Major Version</key><integer>1</integer>
            <key>Application Version</key><string>1.4.5.7</string>
            <key>Tracks</key>
            <dict>
            """;

    private LibraryXml() {}

    public static void write(Path file, int tracks) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            for (int id = 1; id <= tracks; id++) {
                writeTrack(out, id);
            }
            out.write("""
                    </dict>
                    <key>Playlists</key>
                    <array>
                    <dict>
                    <key>Name</key><string>Every Tenth</string>
                    <key>Playlist Items</key>
                    <array>
                    """);
            for (int id = 10; id <= tracks; id += 10) {
                out.write("\t\t\t\t<dict><key>Track ID</key><integer>" + id + "</integer></dict>\n");
            }
            out.write("\t\t\t</array>\n\t\t</dict>\n\t</array>\n</dict>\n</plist>\n");
        }
    }

    private static void writeTrack(Writer out, int id) throws IOException {
        StringBuilder t = new StringBuilder(2400);
        t.append("\t\t<key>").append(id).append("</key>\n\t\t<dict>\n");
        key(t, "Track ID", "integer", Integer.toString(id));
        key(t, "Name", "string", "Song Number " + id + " &amp; Friends");
        key(t, "Artist", "string", "Artist " + (id % 997));
        key(t, "Album Artist", "string", "Artist " + (id % 997));
        key(t, "Composer", "string", "Composer " + (id % 331) + " and Composer " + (id % 173));
        key(t, "Album", "string", "Album " + (id % 4001) + " (Deluxe Edition)");
        key(t, "Genre", "string", "Alternative");
        key(t, "Grouping", "string", "Evening Playlist Candidates");
        key(t, "Comments", "string", "Bought on vinyl in 2009, added from the Apple Music catalog later");
        key(t, "Kind", "string", id % 50 == 0 ? "Apple Music MPEG-4 video file" : "Apple Music AAC audio file");
        if (id % 50 == 0) {
            key(t, "Music Video", "true", null);
        }
        if (id % 70 == 0) {
            key(t, "Podcast", "true", null);
        }
        key(t, "Size", "integer", Integer.toString(7_000_000 + id));
        key(t, "Total Time", "integer", Integer.toString(180_000 + id % 120_000));
        key(t, "Disc Number", "integer", "1");
        key(t, "Disc Count", "integer", "1");
        key(t, "Track Number", "integer", Integer.toString(1 + id % 14));
        key(t, "Track Count", "integer", "14");
        key(t, "Year", "integer", Integer.toString(1960 + id % 66));
        key(t, "Date Modified", "date", "2025-01-02T03:04:05Z");
        key(t, "Date Added", "date", "2024-05-06T07:08:09Z");
        key(t, "Bit Rate", "integer", "256");
        key(t, "Sample Rate", "integer", "44100");
        key(t, "Play Count", "integer", Integer.toString(id % 40));
        key(t, "Play Date", "integer", "3811111111");
        key(t, "Play Date UTC", "date", "2024-10-10T10:10:10Z");
        key(t, "Skip Count", "integer", Integer.toString(id % 3));
        key(t, "Skip Date", "date", "2024-11-11T11:11:11Z");
        key(t, "Release Date", "date", "2019-05-17T12:00:00Z");
        key(t, "Normalization", "integer", "1234");
        key(t, "Artwork Count", "integer", "1");
        key(t, "Sort Album", "string", "Album " + (id % 4001));
        key(t, "Sort Artist", "string", "Artist " + (id % 997));
        key(t, "Sort Name", "string", "Song Number " + id);
        key(t, "Persistent ID", "string", String.format(Locale.ROOT, "%016X", id * 2654435761L));
        key(t, "Track Type", "string", "Remote");
        key(t, "Apple Music", "true", null);
        key(t, "Playlist Only", "false", null);
        t.append("\t\t</dict>\n");
        out.write(t.toString());
    }

    /** Appends one {@code <key>} and its value ({@code value} null: an empty element such as {@code <true/>}). */
    public static void key(StringBuilder t, String key, String type, String value) {
        t.append("\t\t\t<key>").append(key).append("</key>");
        if (value == null) {
            t.append('<').append(type).append("/>\n");
        } else {
            t.append('<')
                    .append(type)
                    .append('>')
                    .append(value)
                    .append("</")
                    .append(type)
                    .append(">\n");
        }
    }
}
