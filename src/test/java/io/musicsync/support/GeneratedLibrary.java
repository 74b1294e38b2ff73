package io.musicsync.support;

import static io.musicsync.library.LibraryXml.key;

import io.musicsync.library.LibraryXml;
import io.musicsync.simulator.CatalogEntry;
import io.musicsync.simulator.SpotifySimulator;
import io.musicsync.simulator.TrackJson;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated Music.app {@code Library.xml} for import tests, with the catalog its songs are found in: most entries
 * are songs the simulator holds (some already in the target playlist), mixed with music videos, podcast episodes,
 * entries without a name (unreadable), songs Spotify does not have, and a wrong-typed {@code Total Time}.
 *
 * @param expected each row's outcome (and skip reason), in file order: {@code added}, {@code already_there},
 *     {@code not_found}, {@code skipped:video}, {@code skipped:podcast}, {@code failed}
 * @param uris the catalog track each row must end as (null for rows that end without one)
 */
public record GeneratedLibrary(Path file, List<String> expected, List<String> uris) {

    private static final List<String> WORDS = List.of(
            "velvet", "harbor", "paper", "lantern", "cobalt", "meadow", "ember", "violet", "silver", "thunder",
            "orchid", "river", "canyon", "marble", "saffron", "winter", "copper", "willow", "amber", "falcon");

    /** Every tenth findable song is in the playlist before the import. */
    private static final int ALREADY_THERE_EVERY = 10;

    public long songs() {
        return expected.stream()
                .filter(e -> !e.startsWith("skipped") && !e.equals("failed"))
                .count();
    }

    public long count(String outcome) {
        return expected.stream().filter(outcome::equals).count();
    }

    /**
     * Writes a library of {@code entries} tracks, adds its findable songs to the simulator's catalog and the
     * already-present ones to {@code playlist} (after {@code fill} other tracks, so the playlist is large).
     */
    public static GeneratedLibrary create(Path file, int entries, SpotifySimulator simulator, String playlist, int fill)
            throws IOException {
        List<String> expected = new ArrayList<>();
        Map<Integer, CatalogEntry> findable = new LinkedHashMap<>();
        StringBuilder tracks = new StringBuilder();
        for (int id = 1; id <= entries; id++) {
            String title = word(id) + " " + word(id / WORDS.size() + 3) + " " + id;
            String artist = word(id + 7) + " " + word(id / 3 + 11) + " Band " + (id % 50);
            String album = word(id + 5) + " Sessions " + id;
            int duration = 150_000 + (id * 7919) % 150_000;
            tracks.append("\t\t<key>").append(id).append("</key>\n\t\t<dict>\n");
            key(tracks, "Track ID", "integer", Integer.toString(id));
            if (id % 97 == 0) {
                expected.add("failed"); // no Name: unreadable
            } else {
                key(tracks, "Name", "string", id % 89 == 0 ? "Nowhere To Be Found " + id : title);
            }
            key(tracks, "Artist", "string", artist);
            key(tracks, "Album", "string", album);
            if (id % 61 == 0) {
                key(tracks, "Total Time", "string", "three minutes"); // the wrong type: the length is unknown
            } else {
                key(tracks, "Total Time", "integer", Integer.toString(duration));
            }
            if (id % 97 != 0) {
                if (id % 25 == 0) {
                    key(tracks, "Kind", "string", "MPEG-4 video file");
                    key(tracks, "Music Video", "true", null);
                    key(tracks, "Has Video", "true", null);
                    expected.add("skipped:video");
                } else if (id % 40 == 0) {
                    key(tracks, "Genre", "string", "Podcast");
                    key(tracks, "Podcast", "true", null);
                    expected.add("skipped:podcast");
                } else if (id % 89 == 0) {
                    key(tracks, "Kind", "string", "Apple Music AAC audio file");
                    expected.add("not_found");
                } else {
                    key(tracks, "Kind", "string", "Apple Music AAC audio file");
                    findable.put(
                            id, CatalogEntry.of(title, List.of(artist), album, "2020-05-01", duration, false, null));
                    expected.add(findable.size() % ALREADY_THERE_EVERY == 0 ? "already_there" : "added");
                }
            }
            tracks.append("\t\t</dict>\n");
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(LibraryXml.HEADER);
            out.write(tracks.toString());
            out.write("</dict>\n<key>Playlists</key>\n<array>\n</array>\n</dict>\n</plist>\n");
        }

        List<TrackJson> added = simulator.addTracks(List.copyOf(findable.values()));
        List<String> fillers = new ArrayList<>();
        List<CatalogEntry> fillerEntries = new ArrayList<>();
        for (int i = 0; i < fill; i++) {
            fillerEntries.add(CatalogEntry.of(
                    "Filler " + word(i) + " " + i,
                    List.of("Filler Artist " + (i % 300)),
                    "Filler Album",
                    "2001-01-01",
                    200_000,
                    false,
                    null));
        }
        simulator.addTracks(fillerEntries).forEach(t -> fillers.add(t.uri()));
        List<String> uris = new ArrayList<>();
        List<String> present = new ArrayList<>(fillers);
        int song = 0;
        for (String outcome : expected) {
            if (outcome.equals("added") || outcome.equals("already_there")) {
                String uri = added.get(song++).uri();
                uris.add(uri);
                if (outcome.equals("already_there")) {
                    present.add(uri);
                }
            } else {
                uris.add(null);
            }
        }
        for (int i = 0; i < present.size(); i += 100) {
            simulator.addToPlaylist(playlist, present.subList(i, Math.min(present.size(), i + 100)));
        }
        return new GeneratedLibrary(file, List.copyOf(expected), java.util.Collections.unmodifiableList(uris));
    }

    private static String word(int i) {
        String w = WORDS.get(i % WORDS.size());
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
