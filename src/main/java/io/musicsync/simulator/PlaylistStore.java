package io.musicsync.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Playlists in memory. Each change is atomic per playlist (concurrent adds never lose an entry). Reads may lag
 * behind writes as Spotify's do ({@link #setConsistencyLag}): {@link #visible} shows the newest version that is at
 * least the lag old, {@link #find} the latest.
 */
final class PlaylistStore {

    private final ConcurrentMap<String, Playlist> playlists = new ConcurrentHashMap<>();
    /** Each playlist's versions still within the lag, oldest first (the first one is always visible). */
    private final ConcurrentMap<String, Deque<Published>> published = new ConcurrentHashMap<>();

    private volatile Duration consistencyLag = Duration.ZERO;
    private final AtomicLong versions = new AtomicLong();
    private final AtomicLong creations = new AtomicLong();
    private final SpotifyIds ids;
    private final Clock clock;

    PlaylistStore(SpotifyIds ids, Clock clock) {
        this.ids = ids;
        this.clock = clock;
    }

    Playlist create(String name, String description, boolean isPublic, String ownerId) {
        Playlist playlist = new Playlist(
                ids.random(),
                name,
                description == null ? "" : description,
                isPublic,
                ownerId,
                creations.incrementAndGet(),
                newSnapshotId(),
                List.of());
        Deque<Published> first = new ArrayDeque<>();
        first.add(new Published(playlist, Instant.MIN)); // a new playlist is visible at once
        published.put(playlist.id(), first);
        playlists.put(playlist.id(), playlist);
        return playlist;
    }

    /** The latest version, as writes see it. */
    Optional<Playlist> find(String id) {
        return Optional.ofNullable(playlists.get(id));
    }

    /** The version reads see: the newest one published at least the consistency lag ago. */
    Optional<Playlist> visible(String id) {
        Playlist latest = playlists.get(id);
        Deque<Published> shownVersions = published.get(id);
        if (latest == null || shownVersions == null || consistencyLag.isZero()) {
            return Optional.ofNullable(latest);
        }
        Instant cutoff = clock.instant().minus(consistencyLag);
        synchronized (shownVersions) {
            Playlist shown = shownVersions.getFirst().playlist();
            for (Published version : shownVersions) {
                if (version.at().isAfter(cutoff)) {
                    break;
                }
                shown = version.playlist();
            }
            return Optional.of(shown);
        }
    }

    /** How long a write takes to show in reads (Spotify: seconds, reported up to about 30 s). */
    void setConsistencyLag(Duration lag) {
        consistencyLag = lag;
    }

    /** Playlists owned by the user, oldest first. */
    List<Playlist> ownedBy(String userId) {
        return playlists.values().stream()
                .filter(p -> p.ownerId().equals(userId))
                .sorted(Comparator.comparingLong(Playlist::creationOrder))
                .toList();
    }

    /**
     * Inserts the URIs at {@code position} (null = append) and returns the new state.
     *
     * @throws NoSuchElementException when the playlist does not exist
     */
    Playlist add(String playlistId, List<String> uris, Integer position, String userId) {
        return change(playlistId, current -> {
            List<PlaylistEntry> entries = new ArrayList<>(current.entries());
            int at = position == null ? entries.size() : Math.min(position, entries.size());
            List<PlaylistEntry> added = uris.stream()
                    .map(uri -> new PlaylistEntry(uri, clock.instant(), userId))
                    .toList();
            entries.addAll(at, added);
            return entries;
        });
    }

    /** Removes every occurrence of the URIs and returns the new state. */
    Playlist remove(String playlistId, List<String> uris) {
        return change(
                playlistId,
                current -> current.entries().stream()
                        .filter(e -> !uris.contains(e.uri()))
                        .toList());
    }

    private Playlist change(String playlistId, Function<Playlist, List<PlaylistEntry>> newEntries) {
        Playlist changed = playlists.computeIfPresent(playlistId, (id, current) -> {
            Playlist next = current.withEntries(newEntries.apply(current), newSnapshotId());
            publish(next);
            return next;
        });
        if (changed == null) {
            throw new NoSuchElementException(playlistId);
        }
        return changed;
    }

    private void publish(Playlist version) {
        Deque<Published> shownVersions = published.get(version.id());
        if (shownVersions == null) {
            return;
        }
        Instant now = clock.instant();
        Instant cutoff = now.minus(consistencyLag);
        synchronized (shownVersions) {
            shownVersions.addLast(new Published(version, now));
            // Keep the newest version already visible and those after it.
            while (shownVersions.size() > 1) {
                Published first = shownVersions.removeFirst();
                if (shownVersions.getFirst().at().isAfter(cutoff)) {
                    shownVersions.addFirst(first);
                    break;
                }
            }
        }
    }

    void clear() {
        playlists.clear();
        published.clear();
        consistencyLag = Duration.ZERO;
    }

    private record Published(Playlist playlist, Instant at) {}

    /** Spotify snapshot ids are opaque base64 strings; ours start with a version so they sort by age. */
    private String newSnapshotId() {
        String raw = "%012d".formatted(versions.incrementAndGet()) + ids.random();
        return Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }
}
