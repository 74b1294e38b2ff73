package io.musicsync.spotify.simulator;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A simplified album object as nested in a track. */
public record AlbumJson(String id, String name, @JsonProperty("release_date") String releaseDate,
                        @JsonProperty("album_type") String albumType, List<ArtistJson> artists, String uri,
                        String type) {

    public AlbumJson {
        artists = artists == null ? List.of() : List.copyOf(artists);
    }
}
