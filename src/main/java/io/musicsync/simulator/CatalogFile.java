package io.musicsync.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the compact catalog format: one song a line,
 * {@code title | artist; artist | album | release date | m:ss | flags | isrc}, where flags may hold
 * {@code E} (explicit), {@code S} (single), {@code C} (compilation); the ISRC column is optional.
 * Blank lines and lines starting with {@code #} are ignored.
 */
final class CatalogFile {

    static final String DEFAULT_RESOURCE = "/simulator/catalog.txt";

    private CatalogFile() {}

    static List<CatalogEntry> loadDefault() {
        try (InputStream in = CatalogFile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("catalog resource missing: " + DEFAULT_RESOURCE);
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<CatalogEntry> parse(InputStream in) throws IOException {
        List<CatalogEntry> entries = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (!line.isBlank() && !line.startsWith("#")) {
                entries.add(parseLine(line, number));
            }
        }
        return entries;
    }

    static CatalogEntry parseLine(String line, int number) {
        String[] columns =
                Arrays.stream(line.split("\\|", -1)).map(String::trim).toArray(String[]::new);
        if (columns.length < 5) {
            throw new IllegalArgumentException("catalog line " + number + ": expected at least 5 columns");
        }
        List<String> artists = Arrays.stream(columns[1].split(";"))
                .map(String::trim)
                .filter(a -> !a.isEmpty())
                .toList();
        String flags = columns.length > 5 ? columns[5] : "";
        String isrc = columns.length > 6 && !columns[6].isEmpty() ? columns[6] : null;
        String albumType = flags.contains("C") ? "compilation" : flags.contains("S") ? "single" : "album";
        // Durations are written to the second; a stable sub-second part makes them look like real ones.
        int durationMs = duration(columns[4], number) + Math.floorMod(line.hashCode(), 1000);
        return new CatalogEntry(
                columns[0], artists, columns[2], columns[3], durationMs, flags.contains("E"), isrc, albumType, 1);
    }

    private static int duration(String minutesSeconds, int number) {
        String[] parts = minutesSeconds.split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("catalog line " + number + ": duration must be m:ss");
        }
        return (Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1])) * 1000;
    }
}
