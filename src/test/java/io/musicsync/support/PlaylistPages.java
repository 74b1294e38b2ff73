package io.musicsync.support;

import io.musicsync.domain.PlaylistPage;
import java.util.List;

/** For playlist fakes: one page cut from a whole playlist, as a service pages it. */
public final class PlaylistPages {

    private PlaylistPages() {}

    public static PlaylistPage slice(List<String> all, int offset, int limit) {
        int from = Math.min(offset, all.size());
        return new PlaylistPage(all.subList(from, Math.min(all.size(), from + limit)), offset, all.size());
    }
}
