package io.musicsync.mcp;

import io.musicsync.activities.PlaylistWriters;
import io.musicsync.api.SyncRequestParser;
import io.musicsync.domain.PlaylistDirectory;
import io.musicsync.domain.PlaylistService;
import io.musicsync.domain.TrackSearch;
import io.musicsync.engine.SyncEngine;
import java.time.Clock;
import java.util.function.BooleanSupplier;

/**
 * What the tools work through, as the composition root wires it: the engine for syncs, the domain's ports for the
 * catalog and playlists, and the process's playlist writers for adds.
 *
 * @param parser the HTTP API's validation of a sync request, so both surfaces accept exactly the same songs
 * @param defaultPlaylistId {@code DEFAULT_PLAYLIST_ID}, or null
 */
public record McpServices(
        SyncEngine engine,
        TrackSearch catalog,
        PlaylistDirectory directory,
        PlaylistService playlists,
        PlaylistWriters writers,
        SyncRequestParser parser,
        BooleanSupplier aiAvailable,
        String defaultPlaylistId,
        Clock clock) {}
