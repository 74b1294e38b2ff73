package io.musicsync.matching;

import io.musicsync.domain.SongQuery;
import io.musicsync.songtext.ArtistNames;
import io.musicsync.songtext.ParsedTitle;
import io.musicsync.songtext.TextNormalizer;
import io.musicsync.songtext.TitleParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A requested song parsed once for comparison with every candidate.
 *
 * @param artist the whole artist string in key form (a band called "Simon & Garfunkel" stays one name here)
 * @param artists the artist string split into names, then the artists the title features
 * @param creditedCount how many of {@code artists} the artist string itself names
 * @param album the parsed album, or null when the request has none
 */
record SongProfile(
        ParsedTitle title,
        String artist,
        List<String> artists,
        int creditedCount,
        ParsedTitle album,
        Integer durationMs,
        String isrc,
        Boolean explicit) {

    static SongProfile of(SongQuery song, TitleParser parser) {
        ParsedTitle title = parser.parseTitle(song.title());
        List<String> artists = new ArrayList<>(ArtistNames.split(song.artist()));
        int credited = artists.size();
        for (String featured : title.featured()) {
            if (!ArtistNames.contains(artists, featured)) {
                artists.add(featured);
            }
        }
        ParsedTitle album = song.album() == null || song.album().isBlank() ? null : parser.parseAlbum(song.album());
        Integer duration = song.durationMs() != null && song.durationMs() > 0 ? song.durationMs() : null;
        String isrc = song.isrc() == null || song.isrc().isBlank()
                ? null
                : song.isrc().trim().toUpperCase(Locale.ROOT);
        return new SongProfile(
                title,
                TextNormalizer.key(song.artist()),
                List.copyOf(artists),
                credited,
                album,
                duration,
                isrc,
                song.explicit());
    }

    String primaryArtist() {
        return artists.isEmpty() ? artist : artists.get(0);
    }
}
