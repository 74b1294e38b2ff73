package io.musicsync.library;

import java.io.IOException;
import java.io.StringReader;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Which column of a CSV holds what, recognised from its header row: the names used by Exportify, TuneMyMusic,
 * Soundiiz, Apple's privacy-data export and hand-made sheets, in any order, separated by commas, semicolons or tabs.
 *
 * @param delimiter the separator the header uses
 * @param columns the index of each recognised column
 * @param durationUnit how the duration column counts
 */
record CsvLayout(char delimiter, Map<Column, Integer> columns, DurationUnit durationUnit) {

    enum Column {
        TITLE,
        ARTIST,
        ALBUM,
        DURATION,
        ISRC,
        EXPLICIT,
        PLAYLIST,
        MEDIA_TYPE,
        /** "Artist - Title" in one column (Apple's "Track Description"). */
        ARTIST_AND_TITLE
    }

    enum DurationUnit {
        MILLISECONDS,
        SECONDS,
        /** m:ss or h:mm:ss text, or a bare number (seconds when under 10,000, else milliseconds). */
        GUESS
    }

    /** Header names with case, spaces and punctuation removed: "Artist Name(s)" is "artistnames". */
    private static final Map<Column, Set<String>> NAMES = Map.of(
            Column.TITLE,
            Set.of("title", "name", "trackname", "songname", "song", "track", "tracktitle", "songtitle"),
            Column.ARTIST,
            Set.of("artist", "artists", "artistname", "artistnames", "trackartist", "performer", "songartist"),
            Column.ALBUM,
            Set.of("album", "albumname", "albumtitle", "release"),
            Column.DURATION,
            Set.of(
                    "duration",
                    "durationms",
                    "trackdurationms",
                    "durationinms",
                    "mediadurationinmilliseconds",
                    "length",
                    "time",
                    "durations",
                    "durationseconds"),
            Column.ISRC,
            Set.of("isrc", "trackisrc"),
            Column.EXPLICIT,
            Set.of("explicit", "isexplicit"),
            Column.PLAYLIST,
            Set.of("playlist", "playlistname", "playlisttitle"),
            Column.MEDIA_TYPE,
            Set.of("type", "mediatype", "itemtype", "kind", "mediakind"),
            Column.ARTIST_AND_TITLE,
            Set.of("trackdescription"));

    private static final List<Character> DELIMITERS = List.of(',', ';', '\t');

    Optional<Integer> index(Column column) {
        return Optional.ofNullable(columns.get(column));
    }

    /**
     * The layout of a header line, or empty when it does not name a title and an artist (or an "Artist - Title"
     * column). A title column with no artist column holds "Artist - Title", as in Apple's track play history.
     */
    static Optional<CsvLayout> of(String headerLine) {
        CsvLayout best = null;
        for (char delimiter : DELIMITERS) {
            CsvLayout layout = withDelimiter(headerLine, delimiter);
            if (layout != null && (best == null || layout.columns.size() > best.columns.size())) {
                best = layout;
            }
        }
        return Optional.ofNullable(best);
    }

    private static CsvLayout withDelimiter(String headerLine, char delimiter) {
        List<String> names;
        try (CSVParser parser =
                CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get().parse(new StringReader(headerLine))) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty()) {
                return null;
            }
            names = records.get(0).toList();
        } catch (IOException | RuntimeException e) {
            return null;
        }
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        DurationUnit unit = DurationUnit.GUESS;
        for (int i = 0; i < names.size(); i++) {
            String raw = names.get(i).toLowerCase(Locale.ROOT);
            String key = raw.replaceAll("[^a-z0-9]", "");
            for (Map.Entry<Column, Set<String>> known : NAMES.entrySet()) {
                if (known.getValue().contains(key) && !columns.containsKey(known.getKey())) {
                    columns.put(known.getKey(), i);
                    if (known.getKey() == Column.DURATION) {
                        unit = unitOf(key, raw);
                    }
                }
            }
        }
        boolean titleAndArtist = columns.containsKey(Column.TITLE) && columns.containsKey(Column.ARTIST);
        if (!titleAndArtist && !columns.containsKey(Column.ARTIST_AND_TITLE)) {
            Integer title = columns.remove(Column.TITLE);
            if (title == null || !Set.of("trackname", "songname").contains(key(names.get(title)))) {
                return null;
            }
            columns.put(Column.ARTIST_AND_TITLE, title);
        }
        return new CsvLayout(delimiter, columns, unit);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static DurationUnit unitOf(String key, String raw) {
        if (key.endsWith("ms") || key.contains("millisecond")) {
            return DurationUnit.MILLISECONDS;
        }
        if (key.endsWith("seconds") || raw.contains("(s)") || raw.contains("(sec")) {
            return DurationUnit.SECONDS;
        }
        return DurationUnit.GUESS;
    }
}
