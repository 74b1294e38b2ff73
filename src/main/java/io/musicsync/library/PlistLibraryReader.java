package io.musicsync.library;

import io.musicsync.domain.SongQuery;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a Music.app (1.x) or iTunes (12) {@code Library.xml}, or a single playlist's XML export (the same format
 * with one playlist), with the JDK's streaming XML parser: one track's keys are held at a time, so a library of
 * 50,000 tracks parses in a small heap. The DTD is never fetched.
 */
final class PlistLibraryReader {

    private final XMLInputFactory factory;

    PlistLibraryReader() {
        factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    Library read(InputStream in) {
        List<LibraryEntry> entries = new ArrayList<>();
        Map<String, Integer> entryOfTrackId = new HashMap<>();
        Map<String, List<Integer>> playlists = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        PlistCursor cursor = null;
        try {
            cursor = new PlistCursor(factory.createXMLStreamReader(in));
            cursor.enterRootDict();
            String key;
            while ((key = cursor.nextKey()) != null) {
                switch (key) {
                    case "Tracks" -> readTracks(cursor, entries, entryOfTrackId);
                    case "Playlists" -> readPlaylists(cursor, entryOfTrackId, playlists);
                    default -> cursor.skipValue();
                }
            }
        } catch (XMLStreamException | PlistFormatException e) {
            problems.add(breakOff(e, cursor, entries.size()));
        }
        return new Library(LibraryFormat.APPLE_XML, entries, withSongsMembership(entries, playlists), problems);
    }

    private static String breakOff(Exception e, PlistCursor cursor, int entriesRead) {
        String where = cursor == null ? "at its start" : "at line " + cursor.line();
        String cause = e instanceof XMLStreamException x && x.getNestedException() != null
                ? x.getNestedException().getMessage()
                : e.getMessage();
        return "the XML breaks off " + where + " (" + cleanCause(cause) + "): the " + entriesRead
                + " tracks before it were read, nothing after it";
    }

    /** StAX prefixes its messages with "ParseError at [row,col]:[l,c]\nMessage: "; the line is said already. */
    private static String cleanCause(String message) {
        if (message == null) {
            return "unreadable XML";
        }
        int at = message.indexOf("Message: ");
        return (at >= 0 ? message.substring(at + "Message: ".length()) : message).trim();
    }

    private static void readTracks(PlistCursor cursor, List<LibraryEntry> entries, Map<String, Integer> byTrackId)
            throws XMLStreamException {
        cursor.enter("dict");
        String trackId;
        while ((trackId = cursor.nextKey()) != null) {
            int line = cursor.line();
            cursor.enter("dict");
            Map<String, Object> track = cursor.readFlatDict();
            byTrackId.put(trackId, entries.size());
            entries.add(toEntry("track " + trackId + " (line " + line + ")", track));
        }
    }

    static LibraryEntry toEntry(String source, Map<String, Object> track) {
        String name = text(track, "Name");
        String artist = text(track, "Artist");
        if (artist == null) {
            artist = text(track, "Album Artist");
        }
        String description = "\"" + (name == null ? "?" : name) + "\"" + (artist == null ? "" : " by " + artist);
        Optional<SkipReason> skip = skipReason(track);
        if (skip.isPresent()) {
            return new LibraryEntry.Skipped(source, description, skip.get());
        }
        if (name == null) {
            return new LibraryEntry.Unreadable(source, "it has no Name");
        }
        if (artist == null) {
            return new LibraryEntry.Unreadable(source, description + " has no Artist or Album Artist");
        }
        Boolean explicit = flag(track, "Explicit") ? Boolean.TRUE : flag(track, "Clean") ? Boolean.FALSE : null;
        SongQuery song = new SongQuery(name, artist, text(track, "Album"), number(track, "Total Time"), null, explicit);
        Boolean loved = (track.containsKey("Loved") || track.containsKey("Favorited"))
                ? flag(track, "Loved") || flag(track, "Favorited")
                : null;
        return new LibraryEntry.Song(source, song, List.of(), number(track, "Year"), loved);
    }

    /** Video, podcast and book flags first, then the kind and genre words, then the person's Disliked mark. */
    private static Optional<SkipReason> skipReason(Map<String, Object> track) {
        if (flag(track, "Movie") || flag(track, "Music Video") || flag(track, "TV Show") || flag(track, "Has Video")) {
            return Optional.of(SkipReason.VIDEO);
        }
        if (flag(track, "Podcast") || flag(track, "iTunesU")) {
            return Optional.of(SkipReason.PODCAST);
        }
        if ("URL".equals(text(track, "Track Type"))) {
            return Optional.of(SkipReason.STREAM);
        }
        Optional<SkipReason> byKind = MediaKinds.fromKind(text(track, "Kind"));
        if (byKind.isPresent()) {
            return byKind;
        }
        Optional<SkipReason> byGenre = MediaKinds.fromGenre(text(track, "Genre"));
        if (byGenre.isPresent()) {
            return byGenre;
        }
        return flag(track, "Disliked") ? Optional.of(SkipReason.DISLIKED) : Optional.empty();
    }

    private static void readPlaylists(
            PlistCursor cursor, Map<String, Integer> entryOfTrackId, Map<String, List<Integer>> playlists)
            throws XMLStreamException {
        cursor.enter("array");
        while (cursor.nextArrayItem("dict")) {
            // The whole library (Master), Apple's own lists (Music, Podcasts, Purchased…: a Distinguished Kind),
            // folders and hidden lists are not playlists the person made.
            String name = null;
            boolean personal = true;
            List<Integer> items = new ArrayList<>();
            String key;
            while ((key = cursor.nextKey()) != null) {
                if (key.equals("Playlist Items")) {
                    readItems(cursor, entryOfTrackId, items);
                } else if (key.equals("Name")) {
                    name = String.valueOf(cursor.readSimpleValue());
                } else if (key.equals("Distinguished Kind")) {
                    cursor.skipValue();
                    personal = false;
                } else if (key.equals("Master") || key.equals("Folder")) {
                    personal &= !Boolean.TRUE.equals(cursor.readSimpleValue());
                } else if (key.equals("Visible")) {
                    personal &= !Boolean.FALSE.equals(cursor.readSimpleValue());
                } else {
                    cursor.skipValue();
                }
            }
            if (personal && name != null) {
                playlists.computeIfAbsent(name, n -> new ArrayList<>()).addAll(items);
            }
        }
    }

    private static void readItems(PlistCursor cursor, Map<String, Integer> entryOfTrackId, List<Integer> items)
            throws XMLStreamException {
        cursor.enter("array");
        while (cursor.nextArrayItem("dict")) {
            Object trackId = cursor.readFlatDict().get("Track ID");
            Integer index = trackId == null ? null : entryOfTrackId.get(trackId.toString());
            if (index != null) {
                items.add(index);
            }
        }
    }

    /** Each song learns the playlists it is in (a skipped or unreadable entry keeps none). */
    private static Map<String, List<Integer>> withSongsMembership(
            List<LibraryEntry> entries, Map<String, List<Integer>> playlists) {
        Map<Integer, List<String>> membership = new HashMap<>();
        playlists.forEach((name, indexes) -> indexes.forEach(
                i -> membership.computeIfAbsent(i, k -> new ArrayList<>()).add(name)));
        membership.forEach((index, names) -> {
            if (entries.get(index) instanceof LibraryEntry.Song song) {
                entries.set(index, song.withPlaylists(names.stream().distinct().toList()));
            }
        });
        return playlists;
    }

    private static String text(Map<String, Object> track, String key) {
        Object value = track.get(key);
        if (value == null) {
            return null;
        }
        String s = value.toString().strip();
        return s.isEmpty() ? null : s;
    }

    private static boolean flag(Map<String, Object> track, String key) {
        return Boolean.TRUE.equals(track.get(key));
    }

    /** An integer value; anything else (a misspelt or out-of-range number) counts as unknown. */
    private static Integer number(Map<String, Object> track, String key) {
        return track.get(key) instanceof Long l && l > 0 && l <= Integer.MAX_VALUE ? (int) (long) l : null;
    }

    /** The plist is not shaped as Apple writes it (e.g. a value where a key belongs). */
    static final class PlistFormatException extends RuntimeException {
        PlistFormatException(String message) {
            super(message);
        }
    }

    /** Walks a plist's elements: keys, simple values, and nested dicts and arrays to enter or skip. */
    private static final class PlistCursor {
        private final XMLStreamReader xml;

        PlistCursor(XMLStreamReader xml) {
            this.xml = xml;
        }

        int line() {
            return xml.getLocation().getLineNumber();
        }

        void enterRootDict() throws XMLStreamException {
            if (nextStart() == null || !xml.getLocalName().equals("plist")) {
                throw new PlistFormatException("no <plist> element");
            }
            enter("dict");
        }

        /** Moves to the next start element, or returns null at an end element (the container closed). */
        private String nextStart() throws XMLStreamException {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return xml.getLocalName();
                }
                if (event == XMLStreamConstants.END_ELEMENT) {
                    return null;
                }
            }
            throw new PlistFormatException("the file ends before the plist is closed");
        }

        void enter(String element) throws XMLStreamException {
            String found = nextStart();
            if (!element.equals(found)) {
                throw new PlistFormatException("expected <" + element + "> but found "
                        + (found == null ? "the end of its container" : "<" + found + ">"));
            }
        }

        /** The next key of the dict being read, or null when the dict ends. */
        String nextKey() throws XMLStreamException {
            String element = nextStart();
            if (element == null) {
                return null;
            }
            if (!element.equals("key")) {
                throw new PlistFormatException("expected a <key> in a dict but found <" + element + ">");
            }
            return xml.getElementText();
        }

        /** Whether the array being read has another item of that element (false when it ends). */
        boolean nextArrayItem(String element) throws XMLStreamException {
            String found = nextStart();
            if (found == null) {
                return false;
            }
            if (!found.equals(element)) {
                throw new PlistFormatException("expected <" + element + "> in an array but found <" + found + ">");
            }
            return true;
        }

        /** Reads the value after a key: String, Long, Double, Boolean; null for a dict, array or data (skipped). */
        Object readSimpleValue() throws XMLStreamException {
            String element = nextStart();
            if (element == null) {
                throw new PlistFormatException("a key without a value");
            }
            return valueOf(element);
        }

        private Object valueOf(String element) throws XMLStreamException {
            switch (element) {
                case "true", "false" -> {
                    skipRest();
                    return element.equals("true");
                }
                case "string", "date" -> {
                    return xml.getElementText();
                }
                case "integer" -> {
                    String digits = xml.getElementText().strip();
                    try {
                        return Long.parseLong(digits);
                    } catch (NumberFormatException e) {
                        return digits;
                    }
                }
                case "real" -> {
                    String digits = xml.getElementText().strip();
                    try {
                        return Double.parseDouble(digits);
                    } catch (NumberFormatException e) {
                        return digits;
                    }
                }
                default -> {
                    skipRest();
                    return null;
                }
            }
        }

        void skipValue() throws XMLStreamException {
            if (nextStart() == null) {
                throw new PlistFormatException("a key without a value");
            }
            skipRest();
        }

        /** Skips to the end of the element just started, whatever it holds. */
        private void skipRest() throws XMLStreamException {
            int depth = 1;
            while (depth > 0) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        }

        /** A dict of simple values (a track, a playlist item); nested containers are skipped. */
        Map<String, Object> readFlatDict() throws XMLStreamException {
            Map<String, Object> values = new HashMap<>();
            String key;
            while ((key = nextKey()) != null) {
                Object value = readSimpleValue();
                if (value != null) {
                    values.put(key, value);
                }
            }
            return values;
        }
    }
}
