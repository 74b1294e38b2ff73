package io.musicsync.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every setting of the service, read once at start from the environment and a {@code .env} file (environment
 * wins). Variable names and defaults follow the original system; a wrong value fails the start with the
 * variable's name and what is allowed.
 */
public record Settings(
        EngineKind engineKind,
        Api api,
        Spotify spotify,
        Matching matching,
        Ai ai,
        Engine engine,
        Temporal temporal,
        String logLevel,
        Path configDir,
        Journal journal,
        Observability observability) {

    public static final Pattern PLAYLIST_ID = Pattern.compile("^[A-Za-z0-9]{22}$");

    /**
     * {@code API_HOST}, {@code API_PORT}; {@code API_TOKEN} is required when the host is not loopback.
     *
     * @param corsOrigins {@code CORS_ORIGINS}: browser origins allowed to call the API (none by default)
     * @param rateLimitPerMinute {@code API_RATE_LIMIT_PER_MINUTE}: requests one client may make per minute
     */
    public record Api(String host, int port, String token, List<String> corsOrigins, int rateLimitPerMinute) {
        public Api {
            corsOrigins = List.copyOf(corsOrigins);
        }

        public Api withPort(int newPort) {
            return new Api(host, newPort, token, corsOrigins, rateLimitPerMinute);
        }

        public boolean loopbackOnly() {
            return host.equals("127.0.0.1")
                    || host.equals("localhost")
                    || host.equals("::1")
                    || host.startsWith("127.");
        }

        @Override
        public String toString() {
            return "Api[" + host + ":" + port + ", token=" + (token == null ? "unset" : "set") + "]";
        }
    }

    public record Spotify(
            String clientId,
            String clientSecret,
            URI redirectUri,
            String refreshToken,
            URI apiUrl,
            URI accountsUrl,
            String defaultPlaylistId,
            Duration maxRateLimitWait,
            double maxRequestsPerSecond) {
        @Override
        public String toString() {
            return "Spotify[api=" + apiUrl + ", accounts=" + accountsUrl + ", clientId=" + clientId
                    + ", secret=" + (clientSecret == null ? "unset" : "set")
                    + ", refreshToken=" + (refreshToken == null ? "unset" : "set") + "]";
        }
    }

    /**
     * @param reviewTimeoutDays {@code REVIEW_TIMEOUT_DAYS}: how long a sync the matcher (and the AI) was unsure of
     *     waits in the review queue for a person's choice before it ends "no confident match"; 0: no review queue
     */
    public record Matching(double fuzzyMatchThreshold, int reviewTimeoutDays) {}

    /**
     * @param metricsPort {@code METRICS_PORT}: where a Temporal worker serves {@code /metrics} (0: not served)
     * @param jsonLogs {@code LOG_FORMAT=json}: one JSON object per log line instead of plain text
     */
    public record Observability(int metricsPort, boolean jsonLogs) {}

    /**
     * The AI disambiguation: whether it runs, its provider and model, and each provider's key and URL.
     *
     * @param provider {@code claude} or {@code langchain}
     * @param model the model for the chosen provider ({@code CLAUDE_MODEL} or {@code AI_MODEL})
     */
    public record Ai(
            boolean useAiDisambiguation,
            String provider,
            String model,
            String anthropicApiKey,
            URI anthropicBaseUrl,
            String openaiApiKey,
            URI openaiBaseUrl,
            Duration timeout) {
        /** The API key of the chosen provider, or null. */
        public String apiKey() {
            return "claude".equals(provider) ? anthropicApiKey : openaiApiKey;
        }

        @Override
        public String toString() {
            return "Ai[" + useAiDisambiguation + ", " + provider + "/" + model + ", key="
                    + (apiKey() == null ? "unset" : "set") + "]";
        }
    }

    /**
     * How much work an engine takes on at once.
     *
     * @param maxConcurrentWorkflows syncs running at once (standalone) or workflow tasks per worker (Temporal)
     * @param queueCapacity syncs waiting for a slot before new ones are refused with 503 (standalone)
     */
    public record Engine(
            int maxConcurrentWorkflows,
            int maxConcurrentActivities,
            double maxActivitiesPerSecond,
            int queueCapacity) {}

    public record Temporal(
            String host, String namespace, String taskQueue, Path tlsCertPath, Path tlsKeyPath, String apiKey) {
        @Override
        public String toString() {
            return "Temporal[" + host + ", " + namespace + ", " + taskQueue + ", apiKey="
                    + (apiKey == null ? "unset" : "set") + "]";
        }
    }

    /**
     * The standalone engine's journal (one block of settings, read by {@link #journal(EnvReader, Map)}).
     *
     * @param store {@code sqlite} (default: syncs survive restarts) or {@code memory}
     * @param dataDir where the SQLite journal lives ({@code DATA_DIR})
     * @param dedupeWindow the same user, playlist and song within this window is one sync; zero turns it off
     * @param retention finished syncs older than this are pruned
     */
    public record Journal(String store, Path dataDir, Duration dedupeWindow, Duration retention) {
        public static final String SQLITE = "sqlite";
        public static final String MEMORY = "memory";

        public boolean durable() {
            return SQLITE.equals(store);
        }
    }

    public static final String DEFAULT_CLAUDE_MODEL = "claude-sonnet-4-5";
    public static final String DEFAULT_OPENAI_MODEL = "gpt-4o-mini";

    /** Reads the process environment and {@code ./.env}. */
    public static Settings fromEnvironment() {
        return load(System.getenv(), Path.of(".env"));
    }

    public static Settings load(Map<String, String> environment, Path dotenvFile) {
        EnvReader env = new EnvReader(environment, EnvReader.parseDotenv(dotenvFile));

        String apiHost = env.string("API_HOST", "127.0.0.1");
        Api api = new Api(
                apiHost,
                env.integer("API_PORT", 8000, 1, 65535),
                env.optional("API_TOKEN"),
                corsOrigins(env),
                env.integer("API_RATE_LIMIT_PER_MINUTE", 600, 1, 1_000_000));
        if (!api.loopbackOnly() && api.token() == null) {
            env.problem("API_HOST=" + apiHost + " exposes the API beyond this machine: set API_TOKEN to a secret"
                    + " that clients send as 'Authorization: Bearer <token>', or use API_HOST=127.0.0.1");
        }

        URI redirect = env.httpUrl("SPOTIFY_REDIRECT_URI", "http://127.0.0.1:8888/callback");
        if ("localhost".equalsIgnoreCase(redirect.getHost())) {
            env.problem("SPOTIFY_REDIRECT_URI=" + redirect + " uses 'localhost', which Spotify rejects as insecure:"
                    + " use the loopback IP literal, e.g. http://127.0.0.1:8888/callback");
        }
        String playlist = env.optional("DEFAULT_PLAYLIST_ID");
        if (playlist != null && !PLAYLIST_ID.matcher(playlist).matches()) {
            env.problem("DEFAULT_PLAYLIST_ID=" + playlist + " must be a Spotify playlist id: 22 letters and digits");
        }
        Spotify spotify = new Spotify(
                env.optional("SPOTIFY_CLIENT_ID"),
                env.optional("SPOTIFY_CLIENT_SECRET"),
                redirect,
                env.optional("SPOTIFY_REFRESH_TOKEN"),
                env.httpUrl("SPOTIFY_API_URL", "https://api.spotify.com/v1"),
                env.httpUrl("SPOTIFY_ACCOUNTS_URL", "https://accounts.spotify.com"),
                playlist,
                env.seconds("SPOTIFY_MAX_RATE_LIMIT_WAIT", Duration.ofSeconds(120), 0, 86_400),
                env.decimal("SPOTIFY_MAX_REQUESTS_PER_SECOND", 10.0, 0.1, 1000));

        Matching matching = new Matching(
                env.decimal("FUZZY_MATCH_THRESHOLD", 0.85, 0.0, 1.0), env.integer("REVIEW_TIMEOUT_DAYS", 30, 0, 3650));

        String provider = env.oneOf("AI_PROVIDER", "claude", Set.of("claude", "langchain"));
        String model = "claude".equals(provider)
                ? env.string("CLAUDE_MODEL", DEFAULT_CLAUDE_MODEL)
                : env.string("AI_MODEL", DEFAULT_OPENAI_MODEL);
        String anthropicBase = env.optional("ANTHROPIC_BASE_URL");
        String openaiBase = env.optional("OPENAI_BASE_URL");
        Ai ai = new Ai(
                env.bool("USE_AI_DISAMBIGUATION", true),
                provider,
                model,
                env.optional("ANTHROPIC_API_KEY"),
                anthropicBase == null ? null : env.httpUrl("ANTHROPIC_BASE_URL", anthropicBase),
                env.optional("OPENAI_API_KEY"),
                openaiBase == null ? null : env.httpUrl("OPENAI_BASE_URL", openaiBase),
                // At most 50 s: it must end before the disambiguate activity's 60 s start-to-close timeout.
                env.seconds("AI_TIMEOUT_SECONDS", Duration.ofSeconds(30), 1, 50));

        Engine engine = new Engine(
                env.integer("MAX_CONCURRENT_WORKFLOWS", 50, 1, 10_000),
                env.integer("MAX_CONCURRENT_ACTIVITIES", 100, 1, 10_000),
                env.decimal("MAX_ACTIVITIES_PER_SECOND", 10.0, 0.1, 10_000),
                env.integer("SYNC_QUEUE_CAPACITY", 10_000, 1, 1_000_000));

        String cert = env.optional("TEMPORAL_TLS_CERT_PATH");
        String key = env.optional("TEMPORAL_TLS_KEY_PATH");
        if ((cert == null) != (key == null)) {
            env.problem("TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH must be set together (mTLS needs both)");
        }
        Temporal temporal = new Temporal(
                env.string("TEMPORAL_HOST", "localhost:7233"),
                env.string("TEMPORAL_NAMESPACE", "default"),
                env.string("TASK_QUEUE_NAME", "music-sync-queue"),
                cert == null ? null : Path.of(cert),
                key == null ? null : Path.of(key),
                env.optional("TEMPORAL_API_KEY"));

        String logLevel = env.oneOf("LOG_LEVEL", "info", Set.of("trace", "debug", "info", "warn", "error"));
        Observability observability = new Observability(
                env.integer("METRICS_PORT", 0, 0, 65535),
                env.oneOf("LOG_FORMAT", "text", Set.of("text", "json")).equals("json"));
        Path configDir = configDir(env, environment);
        Journal journal = journal(env, environment);

        EngineKind engineKind = engineKind(env);
        if (!env.problems().isEmpty()) {
            throw new SettingsException(env.problems());
        }
        return new Settings(
                engineKind, api, spotify, matching, ai, engine, temporal, logLevel, configDir, journal, observability);
    }

    // --- journal settings (STANDALONE_STORE, DATA_DIR, DEDUPE_WINDOW_SECONDS, RETENTION_DAYS) ---
    private static Journal journal(EnvReader env, Map<String, String> environment) {
        String store = env.oneOf("STANDALONE_STORE", Journal.SQLITE, Set.of(Journal.SQLITE, Journal.MEMORY));
        String explicit = env.optional("DATA_DIR");
        Path dataDir;
        if (explicit != null) {
            dataDir = Path.of(explicit);
        } else if (env.optional("XDG_DATA_HOME") != null) {
            dataDir = Path.of(env.optional("XDG_DATA_HOME"), "music-sync");
        } else {
            String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
            dataDir = Path.of(home, ".local", "share", "music-sync");
        }
        return new Journal(
                store,
                dataDir,
                env.seconds("DEDUPE_WINDOW_SECONDS", Duration.ofSeconds(600), 0, 86_400),
                Duration.ofDays(env.integer("RETENTION_DAYS", 90, 1, 36_500)));
    }

    /** A copy whose journal lives in {@code dataDir} (the demo keeps its own, like its own login). */
    public Settings withDataDir(Path dataDir) {
        Journal j = new Journal(journal.store(), dataDir, journal.dedupeWindow(), journal.retention());
        return new Settings(
                engineKind, api, spotify, matching, ai, engine, temporal, logLevel, configDir, j, observability);
    }

    /** Comma-separated origins such as {@code https://music.example.org}; {@code *} is refused (tokens are sent). */
    private static List<String> corsOrigins(EnvReader env) {
        String value = env.optional("CORS_ORIGINS");
        if (value == null) {
            return List.of();
        }
        List<String> origins = new ArrayList<>();
        for (String origin : value.split(",")) {
            String o = origin.strip();
            if (o.isEmpty()) {
                continue;
            }
            if (o.equals("*") || !o.matches("^https?://[A-Za-z0-9.\\-\\[\\]:]+$")) {
                env.problem("CORS_ORIGINS: '" + o + "' must be an origin like https://music.example.org"
                        + " (scheme, host and optional port; '*' is not allowed)");
            } else {
                origins.add(o);
            }
        }
        return origins;
    }

    /**
     * {@code ENGINE}, or its alias {@code USE_TEMPORAL} (the original system's switch, still in users' {@code .env});
     * standalone when neither is set. Both set and naming different engines is a mistake worth stopping for.
     */
    private static EngineKind engineKind(EnvReader env) {
        String engine = env.oneOf("ENGINE", null, Set.copyOf(EngineKind.names()));
        EngineKind named = engine == null ? null : EngineKind.fromName(engine).orElseThrow();
        EngineKind alias =
                env.optional("USE_TEMPORAL") == null ? null : EngineKind.ofUseTemporal(env.bool("USE_TEMPORAL", false));
        if (named != null && alias != null && named != alias) {
            env.problem("ENGINE=" + named.settingName() + " and USE_TEMPORAL=" + env.optional("USE_TEMPORAL")
                    + " name different engines: set only ENGINE (USE_TEMPORAL is its older alias)");
        }
        return named != null ? named : alias != null ? alias : EngineKind.STANDALONE;
    }

    private static Path configDir(EnvReader env, Map<String, String> environment) {
        String explicit = env.optional("CONFIG_DIR");
        if (explicit != null) {
            return Path.of(explicit);
        }
        String xdg = env.optional("XDG_CONFIG_HOME");
        if (xdg != null) {
            return Path.of(xdg, "music-sync");
        }
        String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".config", "music-sync");
    }

    /**
     * A copy for the demo: standalone, the API on {@code apiPort}, Spotify replaced by the simulator (its client id
     * and refresh token, a token directory of its own so a real login is never touched).
     */
    public Settings forDemo(
            URI apiUrl,
            URI accountsUrl,
            String clientId,
            String refreshToken,
            String playlistId,
            Path demoConfigDir,
            int apiPort) {
        Spotify s = new Spotify(
                clientId,
                null,
                spotify.redirectUri(),
                refreshToken,
                apiUrl,
                accountsUrl,
                playlistId,
                spotify.maxRateLimitWait(),
                spotify.maxRequestsPerSecond());
        return new Settings(
                EngineKind.STANDALONE,
                api.withPort(apiPort),
                s,
                matching,
                ai,
                engine,
                temporal,
                logLevel,
                demoConfigDir,
                journal,
                observability);
    }

    @Override
    public String toString() {
        // Never print secrets: list only what is safe to show.
        return "Settings[engine=" + engineKind.settingName() + ", api=" + api.host() + ":" + api.port()
                + ", spotifyApi=" + spotify.apiUrl() + ", threshold=" + matching.fuzzyMatchThreshold()
                + ", ai=" + ai.provider() + "/" + ai.model() + "]";
    }
}
