package io.musicsync.spotify.simulator;

/** The simulated endpoints, named as in the request statistics and, where they can fail on demand, in faults. */
enum Endpoint {
    SEARCH("search", "search"),
    TRACK("track", null),
    PLAYLIST("playlist", null),
    ITEMS("items", "items"),
    ADD("add", "add"),
    REMOVE("remove", null),
    LEGACY_TRACKS("legacy_tracks", null),
    ME("me", "me"),
    MY_PLAYLISTS("my_playlists", null),
    CREATE_PLAYLIST("create_playlist", null),
    TOKEN("token", "token"),
    AUTHORIZE("authorize", null);

    private final String statName;
    private final String faultName;

    Endpoint(String statName, String faultName) {
        this.statName = statName;
        this.faultName = faultName;
    }

    String statName() {
        return statName;
    }

    /** The name a {@link Fault} uses for this endpoint; null when only {@code any} reaches it. */
    String faultName() {
        return faultName;
    }
}
