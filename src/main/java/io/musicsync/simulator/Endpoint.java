package io.musicsync.simulator;

import java.util.Set;

/**
 * The simulated endpoints, named as in the request statistics and, where they can fail on demand, in faults; with
 * the scopes a token needs for them (any one of the set).
 */
enum Endpoint {
    SEARCH("search", "search", Set.of()),
    TRACK("track", null, Set.of()),
    PLAYLIST("playlist", null, Set.of()),
    // The scope these need depends on the playlist's visibility: their routes check it.
    ITEMS("items", "items", Set.of()),
    ADD("add", "add", Set.of()),
    REMOVE("remove", null, Set.of()),
    CHANGE_DETAILS("change_details", null, Set.of()),
    LEGACY_TRACKS("legacy_tracks", null, Set.of()),
    REMOVED("removed", null, Set.of()),
    ME("me", "me", Set.of()),
    MY_PLAYLISTS("my_playlists", null, Scopes.READ),
    CREATE_PLAYLIST("create_playlist", null, Set.of()),
    TOKEN("token", "token", Set.of()),
    AUTHORIZE("authorize", null, Set.of());

    private static final class Scopes {
        static final Set<String> READ = Set.of("playlist-read-private", "playlist-read-collaborative");
    }

    private final String statName;
    private final String faultName;
    // Always a Set.of, immutable, which Error Prone cannot see.
    @SuppressWarnings("ImmutableEnumChecker")
    private final Set<String> scopes;

    Endpoint(String statName, String faultName, Set<String> scopes) {
        this.statName = statName;
        this.faultName = faultName;
        this.scopes = scopes;
    }

    Set<String> scopes() {
        return scopes;
    }

    String statName() {
        return statName;
    }

    /** The name a {@link Fault} uses for this endpoint; null when only {@code any} reaches it. */
    String faultName() {
        return faultName;
    }
}
