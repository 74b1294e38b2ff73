package io.musicsync.simulator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Spotify Web API and accounts service in one small HTTP server, with a sample catalog and playlists in memory,
 * speaking the 2026 Development-Mode wire format. Used in-process by tests and the demo, and standalone through
 * {@code ./music-sync simulator}. Every setter here acts at once on a running simulator and is thread-safe.
 */
public final class SpotifySimulator implements AutoCloseable {

    /** The simulated user, owner of the playlists made through this API. */
    public static final String USER_ID = "simulated-listener";

    public static final String USER_DISPLAY_NAME = "Simulated Listener";
    /**
     * The registered client and a working refresh token (with all the scopes music-sync needs), ready for the demo
     * and tests; others are refused as Spotify refuses them, unless registered ({@link #registerClient},
     * {@link #addRefreshToken}).
     */
    public static final String DEFAULT_CLIENT_ID = "music-sync-simulator";

    public static final String DEFAULT_CLIENT_SECRET = "simulator-client-secret";
    public static final String DEFAULT_REFRESH_TOKEN = "simulator-refresh-token";

    private static final Logger LOG = LoggerFactory.getLogger(SpotifySimulator.class);

    private final SimulatorOptions options;
    private final Catalog catalog;
    private final PlaylistStore playlists;
    private final TokenAuthority tokens;
    private final RequestStats requestStats = new RequestStats();
    private final FaultInjector faults = new FaultInjector();
    private final RateLimiter rateLimiter;
    private final RequestGuard guard;
    private final SearchRoutes search;
    private final Javalin app;

    private SpotifySimulator(SimulatorOptions options) {
        this.options = options;
        List<TrackJson> sample = options.loadCatalog()
                ? CatalogFile.loadDefault().stream().map(CatalogEntry::toTrack).toList()
                : List.of();
        this.catalog = new Catalog(sample);
        this.playlists = new PlaylistStore(new SpotifyIds(), options.clock(), options.consistencyLag());
        this.tokens = new TokenAuthority(options.clock(), options);
        this.rateLimiter = new RateLimiter(options.clock());
        this.guard = new RequestGuard(requestStats, rateLimiter, faults, tokens);
        ObjectMapper json = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        this.app = Javalin.create(config -> {
            config.useVirtualThreads = true;
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.jsonMapper(new JavalinJackson(json, true));
        });
        JsonBody body = new JsonBody(json);
        this.search = new SearchRoutes(catalog, guard, options.isrcMissShare());
        search.register(app);
        new PlaylistRoutes(catalog, playlists, guard, json).register(app);
        new RemovedEndpoints(guard).register(app);
        new UserRoutes(playlists, guard, body).register(app);
        new AccountsRoutes(tokens, guard).register(app);
        new ControlRoutes(this, json).register(app);
        registerErrorHandlers();
    }

    /** Starts a simulator; {@code options.port() == 0} picks a free port. */
    public static SpotifySimulator start(SimulatorOptions options) {
        SpotifySimulator simulator = new SpotifySimulator(options);
        simulator.app.start(options.host(), options.port());
        return simulator;
    }

    private void registerErrorHandlers() {
        app.exception(
                ApiException.class, (e, ctx) -> ctx.status(e.status()).json(ErrorJson.of(e.status(), e.getMessage())));
        app.exception(HttpResponseException.class, (e, ctx) -> {
            String message = e.getStatus() == 404 ? "Service not found" : e.getMessage();
            ctx.status(e.getStatus()).json(ErrorJson.of(e.getStatus(), message));
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("simulator failed on {} {}", ctx.method(), ctx.path(), e);
            ctx.status(500).json(ErrorJson.of(500, "Server error"));
        });
    }

    @Override
    public void close() {
        app.stop();
    }

    public int port() {
        return app.port();
    }

    /** The Web API base, e.g. {@code http://127.0.0.1:8090/v1}. */
    public URI apiUrl() {
        return URI.create(baseUrl() + "/v1");
    }

    /** The accounts service base: {@code /authorize} and {@code /api/token} live under it. */
    public URI accountsUrl() {
        return URI.create(baseUrl());
    }

    private String baseUrl() {
        String host = options.host();
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        } else if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port();
    }

    // ---- catalog

    /** Adds songs to the catalog (searchable at once); returns the track objects with their synthetic ids. */
    public List<TrackJson> addTracks(List<CatalogEntry> entries) {
        return catalog.add(entries.stream().map(CatalogEntry::toTrack).toList());
    }

    /** Adds Spotify track objects as given; missing ids are derived. Returns them as stored. */
    public List<TrackJson> addCatalogTracks(List<TrackJson> tracks) {
        return catalog.add(tracks);
    }

    /**
     * Search leaves out these tracks ({@code spotify:track:} URIs) from now on, replacing any hidden before; an
     * empty collection shows everything again.
     */
    public void hideTracks(Collection<String> uris) {
        catalog.hide(uris.stream()
                .map(uri -> uri.substring(uri.lastIndexOf(':') + 1))
                .collect(Collectors.toSet()));
    }

    /** Searches the catalog exactly as {@code GET /search} does, all results in rank order. */
    public List<TrackJson> search(String q) {
        return search.search(q);
    }

    /** The share (0-1) of ISRCs whose {@code isrc:} search finds nothing. */
    public void setIsrcMissShare(double share) {
        search.setIsrcMissShare(share);
    }

    /** Whether {@code isrc:} search for this ISRC finds nothing (with the share in force). */
    public boolean isrcMisses(String isrc) {
        return search.isrcMisses(isrc);
    }

    // ---- playlists

    /** Creates an empty playlist owned by the simulated user and returns its 22-character id. */
    public String createPlaylist(String name) {
        return createPlaylist(name, USER_ID);
    }

    /**
     * Creates a public playlist owned by another user: the simulated user may see it but neither read nor change
     * its items (unless {@link #makeCollaborative} makes the simulated user a collaborator).
     */
    public String createPlaylist(String name, String ownerId) {
        return playlists.create(name, "", true, ownerId).id();
    }

    /** Creates a private playlist owned by the simulated user. */
    public String createPrivatePlaylist(String name) {
        return playlists.create(name, "", false, USER_ID).id();
    }

    /** The simulated user follows the playlist: {@code /me/playlists} lists it. */
    public void followPlaylist(String playlistId) {
        playlists.follow(playlistId);
    }

    /** Makes the playlist collaborative (so private), with the simulated user as a collaborator. */
    public void makeCollaborative(String playlistId) {
        playlists.changeDetails(playlistId, null, null, false, true);
    }

    /** Renames the playlist: a metadata-only edit, which gives it a new snapshot id as on Spotify. */
    public String renamePlaylist(String playlistId, String name) {
        return playlists.changeDetails(playlistId, name, null, null, null).snapshotId();
    }

    /**
     * The track URIs of a playlist, in order, duplicates included: its true state, without read-after-write lag.
     *
     * @throws NoSuchElementException for an unknown playlist
     */
    public List<String> playlistUris(String playlistId) {
        return current(playlistId).uris();
    }

    /**
     * Appends URIs to a playlist directly, without the HTTP checks (so also local files {@code spotify:local:...},
     * episodes {@code spotify:episode:<id>} and URIs of tracks not in the catalog, which read as null); returns the
     * new snapshot id.
     */
    public String addToPlaylist(String playlistId, List<String> uris) {
        return playlists.add(playlistId, uris, null, USER_ID).snapshotId();
    }

    /** The playlist's true snapshot id (reads may show an older one for the lag). */
    public String snapshotId(String playlistId) {
        return current(playlistId).snapshotId();
    }

    private Playlist current(String playlistId) {
        return playlists.current(playlistId).orElseThrow(() -> new NoSuchElementException(playlistId));
    }

    /** How long playlist reads lag behind changes (read-after-write lag); zero shows every change at once. */
    public void setConsistencyLag(Duration lag) {
        playlists.setConsistencyLag(lag);
    }

    // ---- traffic: statistics, faults, latency, rate limit

    public SimulatorStats stats() {
        return requestStats.snapshot();
    }

    /** The next {@code fault.count()} matching calls fail as described. */
    public void injectFault(Fault fault) {
        faults.inject(fault);
    }

    /** Delay added to every call (the server thread waits; the client sees a slow Spotify). */
    public void setLatency(Duration latency) {
        guard.setLatency(latency);
    }

    /**
     * Budget mode: at most {@code requests} API calls per rolling {@code window}; the call that finds the budget
     * spent, and every call until {@code retryAfter} has passed, gets 429 with {@code Retry-After}.
     */
    public void setRateLimit(int requests, Duration window, Duration retryAfter) {
        setRateLimit(requests, window, retryAfter, 0);
    }

    /**
     * Budget mode as above, with a share (0-1) of its 429s sent without Retry-After: then calls are refused, again
     * without the header, for {@code retryAfter}, and the client must find the wait by backing off.
     */
    public void setRateLimit(int requests, Duration window, Duration retryAfter, double withoutRetryAfterShare) {
        rateLimiter.setBudget(requests, window, retryAfter, withoutRetryAfterShare);
    }

    public void clearRateLimit() {
        rateLimiter.clear();
    }

    // ---- tokens

    /** Registers another client id with its secret (the token endpoint refuses unknown clients). */
    public void registerClient(String clientId, String clientSecret) {
        tokens.registerClient(clientId, clientSecret);
    }

    /** Makes {@code refreshToken} work, with all the scopes music-sync needs. */
    public void addRefreshToken(String refreshToken) {
        addRefreshToken(refreshToken, TokenAuthority.SCOPES);
    }

    /** Makes {@code refreshToken} work, with these scopes (space-separated). */
    public void addRefreshToken(String refreshToken, String scope) {
        tokens.addRefreshToken(refreshToken, scope);
    }

    public void setAccessTokenLifetime(Duration lifetime) {
        tokens.setAccessTokenLifetime(lifetime);
    }

    /** Every access token issued so far is expired from now on (the next call gets 401). */
    public void expireAccessTokens() {
        tokens.expireAccessTokens();
    }

    /** With rotation, each refresh returns a new refresh token and the presented one stops working. */
    public void setRotateRefreshTokens(boolean rotate) {
        tokens.setRotateRefreshTokens(rotate);
    }

    /** While on, every refresh answers 400 invalid_grant ("Refresh token revoked"), as after six months. */
    public void setInvalidGrant(boolean on) {
        tokens.setInvalidGrant(on);
    }

    /**
     * Back to the state after start: the sample catalog only, no playlists, faults, latency, rate limit or
     * statistics, token settings, lag and ISRC misses from the options (only the default client and refresh token).
     * Tokens already issued stay valid.
     */
    public void reset() {
        playlists.setConsistencyLag(options.consistencyLag());
        search.setIsrcMissShare(options.isrcMissShare());
        catalog.reset();
        playlists.clear();
        faults.clear();
        rateLimiter.clear();
        guard.setLatency(Duration.ZERO);
        tokens.resetSettings();
        requestStats.clear();
    }
}
