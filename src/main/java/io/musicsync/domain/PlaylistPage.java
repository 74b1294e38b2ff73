package io.musicsync.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One page of a playlist's entries.
 *
 * @param uris the track URIs in playlist order; null where an entry is a local file or a removed track, so
 *             that {@code offset + index} is always the entry's position
 */
public record PlaylistPage(List<String> uris, int offset, int total) {

    public PlaylistPage {
        // List.copyOf refuses nulls, and null entries are meaningful here.
        uris = Collections.unmodifiableList(new ArrayList<>(uris));
    }

    public boolean hasMore() {
        return offset + uris.size() < total;
    }
}
