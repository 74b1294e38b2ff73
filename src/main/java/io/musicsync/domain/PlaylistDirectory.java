package io.musicsync.domain;

import java.util.List;

/** The logged-in user's playlists, so that an assistant can pick one by name. */
public interface PlaylistDirectory {

    /** Every playlist the user owns or follows, in the service's order. */
    List<PlaylistSummary> userPlaylists();
}
