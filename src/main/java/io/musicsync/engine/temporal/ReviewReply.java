package io.musicsync.engine.temporal;

/**
 * A person's answer to a sync's review, as the {@link MusicSyncWorkflow#ANSWER_REVIEW} update carries it.
 *
 * @param trackUri the chosen track, or null for "not on Spotify"
 */
public record ReviewReply(String trackUri) {}
