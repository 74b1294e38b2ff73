package io.musicsync.activities;

/**
 * One sync's request to the playlist writer.
 *
 * @param requestId who asks (the sync's id in Temporal mode): the same request delivered twice gets the same answer
 * @param trackUri the decided track
 */
public record AddRequest(String requestId, String trackUri) {}
