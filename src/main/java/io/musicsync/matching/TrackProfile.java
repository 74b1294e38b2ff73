package io.musicsync.matching;

import io.musicsync.sync.Track;
import java.util.ArrayList;
import java.util.List;

/**
 * A Spotify candidate parsed for comparison.
 *
 * @param artists every credited artist in key form, plus any the title features but the credits omit
 */
record TrackProfile(Track track, ParsedTitle title, ParsedTitle album, List<String> artists) {

    static TrackProfile of(Track track, TitleParser parser) {
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
