package io.musicsync.importer;

/** Creates a playlist for an import to fill ({@code --create}); implemented by the music service's client. */
@FunctionalInterface
public interface PlaylistCreator {

    /** Creates a private playlist owned by the logged-in user and returns its id. */
    String createPlaylist(String name);
}
