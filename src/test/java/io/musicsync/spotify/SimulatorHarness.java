package io.musicsync.spotify;

import io.musicsync.config.Settings;
import io.musicsync.simulator.CatalogEntry;
import io.musicsync.simulator.SimulatorOptions;
import io.musicsync.simulator.SpotifySimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A simulator with a small catalog of our own, and the settings that point our client at it. */
final class SimulatorHarness implements AutoCloseable {

    static final String CLIENT_ID = "music-sync-test-client";
    static final String CLIENT_SECRET = "test-secret";
    static final String SEED_REFRESH_TOKEN = "seed-refresh-token";

    static final CatalogEntry BOHEMIAN = CatalogEntry.of(
            "Bohemian Rhapsody",
            List.of("Queen"),
            "A Night at the Opera",
            "1975-10-31",
            354_320,
            false,
            "GBUM71029604");
    static final CatalogEntry BOHEMIAN_LIVE = CatalogEntry.of(
            "Bohemian Rhapsody - Live Aid", List.of("Queen"), "Live Aid", "1985-07-13", 360_000, false, null);
    static final CatalogEntry UNDER_PRESSURE = CatalogEntry.of(
            "Under Pressure",
            List.of("Queen", "David Bowie"),
            "Hot Space",
            "1982-05-21",
            248_000,
            false,
            "GBUM71029605");

    final SpotifySimulator sim;

    private SimulatorHarness(SpotifySimulator sim) {
        this.sim = sim;
    }

    static SimulatorHarness start() {
        SpotifySimulator sim =
                SpotifySimulator.start(SimulatorOptions.defaults().withLoadCatalog(false));
        sim.addTracks(List.of(BOHEMIAN, BOHEMIAN_LIVE, UNDER_PRESSURE));
        // The simulator, like Spotify, refuses clients and refresh tokens it does not know.
        sim.registerClient(CLIENT_ID, CLIENT_SECRET);
        sim.addRefreshToken(SEED_REFRESH_TOKEN);
        return new SimulatorHarness(sim);
    }

    /** Settings for the simulator, a headless refresh token and a generous request budget, plus {@code extra}. */
    Settings settings(Path configDir, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("SPOTIFY_API_URL", sim.apiUrl().toString());
        env.put("SPOTIFY_ACCOUNTS_URL", sim.accountsUrl().toString());
        env.put("SPOTIFY_CLIENT_ID", CLIENT_ID);
        env.put("SPOTIFY_REFRESH_TOKEN", SEED_REFRESH_TOKEN);
        env.put("SPOTIFY_MAX_REQUESTS_PER_SECOND", "1000");
        env.put("CONFIG_DIR", configDir.toString());
        env.putAll(extra);
        env.values().removeIf(v -> v == null || v.isEmpty());
        return Settings.load(env, configDir.resolve("no-such.env"));
    }

    SpotifyModule module(Path configDir) {
        return module(configDir, Map.of());
    }

    SpotifyModule module(Path configDir, Map<String, String> extra) {
        return SpotifyModule.create(settings(configDir, extra), Clock.systemUTC());
    }

    long requests(String endpoint) {
        return sim.stats().requests(endpoint);
    }

    static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        sim.close();
    }
}
