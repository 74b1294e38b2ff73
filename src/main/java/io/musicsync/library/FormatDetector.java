package io.musicsync.library;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Tells the format of a library file from its first bytes, never from its name. */
final class FormatDetector {

    /** How much of the file is looked at. */
    static final int HEAD_BYTES = 64 * 1024;
    /** How many non-blank lines of a text list are looked at; most of them must read "Artist - Title". */
    private static final int SAMPLE_LINES = 50;

    /** What the head of a file is. */
    record Detected(LibraryFormat format, Optional<CsvLayout> csvLayout) {}

    private FormatDetector() {}

    /**
     * @param head the file's first bytes (up to {@link #HEAD_BYTES}), without a byte-order mark
     * @throws UnsupportedFormatException saying what the file looks like and what is expected
     */
    static Detected detect(byte[] head, int length) {
        if (length == 0) {
            throw new UnsupportedFormatException("the file is empty");
        }
        int first = length >= 2 ? head[0] & 0xFF : 0;
        int second = length >= 2 ? head[1] & 0xFF : 0;
        boolean utf16 = (first == 0xFF && second == 0xFE) || (first == 0xFE && second == 0xFF);
        if (utf16) {
            throw new UnsupportedFormatException("the file is UTF-16 text (save it as UTF-8)");
        }
        for (int i = 0; i < length; i++) {
            if (head[i] == 0) {
                throw new UnsupportedFormatException("the file is binary, not text");
            }
        }
        String text = new String(head, 0, length, StandardCharsets.UTF_8).stripLeading();
        if (text.startsWith("<")) {
            if (text.contains("<plist")) {
                return new Detected(LibraryFormat.APPLE_XML, Optional.empty());
            }
            throw new UnsupportedFormatException("the file is XML (or HTML) but not an Apple property list");
        }
        if (text.startsWith("{") || text.startsWith("[")) {
            throw new UnsupportedFormatException("the file is JSON");
        }
        // A CSV's header is its first non-blank line (a line starting with # is a header, not a comment, there).
        String firstLine = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        Optional<CsvLayout> layout = CsvLayout.of(firstLine);
        if (layout.isPresent()) {
            return new Detected(LibraryFormat.CSV, layout);
        }
        List<String> lines =
                text.lines().filter(l -> !TextListReader.isIgnored(l)).toList();
        if (lines.isEmpty()) {
            throw new UnsupportedFormatException("the file has no lines other than blanks and # comments");
        }
        List<String> sample = lines.subList(0, Math.min(SAMPLE_LINES, lines.size()));
        long songLines =
                sample.stream().filter(l -> ArtistTitle.parse(l).isPresent()).count();
        if (songLines * 2 > sample.size()) {
            return new Detected(LibraryFormat.TEXT_LIST, Optional.empty());
        }
        throw new UnsupportedFormatException("the first line " + ArtistTitle.quote(firstLine)
                + " is neither a CSV header naming title and artist columns nor an 'Artist - Title' line");
    }

    static int byteOrderMarkLength(byte[] head, int length) {
        return length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
    }
}
