package io.musicsync.simulator;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A simplified album object as nested in a track. */
public record AlbumJson(
        String id,
        String name,
        @JsonProperty("release_date") String releaseDate,
        @JsonProperty("album_type") String albumType,
        List<ArtistJson> artists,
        String uri,
        String type) {

    public AlbumJson {
        artists = artists == null ? List.of() : List.copyOf(artists);
    }

    /** This album with id, URI, type and artists (those of the track, by default) filled in where missing. */
    AlbumJson completed(List<ArtistJson> trackArtists) {
        List<ArtistJson> fullArtists = artists.isEmpty()
                ? List.of(trackArtists.get(0))
                : artists.stream().map(ArtistJson::completed).toList();
        String albumId = SpotifyIds.isId(id)
                ? id
                : SpotifyIds.derived("album|" + name + "|" + fullArtists.get(0).name() + "|" + releaseDate);
        return new AlbumJson(
                albumId,
                name,
                releaseDate,
                albumType == null ? "album" : albumType,
                fullArtists,
                "spotify:album:" + albumId,
                "album");
    }
}
