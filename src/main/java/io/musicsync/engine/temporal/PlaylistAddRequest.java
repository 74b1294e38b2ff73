package io.musicsync.engine.temporal;

/**
 * A sync's request to its playlist's {@link PlaylistWriterWorkflow}, sent by signal-with-start.
 *
 * @param syncId the sync's workflow id: the writer answers it there, and a request sent twice gets one answer kind
 */
public record PlaylistAddRequest(String playlistId, String syncId, String trackUri) {}
