package io.musicsync.matching;

import io.musicsync.domain.CatalogTrack;
import io.musicsync.songtext.ArtistNames;
import io.musicsync.songtext.ParsedTitle;
import io.musicsync.songtext.TitleParser;
import java.util.ArrayList;
import java.util.List;

/**
 * A Spotify candidate parsed for comparison.
 *
 * @param artists every credited artist in key form, plus any the title features but the credits omit
 */
record TrackProfile(CatalogTrack track, ParsedTitle title, ParsedTitle album, List<String> artists) {

    static TrackProfile of(CatalogTrack track, TitleParser parser) {
        ParsedTitle title = parser.parseTitle(track.name());
        List<String> artists = new ArrayList<>(ArtistNames.keys(track.artists()));
        for (String featured : title.featured()) {
            if (!ArtistNames.contains(artists, featured)) {
                artists.add(featured);
            }
        }
        return new TrackProfile(track, title, parser.parseAlbum(track.album()), List.copyOf(artists));
    }
}
