package io.musicsync.engine.temporal;

import io.musicsync.sync.SyncRequest;

/**
 * What the list of syncs shows of a sync's request, put in the workflow's memo at start (the list reads memos, not
 * every workflow's history). Syncs started before the memo existed list these as null.
 */
public record SyncMemo(String trackName, String artist, String playlistId) {

    static final String MEMO_KEY = "sync";

    static SyncMemo of(SyncRequest request) {
        return new SyncMemo(request.song().title(), request.song().artist(), request.playlistId());
    }
}
