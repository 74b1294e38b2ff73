package io.musicsync.mcp;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The ids of the syncs this server started, newest first and bounded. The engine has no listing of its own yet;
 * once it has, {@code list_recent_syncs} reads that instead and this goes.
 */
final class RecentSyncs {

    private final int capacity;
    private final Deque<String> ids = new ArrayDeque<>();

    RecentSyncs(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(String syncId) {
        ids.remove(syncId);
        ids.addFirst(syncId);
        while (ids.size() > capacity) {
            ids.removeLast();
        }
    }

    synchronized List<String> newest(int limit) {
        return ids.stream().limit(limit).toList();
    }
}
