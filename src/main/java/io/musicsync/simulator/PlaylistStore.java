package io.musicsync.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Playlists in memory, with Spotify's read-after-write lag: a change is made at once (concurrent adds never lose an
 * entry, and the 201 carries the new snapshot id), but reads ({@link #visible}) show each change only
 * {@code consistencyLag} after it was made. The true state ({@link #current}) is for writes and for tests.
 */
final class PlaylistStore {

    /** Versions kept per playlist for lagged reads; older ones are dropped once a newer one is visible. */
    private static final int MAX_VERSIONS = 256;

    /** A state of a playlist and the instant it was made. */
    private record Version(Instant madeAt, Playlist state) {}

    /** A playlist's versions, oldest first; the last is the true state. */
    private record History(List<Version> versions) {
        Playlist current() {
            return versions.getLast().state();
        }

        History then(Version next, Instant visibleBefore) {
            List<Version> kept = new ArrayList<>(versions);
            kept.add(next);
            // Drop versions superseded by a newer one that is already visible.
            while (kept.size() > 1
                    && (kept.size() > MAX_VERSIONS || !kept.get(1).madeAt().isAfter(visibleBefore))) {
                kept.removeFirst();
            }
            return new History(List.copyOf(kept));
        }

        Playlist visibleAt(Instant visibleBefore) {
            Playlist visible = versions.getFirst().state();
            for (Version v : versions) {
                if (!v.madeAt().isAfter(visibleBefore)) {
                    visible = v.state();
                }
            }
            return visible;
        }
    }

    private final ConcurrentMap<String, History> playlists = new ConcurrentHashMap<>();
    private final Set<String> followed = ConcurrentHashMap.newKeySet();
    private final AtomicLong versions = new AtomicLong();
    private final AtomicLong creations = new AtomicLong();
    private final SpotifyIds ids;
    private final Clock clock;
    private volatile Duration consistencyLag;

    PlaylistStore(SpotifyIds ids, Clock clock, Duration consistencyLag) {
        this.ids = ids;
        this.clock = clock;
        this.consistencyLag = consistencyLag;
    }

    void setConsistencyLag(Duration lag) {
        if (lag.isNegative()) {
            throw new IllegalArgumentException("the consistency lag must not be negative");
        }
        consistencyLag = lag;
    }

    Duration consistencyLag() {
        return consistencyLag;
    }

    /** Creates a playlist; it is visible at once (only changes lag). */
    Playlist create(String name, String description, boolean isPublic, String ownerId) {
        Playlist playlist = new Playlist(
                ids.random(),
                name,
                description == null ? "" : description,
                isPublic,
                false,
                ownerId,
                creations.incrementAndGet(),
                newSnapshotId(),
                List.of());
        playlists.put(playlist.id(), new History(List.of(new Version(Instant.MIN, playlist))));
        return playlist;
    }

    /** The playlist as reads see it now: without the changes of the last {@code consistencyLag}. */
    Optional<Playlist> visible(String id) {
        History history = playlists.get(id);
        return history == null ? Optional.empty() : Optional.of(history.visibleAt(visibleBefore()));
    }

    /** The true, latest state. */
    Optional<Playlist> current(String id) {
        return Optional.ofNullable(playlists.get(id)).map(History::current);
    }

    /** Playlists the user owns or follows, oldest first, as reads see them. */
    List<Playlist> listedFor(String userId) {
        Instant before = visibleBefore();
        return playlists.entrySet().stream()
                .filter(e -> e.getValue().current().ownedBy(userId) || followed.contains(e.getKey()))
                .map(e -> e.getValue().visibleAt(before))
                .sorted(Comparator.comparingLong(Playlist::creationOrder))
                .toList();
    }

    void follow(String playlistId) {
        if (!playlists.containsKey(playlistId)) {
            throw new NoSuchElementException(playlistId);
        }
        followed.add(playlistId);
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
            return current.withEntries(entries, newSnapshotId());
        });
    }

    /** Removes every occurrence of the URIs and returns the new state. */
    Playlist remove(String playlistId, List<String> uris) {
        return change(
                playlistId,
                current -> current.withEntries(
                        current.entries().stream()
                                .filter(e -> !uris.contains(e.uri()))
                                .toList(),
                        newSnapshotId()));
    }

    /** Changes name, description, visibility: a new snapshot id though no item changed, as on Spotify. */
    Playlist changeDetails(String playlistId, String name, String description, Boolean isPublic, Boolean collab) {
        return change(
                playlistId,
                current -> current.withDetails(
                        name == null ? current.name() : name,
                        description == null ? current.description() : description,
                        isPublic == null ? current.isPublic() : isPublic,
                        collab == null ? current.collaborative() : collab,
                        newSnapshotId()));
    }

    private Playlist change(String playlistId, UnaryOperator<Playlist> next) {
        Instant now = clock.instant();
        Instant before = visibleBefore();
        History changed = playlists.computeIfPresent(
                playlistId, (id, history) -> history.then(new Version(now, next.apply(history.current())), before));
        if (changed == null) {
            throw new NoSuchElementException(playlistId);
        }
        return changed.current();
    }

    private Instant visibleBefore() {
        return clock.instant().minus(consistencyLag);
    }

    void clear() {
        playlists.clear();
        followed.clear();
    }

    /** Spotify snapshot ids are opaque base64 strings; ours start with a version so they sort by age. */
    private String newSnapshotId() {
        String raw = "%012d".formatted(versions.incrementAndGet()) + ids.random();
        return Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }
}
