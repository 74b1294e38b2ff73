package io.musicsync.eval;

import io.musicsync.domain.CatalogTrack;
import io.musicsync.songtext.ArtistNames;
import io.musicsync.songtext.TitleParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalog a search evaluation runs against: the catalog's tracks and every case's candidates (the decoys a
 * search should not be fooled by). While one case runs, every other track that looks like its song (same title
 * core, an artist in common) but is neither among that case's labelled candidates nor expected is hidden: the catalog and the cases
 * come from the same songs, so without this a case labelled "absent" would find its song after all, and a present
 * case could find an unlabelled copy.
 *
 * @param tracks what to load, de-duplicated by URI, catalog order first
 */
public record SearchWorld(List<CatalogTrack> tracks) {

    private static final TitleParser TITLES = new TitleParser();

    public SearchWorld {
        tracks = List.copyOf(tracks);
    }

    public static SearchWorld of(List<CatalogTrack> catalog, List<MatchCase> cases) {
        Map<String, CatalogTrack> byUri = new LinkedHashMap<>();
        catalog.forEach(t -> byUri.putIfAbsent(t.uri(), t));
        for (MatchCase c : cases) {
            c.candidates().forEach(t -> byUri.putIfAbsent(t.uri(), t));
        }
        return new SearchWorld(List.copyOf(byUri.values()));
    }

    /** Indexes the tracks by title core once, for {@link Hider#hiddenFor}. */
    public Hider hider() {
        Map<String, List<CatalogTrack>> byCore = new LinkedHashMap<>();
        for (CatalogTrack track : tracks) {
            byCore.computeIfAbsent(core(track.name()), k -> new ArrayList<>()).add(track);
        }
        return new Hider(byCore);
    }

    /** Finds, per case, the tracks to hide while it runs. */
    public static final class Hider {
        private final Map<String, List<CatalogTrack>> byCore;

        private Hider(Map<String, List<CatalogTrack>> byCore) {
            this.byCore = byCore;
        }

        /** URIs of tracks that look like the case's song but are neither among its candidates nor expected. */
        public Set<String> hiddenFor(MatchCase c) {
            Set<String> labelled = new HashSet<>();
            c.candidates().forEach(t -> labelled.add(t.uri()));
            if (c.expected() != null) {
                labelled.addAll(c.expected());
            }
            List<String> asked = ArtistNames.split(c.song().artist());
            Set<String> hidden = new HashSet<>();
            for (CatalogTrack track : byCore.getOrDefault(core(c.song().title()), List.of())) {
                if (labelled.contains(track.uri())) {
                    continue;
                }
                List<String> artists = ArtistNames.keys(track.artists());
                if (asked.stream().anyMatch(a -> ArtistNames.mentions(artists, a))) {
                    hidden.add(track.uri());
                }
            }
            return hidden;
        }
    }

    private static String core(String title) {
        return TITLES.parseTitle(title).core();
    }
}
