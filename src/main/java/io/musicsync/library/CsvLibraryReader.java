package io.musicsync.library;

import io.musicsync.domain.SongQuery;
import io.musicsync.library.CsvLayout.Column;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a CSV whose header row {@link CsvLayout} recognised; each row is one song, found by its line. */
final class CsvLibraryReader {

    private static final Pattern CLOCK = Pattern.compile("(?:(\\d+):)?(\\d{1,2}):(\\d{2})(?:\\.\\d+)?");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    /** Below this a bare duration is taken as seconds: no song is 10,000 s long, none is 10 s long in ms. */
    private static final double SECONDS_OR_MILLIS = 10_000;

    Library read(Reader in, CsvLayout layout) throws IOException {
        List<LibraryEntry> entries = new ArrayList<>();
        Map<String, List<Integer>> playlists = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(layout.delimiter())
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        try (CSVParser parser = format.parse(in)) {
            Iterator<CSVRecord> records = parser.iterator();
            long lineBefore = 0;
            boolean header = true;
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    problems.add("line " + (lineBefore + 1) + " cannot be read as CSV (" + rootMessage(e)
                            + "): the rows before it were read, nothing after it");
                    break;
                }
                // The line where the record starts: a quoted field may span several lines.
                long line = lineBefore + 1;
                lineBefore = parser.getCurrentLineNumber();
                if (header) {
                    header = false;
                    continue;
                }
                LibraryEntry entry = toEntry("line " + line, record, layout);
                if (entry instanceof LibraryEntry.Song song
                        && !song.applePlaylists().isEmpty()) {
                    playlists
                            .computeIfAbsent(song.applePlaylists().get(0), p -> new ArrayList<>())
                            .add(entries.size());
                }
                entries.add(entry);
            }
        }
        return new Library(LibraryFormat.CSV, entries, playlists, problems);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    private static LibraryEntry toEntry(String source, CSVRecord record, CsvLayout layout) {
        String title = cell(record, layout, Column.TITLE);
        String artist = cell(record, layout, Column.ARTIST);
        String combined = cell(record, layout, Column.ARTIST_AND_TITLE);
        if (combined != null && (title == null || artist == null)) {
            Optional<SongQuery> parsed = ArtistTitle.parse(combined);
            if (parsed.isEmpty()) {
                return new LibraryEntry.Unreadable(
                        source, "expected 'Artist - Title' but found " + ArtistTitle.quote(combined));
            }
            title = parsed.get().title();
            artist = parsed.get().artist();
        }
        String description = "\"" + (title == null ? "?" : title) + "\"" + (artist == null ? "" : " by " + artist);
        Optional<SkipReason> skip = MediaKinds.fromKind(cell(record, layout, Column.MEDIA_TYPE));
        if (skip.isPresent()) {
            return new LibraryEntry.Skipped(source, description, skip.get());
        }
        if (title == null) {
            return new LibraryEntry.Unreadable(source, "it has no title");
        }
        if (artist == null) {
            return new LibraryEntry.Unreadable(source, description + " has no artist");
        }
        String durationText = cell(record, layout, Column.DURATION);
        Integer duration = durationMs(durationText, layout.durationUnit());
        if (durationText != null && duration == null) {
            return new LibraryEntry.Unreadable(
                    source, description + ": the duration " + ArtistTitle.quote(durationText) + " is not a length");
        }
        SongQuery song = new SongQuery(
                title,
                // Exportify separates several artists with semicolons; the matcher reads commas.
                artist.replaceAll("\\s*;\\s*", ", "),
                cell(record, layout, Column.ALBUM),
                duration,
                isrc(cell(record, layout, Column.ISRC)),
                bool(cell(record, layout, Column.EXPLICIT)));
        String playlist = cell(record, layout, Column.PLAYLIST);
        return new LibraryEntry.Song(source, song, playlist == null ? List.of() : List.of(playlist), null, null);
    }

    private static String cell(CSVRecord record, CsvLayout layout, Column column) {
        return layout.index(column)
                .filter(i -> i < record.size())
                .map(record::get)
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .orElse(null);
    }

    static Integer durationMs(String text, CsvLayout.DurationUnit unit) {
        if (text == null) {
            return null;
        }
        Matcher clock = CLOCK.matcher(text);
        if (clock.matches()) {
            int hours = clock.group(1) == null ? 0 : Integer.parseInt(clock.group(1));
            return ((hours * 60 + Integer.parseInt(clock.group(2))) * 60 + Integer.parseInt(clock.group(3))) * 1000;
        }
        if (!NUMBER.matcher(text).matches()) {
            return null;
        }
        double value = Double.parseDouble(text);
        boolean seconds = switch (unit) {
            case SECONDS -> true;
            case MILLISECONDS -> false;
            case GUESS -> value < SECONDS_OR_MILLIS;
        };
        double ms = seconds ? value * 1000 : value;
        return ms > 0 && ms < Integer.MAX_VALUE ? (int) Math.round(ms) : null;
    }

    private static String isrc(String text) {
        return text == null ? null : text.replace("-", "").toUpperCase(Locale.ROOT);
    }

    private static Boolean bool(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "explicit", "e" -> Boolean.TRUE;
            case "false", "no", "0", "clean", "notexplicit" -> Boolean.FALSE;
            default -> null;
        };
    }
}
