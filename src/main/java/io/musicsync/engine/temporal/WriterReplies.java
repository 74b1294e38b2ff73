package io.musicsync.engine.temporal;

import java.util.HashMap;
import java.util.Map;

/** The answers a sync's workflow has received from its playlist's writer, by track. Workflow state. */
final class WriterReplies {

    private final Map<String, PlaylistAddReply> byTrack = new HashMap<>();

    /** The first answer counts; one to a request sent again is the same kind of answer. */
    void deliver(PlaylistAddReply reply) {
        byTrack.putIfAbsent(reply.trackUri(), reply);
    }

    boolean has(String trackUri) {
        return byTrack.containsKey(trackUri);
    }

    PlaylistAddReply take(String trackUri) {
        return byTrack.remove(trackUri);
    }
}
