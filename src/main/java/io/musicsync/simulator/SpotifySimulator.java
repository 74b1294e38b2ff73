package io.musicsync.simulator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
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
    /** Any client id, secret and refresh token are accepted; these are ready-made ones for the demo. */
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
    private final Javalin app;

    private SpotifySimulator(SimulatorOptions options) {
        this.options = options;
        List<TrackJson> sample = options.loadCatalog()
                ? CatalogFile.loadDefault().stream().map(CatalogEntry::toTrack).toList()
                : List.of();
        this.catalog = new Catalog(sample);
        this.playlists = new PlaylistStore(new SpotifyIds(), options.clock());
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
        new SearchRoutes(catalog, guard).register(app);
        new PlaylistRoutes(catalog, playlists, guard, body).register(app);
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

    /** Searches the catalog exactly as {@code GET /search} does, all results in rank order. */
    public List<TrackJson> search(String q) {
        return catalog.search(SearchQuery.parse(q));
    }

    // ---- playlists

    /** Creates an empty playlist owned by the simulated user and returns its 22-character id. */
    public String createPlaylist(String name) {
        return createPlaylist(name, USER_ID);
    }

    /** Creates a playlist owned by another user: the simulated user may read it but not change its items. */
    public String createPlaylist(String name, String ownerId) {
        return playlists.create(name, "", true, ownerId).id();
    }

    /**
     * The track URIs of a playlist, in order, duplicates included.
     *
     * @throws NoSuchElementException for an unknown playlist
     */
    public List<String> playlistUris(String playlistId) {
        return playlists
                .find(playlistId)
                .orElseThrow(() -> new NoSuchElementException(playlistId))
                .uris();
    }

    /** Appends URIs to a playlist directly, without the HTTP checks; returns the new snapshot id. */
    public String addToPlaylist(String playlistId, List<String> uris) {
        return playlists.add(playlistId, uris, null, USER_ID).snapshotId();
    }

    /** The playlist's current snapshot id. */
    public String snapshotId(String playlistId) {
        return playlists
                .find(playlistId)
                .orElseThrow(() -> new NoSuchElementException(playlistId))
                .snapshotId();
    }

    /**
     * Read-after-write lag: reads of a playlist (its snapshot id and its items) show a write only this long after
     * it, as Spotify's do. Zero (the default) shows writes at once. {@link #playlistUris} always shows the latest.
     */
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
        rateLimiter.setBudget(requests, window, retryAfter);
    }

    public void clearRateLimit() {
        rateLimiter.clear();
    }

    // ---- tokens

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
     * statistics, token settings from the options. Tokens already issued stay valid.
     */
    public void reset() {
        catalog.reset();
        playlists.clear();
        faults.clear();
        rateLimiter.clear();
        guard.setLatency(Duration.ZERO);
        tokens.resetSettings();
        requestStats.clear();
    }
}
