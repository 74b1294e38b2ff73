package io.musicsync.simulator;

/** A simplified artist object, as Spotify nests it in tracks and albums. */
public record ArtistJson(String id, String name, String uri, String type) {

    static ArtistJson named(String name) {
        String id = SpotifyIds.derived("artist|" + TextNormalizer.normalize(name));
        return new ArtistJson(id, name, "spotify:artist:" + id, "artist");
    }

    /** This artist with a derived id, URI and type where they are missing. */
    ArtistJson completed() {
        return SpotifyIds.isId(id) ? new ArtistJson(id, name, "spotify:artist:" + id, "artist") : named(name);
    }
}
