package io.musicsync.library;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a library file of any supported {@link LibraryFormat}, recognised by its content. Entries that cannot
 * be read are kept as {@link LibraryEntry.Unreadable} with the line or track and why, so the rest still imports.
 */
public final class LibraryReader {

    /**
     * @throws UnsupportedFormatException when the file is none of the formats, saying what is expected
     * @throws IOException when the file cannot be read at all
     */
    public Library read(Path file) throws IOException {
        byte[] head = new byte[FormatDetector.HEAD_BYTES];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(head, 0, head.length);
        }
        int bom = FormatDetector.byteOrderMarkLength(head, length);
        byte[] content = java.util.Arrays.copyOfRange(head, bom, length);
        FormatDetector.Detected detected = FormatDetector.detect(content, content.length);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            in.skipNBytes(bom);
            return switch (detected.format()) {
                case APPLE_XML -> new PlistLibraryReader().read(in);
                case CSV ->
                    new CsvLibraryReader().read(reader(in), detected.csvLayout().orElseThrow());
                case TEXT_LIST -> new TextListReader().read(reader(in));
            };
        }
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
