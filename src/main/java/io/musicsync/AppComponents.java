package io.musicsync;

import io.musicsync.activities.BatchWindow;
import io.musicsync.activities.JournaledPlaylistService;
import io.musicsync.activities.PlaylistWriters;
import io.musicsync.activities.SyncActivitiesImpl;
import io.musicsync.ai.Disambiguator;
import io.musicsync.ai.Disambiguators;
import io.musicsync.api.ApiExtension;
import io.musicsync.api.ApiLimits;
import io.musicsync.api.ApiServer;
import io.musicsync.api.DocsRoutes;
import io.musicsync.api.HealthCheck;
import io.musicsync.api.HealthRoute;
import io.musicsync.api.ImportRoutes;
import io.musicsync.api.MetricsRoute;
import io.musicsync.api.ReviewRoutes;
import io.musicsync.api.ServletMount;
import io.musicsync.api.SyncRequestParser;
import io.musicsync.api.SyncRoutes;
import io.musicsync.config.EngineKind;
import io.musicsync.config.Settings;
import io.musicsync.domain.DecisionMemory;
import io.musicsync.domain.PlaylistService;
import io.musicsync.domain.RetryAfterJournal;
import io.musicsync.domain.Sleeper;
import io.musicsync.engine.SyncEngine;
import io.musicsync.engine.standalone.JournalPolicy;
import io.musicsync.engine.standalone.RetryRunner;
import io.musicsync.engine.standalone.StandaloneEngine;
import io.musicsync.engine.temporal.MusicSyncWorkflow;
import io.musicsync.engine.temporal.TemporalConnection;
import io.musicsync.engine.temporal.TemporalEngine;
import io.musicsync.engine.temporal.TemporalImports;
import io.musicsync.engine.temporal.TemporalWorker;
import io.musicsync.importer.JournaledImports;
import io.musicsync.importer.PlaylistCreator;
import io.musicsync.importer.RowResolvers;
import io.musicsync.imports.Imports;
import io.musicsync.matching.Matcher;
import io.musicsync.matching.PrecisionMatcher;
import io.musicsync.mcp.McpEndpoints;
import io.musicsync.mcp.McpServices;
import io.musicsync.metrics.EngineGauges;
import io.musicsync.metrics.MeteredActivities;
import io.musicsync.metrics.MeteredPlaylistService;
import io.musicsync.metrics.Metrics;
import io.musicsync.metrics.ServiceCallMetrics;
import io.musicsync.metrics.SyncMetrics;
import io.musicsync.metrics.TemporalMetrics;
import io.musicsync.metrics.TemporalSyncObserver;
import io.musicsync.spotify.SpotifyHealth;
import io.musicsync.spotify.SpotifyModule;
import io.musicsync.store.ImportStore;
import io.musicsync.store.InMemoryDecisionMemory;
import io.musicsync.store.InMemoryImportStore;
import io.musicsync.store.InMemorySyncStore;
import io.musicsync.store.SqliteAddJournal;
import io.musicsync.store.SqliteDatabase;
import io.musicsync.store.SqliteDecisionMemory;
import io.musicsync.store.SqliteImportStore;
import io.musicsync.store.SqliteRetryAfterJournal;
import io.musicsync.store.SqliteSyncStore;
import io.musicsync.store.SyncStore;
import io.musicsync.sync.SyncActivities;
import io.musicsync.sync.SyncPipeline;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The composition root: builds the object graph from the settings, explicitly, in one place. The edges
 * (Spotify's URLs, the AI provider's URL and key, the clock, the standalone retry sleeper) come from the settings
 * and the arguments, so tests build this same graph against the simulator and fake LLM servers.
 */
public final class AppComponents {

    /** The project version, from the build (written once, in the pom). */
    public static final String VERSION = BuildVersion.read();

    private final Settings settings;
    private final Clock clock;
    /** Waits between standalone retries; the rate-limit gate always waits for real (its waits are the point). */
    private final Sleeper retrySleeper;
    /** How long each playlist's writer collects requests before it writes them (both modes). */
    private final BatchWindow batchWindow;

    /** This process's metrics: every instrument below records into it; {@code /metrics} shows it. */
    private final Metrics metrics = new Metrics("music-sync");

    private final SpotifyModule spotify;
    /** The playlist port every writer uses (standalone and Temporal), counting its batches. */
    private final PlaylistService playlists;

    private final Disambiguator disambiguator;
    /** The standalone journal (SQLite), or null in Temporal mode and with {@code STANDALONE_STORE=memory}. */
    private final SqliteDatabase journal;

    /** The process's playlist writers: the syncs' adds and the MCP tool's adds go through the same one. */
    private final PlaylistWriters playlistWriters;

    private final SyncActivities activities;

    /** The imports the API servers built here drive; stopped before the engine ({@link #stopImports()}). */
    private final List<JournaledImports> servedImports = new CopyOnWriteArrayList<>();

    private AppComponents(Settings settings, Clock clock, Sleeper retrySleeper, BatchWindow batchWindow) {
        this.settings = settings;
        this.clock = clock;
        this.retrySleeper = retrySleeper;
        this.batchWindow = batchWindow;
        this.journal = settings.engineKind() == EngineKind.STANDALONE
                        && settings.journal().durable()
                ? SqliteDatabase.open(settings.journal().dataDir())
                : null;
        this.spotify = SpotifyModule.create(
                settings,
                clock,
                Sleeper.system(),
                journal == null ? RetryAfterJournal.NONE : new SqliteRetryAfterJournal(journal, "spotify"),
                new ServiceCallMetrics(metrics.registry(), "spotify"));
        // Standalone with the journal: the writer's adds are journaled before they are sent and once confirmed.
        PlaylistService journaled = journal == null
                ? spotify.client()
                : new JournaledPlaylistService(
                        spotify.client(), new SqliteAddJournal(journal, clock), clock, Sleeper.system());
        this.playlists = new MeteredPlaylistService(journaled, metrics.registry());
        this.disambiguator = Disambiguators.fromSettings(settings.ai());
        Matcher matcher = new PrecisionMatcher();
        this.playlistWriters = new PlaylistWriters(playlists, batchWindow);
        // The person's review decisions: in the journal beside the syncs, else as long as the process lives (a
        // Temporal worker keeps them in Temporal instead, shared by all workers: TemporalWorker.register).
        DecisionMemory decisions = journal == null ? new InMemoryDecisionMemory() : new SqliteDecisionMemory(journal);
        this.activities = new MeteredActivities(
                new SyncActivitiesImpl(spotify.client(), matcher, disambiguator, playlistWriters, decisions),
                metrics.registry());
    }

    public static AppComponents create(Settings settings) {
        return new AppComponents(settings, Clock.systemUTC(), Sleeper.system(), BatchWindow.DEFAULT);
    }

    /** For tests: a fake clock, or a retry sleeper that does not wait between retries. */
    public static AppComponents create(Settings settings, Clock clock, Sleeper retrySleeper) {
        return new AppComponents(settings, clock, retrySleeper, BatchWindow.DEFAULT);
    }

    /** For benchmarks: another batching window for the playlist writers. */
    public static AppComponents create(Settings settings, Clock clock, Sleeper retrySleeper, BatchWindow window) {
        return new AppComponents(settings, clock, retrySleeper, window);
    }

    public Settings settings() {
        return settings;
    }

    public SpotifyModule spotify() {
        return spotify;
    }

    public Disambiguator disambiguator() {
        return disambiguator;
    }

    public Metrics metrics() {
        return metrics;
    }

    /** The real activities: what the standalone engine runs and what a Temporal worker registers. */
    public SyncActivities activities() {
        return activities;
    }

    /**
     * The engine of the configured kind ({@code ENGINE}). Temporal mode connects lazily: it never blocks the start.
     * The standalone engine resumes the syncs its journal holds as unfinished before this returns.
     */
    public SyncEngine newEngine() {
        return switch (settings.engineKind()) {
            case STANDALONE -> standaloneEngine();
            case TEMPORAL -> new TemporalEngine(TemporalConnection.forClient(settings.temporal()), clock);
        };
    }

    private SyncEngine standaloneEngine() {
        SyncStore store = journal == null ? new InMemorySyncStore() : new SqliteSyncStore(journal);
        StandaloneEngine engine = new StandaloneEngine(
                new SyncPipeline(),
                activities,
                store,
                retryRunner(),
                clock,
                settings.engine().maxConcurrentWorkflows(),
                settings.engine().queueCapacity(),
                new JournalPolicy(
                        settings.journal().dedupeWindow(), settings.journal().retention()),
                new SyncMetrics(metrics.registry(), EngineKind.STANDALONE.settingName()));
        EngineGauges.bind(engine, metrics.registry());
        engine.resumeUnfinished();
        return engine;
    }

    /** Closes the journal; call after the engine is closed. */
    public void closeJournal() {
        stopImports();
        if (journal != null) {
            journal.close();
        }
    }

    /** A Temporal worker running these activities on the configured task queue ({@code ./music-sync worker}). */
    public TemporalWorker startWorker() throws InterruptedException {
        return TemporalWorker.start(
                TemporalConnection.forWorker(settings.temporal(), TemporalMetrics.scope(metrics.registry())),
                settings.engine(),
                activities,
                playlists,
                batchWindow,
                List.of(new TemporalSyncObserver(MusicSyncWorkflow.class.getSimpleName())));
    }

    /**
     * Library imports over {@code engine} ({@code ./music-sync import}, {@code /api/v1/imports}): the same activities
     * as the syncs, and Spotify's playlists. Journaled with the standalone journal; in memory otherwise (Temporal
     * mode drives the rows' syncs through its engine the same way). Not resumed: the caller decides.
     *
     * @param engine runs the syncs of real imports; null for dry runs only
     */
    public JournaledImports newImports(SyncEngine engine, int concurrency) {
        ImportStore store = journal == null ? new InMemoryImportStore() : new SqliteImportStore(journal);
        RowResolvers resolvers = new RowResolvers(
                engine,
                activities,
                retryRunner(),
                spotify.client(),
                settings.matching().fuzzyMatchThreshold(),
                disambiguator.status().enabled(),
                settings.matching().reviewTimeoutDays(),
                Sleeper.system());
        return new JournaledImports(store, resolvers, playlistCreator(), concurrency, clock);
    }

    private PlaylistCreator playlistCreator() {
        return name -> spotify.client()
                .createPlaylist(name, "Imported by music-sync", false)
                .id();
    }

    private TemporalImports temporalImports(TemporalEngine engine, Imports dryRuns) {
        return engine.imports(
                dryRuns,
                playlistCreator()::createPlaylist,
                new TemporalImports.Options(
                        TemporalImports.DEFAULT_WINDOW,
                        TemporalImports.DEFAULT_ROWS_PER_RUN,
                        settings.matching().fuzzyMatchThreshold(),
                        disambiguator.status().enabled(),
                        settings.matching().reviewTimeoutDays()));
    }

    /** Stops the imports the API servers drive (their rows in flight resume at the next start); before the engine. */
    public void stopImports() {
        servedImports.forEach(JournaledImports::close);
        servedImports.clear();
    }

    private RetryRunner retryRunner() {
        return new RetryRunner(retrySleeper, settings.spotify().maxRateLimitWait());
    }

    /** The HTTP API, with the MCP server's Streamable HTTP endpoint beside it behind the same token. */
    public ApiServer newApiServer(SyncEngine engine) {
        return newApiServer(
                engine,
                List.of(new ServletMount(McpEndpoints.HTTP_PATH, newMcp(engine).httpServlet())));
    }

    /** The HTTP API over {@code engine}, with more route groups (e.g. the MCP endpoint) from {@code extensions}. */
    public ApiServer newApiServer(SyncEngine engine, List<ApiExtension> extensions) {
        JournaledImports journaled = newImports(engine, JournaledImports.DEFAULT_CONCURRENCY);
        servedImports.add(journaled);
        journaled.resumeUnfinished();
        // Temporal mode: real imports are workflows; dry runs change nothing and stay in this process.
        Imports imports = engine instanceof TemporalEngine temporal ? temporalImports(temporal, journaled) : journaled;
        return new ApiServer(
                List.of(
                        new SyncRoutes(engine, syncRequestParser(), this::aiAvailable, clock),
                        new ReviewRoutes(engine, clock),
                        new ImportRoutes(imports, settings.spotify().defaultPlaylistId(), clock),
                        new HealthRoute(engine, List.of(spotifyHealth(), aiHealth()), VERSION, clock),
                        new MetricsRoute(metrics::scrape),
                        new DocsRoutes()),
                extensions,
                settings.api().token(),
                ApiLimits.from(settings.api()),
                clock);
    }

    /** The worker's own small server on {@code METRICS_PORT}: {@code /metrics}, token as for the API. */
    public ApiServer newWorkerMetricsServer() {
        return new ApiServer(
                List.of(new MetricsRoute(metrics::scrape)),
                List.of(),
                settings.api().token(),
                ApiLimits.from(settings.api()),
                clock);
    }

    /** The MCP tools over this engine, the Spotify client's ports and the process's playlist writer. */
    public McpEndpoints newMcp(SyncEngine engine) {
        McpServices services = new McpServices(
                engine,
                spotify.client(),
                spotify.client(),
                playlists,
                playlistWriters,
                syncRequestParser(),
                this::aiAvailable,
                settings.spotify().defaultPlaylistId(),
                clock);
        return new McpEndpoints(services, VERSION);
    }

    private SyncRequestParser syncRequestParser() {
        return new SyncRequestParser(
                settings.spotify().defaultPlaylistId(),
                settings.matching().fuzzyMatchThreshold(),
                settings.matching().reviewTimeoutDays());
    }

    private boolean aiAvailable() {
        return disambiguator.status().enabled();
    }

    private HealthCheck spotifyHealth() {
        return new HealthCheck() {
            @Override
            public String name() {
                return "spotify";
            }

            @Override
            public Report check() {
                SpotifyHealth health = spotify.health();
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("api_url", settings.spotify().apiUrl().toString());
                details.put("login", health.login());
                details.put("rate_limited_until", health.rateLimitedUntil());
                return new Report(health.login().usable() && health.rateLimitedUntil() == null, details);
            }
        };
    }

    private HealthCheck aiHealth() {
        return new HealthCheck() {
            @Override
            public String name() {
                return "ai";
            }

            @Override
            public Report check() {
                var status = disambiguator.status();
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("enabled", status.enabled());
                details.put("provider", status.provider());
                details.put("model", status.model());
                details.put("reason", status.reason());
                // AI being off is a supported configuration, not a fault.
                return new Report(true, details);
            }
        };
    }
}
