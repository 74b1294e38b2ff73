package io.musicsync.simulator;

import io.javalin.http.Context;
import java.util.List;

/** Renders stored state as Web API objects, with hrefs on the address the client used. */
final class WebApiViews {

    private WebApiViews() {}

    static String apiBase(Context ctx) {
        return ctx.scheme() + "://" + ctx.host() + "/v1";
    }

    static PlaylistJson playlist(Context ctx, Playlist p) {
        String api = apiBase(ctx);
        String href = api + "/playlists/" + p.id();
        boolean mine = p.ownerId().equals(SpotifySimulator.USER_ID);
        UserJson owner = user(api, p.ownerId(), mine ? SpotifySimulator.USER_DISPLAY_NAME : p.ownerId(), null);
        return new PlaylistJson(
                p.collaborative(),
                p.description(),
                href,
                p.id(),
                List.of(),
                p.name(),
                owner,
                p.isPublic(),
                p.snapshotId(),
                new PlaylistJson.ItemsRef(href + "/items", p.entries().size()),
                "playlist",
                "spotify:playlist:" + p.id());
    }

    /**
     * An entry as Spotify shows it: a catalog track; a local file ({@code spotify:local:...}, {@code is_local}, no
     * id); a podcast episode ({@code spotify:episode:...}); or null when the track has been removed from Spotify.
     */
    static PlaylistItemJson item(Context ctx, PlaylistEntry entry, TrackJson track) {
        UserJson addedBy = user(apiBase(ctx), entry.addedBy(), null, null);
        String uri = entry.uri();
        Object item = track;
        boolean local = uri.startsWith("spotify:local:");
        if (local) {
            item = LocalFileJson.of(uri);
        } else if (uri.startsWith("spotify:episode:")) {
            item = EpisodeJson.of(uri);
        }
        return new PlaylistItemJson(entry.addedAt().toString(), addedBy, local, item, item);
    }

    static UserJson me(Context ctx) {
        return user(
                apiBase(ctx),
                SpotifySimulator.USER_ID,
                SpotifySimulator.USER_DISPLAY_NAME,
                SpotifyIds.derived("account|" + SpotifySimulator.USER_ID));
    }

    private static UserJson user(String api, String id, String displayName, String accountId) {
        return new UserJson(id, displayName, "spotify:user:" + id, accountId, "user", api + "/users/" + id);
    }
}
