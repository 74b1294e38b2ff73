package io.musicsync.engine.temporal;

import io.musicsync.domain.PlaylistPage;
import io.musicsync.domain.PlaylistService;
import io.temporal.activity.ActivityInterface;
import java.util.List;

/**
 * The playlist writer's activities: the {@link PlaylistService} calls as activities (each result with its attempt,
 * so retries are counted), and the signal-with-start by which a sync hands its track to the writer (workflow code
 * cannot signal-with-start). Type names: {@code RequestPlaylistAdd}, {@code PlaylistSnapshot}, ...
 */
@ActivityInterface
public interface PlaylistWriterActivities {

    Attempted<Void> requestPlaylistAdd(PlaylistAddRequest request);

    Attempted<String> playlistSnapshot(String playlistId);

    Attempted<PlaylistPage> playlistItems(String playlistId, int offset, int limit);

    Attempted<List<String>> allPlaylistUris(String playlistId);

    Attempted<String> addItems(String playlistId, List<String> uris);
}
