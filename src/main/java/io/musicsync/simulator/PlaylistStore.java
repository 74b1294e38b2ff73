package io.musicsync.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/** Playlists in memory. Each change is atomic per playlist (concurrent adds never lose an entry). */
final class PlaylistStore {

    private final ConcurrentMap<String, Playlist> playlists = new ConcurrentHashMap<>();
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
        playlists.put(playlist.id(), playlist);
        return playlist;
    }

    Optional<Playlist> find(String id) {
        return Optional.ofNullable(playlists.get(id));
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
        Playlist changed = playlists.computeIfPresent(
                playlistId, (id, current) -> current.withEntries(newEntries.apply(current), newSnapshotId()));
        if (changed == null) {
            throw new NoSuchElementException(playlistId);
        }
        return changed;
    }

    void clear() {
        playlists.clear();
    }

    /** Spotify snapshot ids are opaque base64 strings; ours start with a version so they sort by age. */
    private String newSnapshotId() {
        String raw = "%012d".formatted(versions.incrementAndGet()) + ids.random();
        return Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }
}
