package io.musicsync.activities;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a playlist's writer knows of its playlist: the entries as last read plus the ones it added since, the
 * snapshot ids that differ from that read only by its own adds, and who asked for each track it added. Its own
 * record is the truth for its own adds: Spotify shows a write through its reads only seconds later, so a read may
 * lack them. Immutable, ordered and plain data, so it is also the Temporal writer workflow's state (deterministic
 * iteration, carried across continue-as-new).
 *
 * @param contents the entries' URIs in playlist order ("" for entries that are not catalog tracks)
 * @param knownSnapshots the versions the contents are true for, newest last (at most {@link #KEPT_SNAPSHOTS})
 * @param addedBy the URIs this writer added, each with the request that asked for it
 * @param rereadNeeded an add failed with an unknown outcome: read the whole playlist before trusting the contents
 */
public record WriterLedger(
        List<String> contents, List<String> knownSnapshots, Map<String, String> addedBy, boolean rereadNeeded) {

    static final int KEPT_SNAPSHOTS = 20;

    public WriterLedger {
        contents = List.copyOf(contents);
        knownSnapshots = List.copyOf(knownSnapshots);
        // Insertion order, never a hash order: the workflow iterates it and must replay the same way.
        addedBy = Collections.unmodifiableMap(new LinkedHashMap<>(addedBy));
    }

    public static WriterLedger empty() {
        return new WriterLedger(List.of(), List.of(), Map.of(), true);
    }

    /** Whether the contents are true for this version of the playlist (nobody else changed it since our read). */
    boolean knows(String snapshotId) {
        return !rereadNeeded && knownSnapshots.contains(snapshotId);
    }

    /** After a whole read: what it shows, plus our adds it does not show yet. */
    WriterLedger withRead(String snapshotId, List<String> uris) {
        List<String> read = new ArrayList<>(uris.size() + addedBy.size());
        for (String uri : uris) {
            read.add(uri == null ? "" : uri);
        }
        Set<String> shown = new HashSet<>(read);
        List<String> notShownYet =
                addedBy.keySet().stream().filter(uri -> !shown.contains(uri)).toList();
        read.addAll(notShownYet);
        return new WriterLedger(read, List.of(snapshotId), addedBy, false);
    }

    /** After an add the service accepted: the tracks are at the end, and the new version is one of ours. */
    WriterLedger withAdded(List<AddRequest> added, String newSnapshotId) {
        List<String> more = new ArrayList<>(contents);
        Map<String, String> by = new LinkedHashMap<>(addedBy);
        for (AddRequest request : added) {
            more.add(request.trackUri());
            by.put(request.trackUri(), request.requestId());
        }
        List<String> snapshots = new ArrayList<>(knownSnapshots);
        snapshots.add(newSnapshotId);
        if (snapshots.size() > KEPT_SNAPSHOTS) {
            snapshots = snapshots.subList(snapshots.size() - KEPT_SNAPSHOTS, snapshots.size());
        }
        return new WriterLedger(more, snapshots, by, false);
    }

    /** After a failed add: it may have reached the playlist, so the next batch reads the whole playlist first. */
    public WriterLedger withRereadNeeded() {
        return new WriterLedger(contents, knownSnapshots, addedBy, true);
    }

    /** Each URI's first position, for look-ups (never iterated). */
    Map<String, Integer> positions() {
        Map<String, Integer> positions = new HashMap<>(contents.size() * 2);
        for (int i = 0; i < contents.size(); i++) {
            positions.putIfAbsent(contents.get(i), i);
        }
        return positions;
    }
}
