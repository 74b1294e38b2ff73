package io.musicsync.cli;

import io.musicsync.AppComponents;
import io.musicsync.api.ApiServer;
import io.musicsync.config.Settings;
import io.musicsync.engine.SyncEngine;
import io.musicsync.simulator.SimulatorOptions;
import io.musicsync.simulator.SpotifySimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs everything a newcomer needs in one process: the Spotify simulator and the standalone service pointed at
 * it, with a demo playlist as the default.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Start the Spotify simulator and the standalone service together, with a demo playlist.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8000", description = "API port (default ${DEFAULT-VALUE})")
    int port;

    @Option(
            names = "--simulator-port",
            defaultValue = "8090",
            description = "Simulator port (default ${DEFAULT-VALUE})")
    int simulatorPort;

    @Override
    public Integer call() throws Exception {
        Settings base = Settings.fromEnvironment();
        Logging.apply(base);
        SpotifySimulator simulator =
                SpotifySimulator.start(SimulatorOptions.defaults().withPort(simulatorPort));
        String playlist = simulator.createPlaylist("music-sync demo");
        Path tokens = Files.createTempDirectory("music-sync-demo");
        Settings settings = base.forDemo(
                        simulator.apiUrl(),
                        simulator.accountsUrl(),
                        SpotifySimulator.DEFAULT_CLIENT_ID,
                        SpotifySimulator.DEFAULT_REFRESH_TOKEN,
                        playlist,
                        tokens,
                        port)
                // A fresh simulator each run: the demo's journal is its own too.
                .withDataDir(tokens.resolve("data"));

        AppComponents app = AppComponents.create(settings);
        SyncEngine engine = app.newEngine();
        ApiServer api = app.newApiServer(engine)
                .start(settings.api().host(), settings.api().port());
        String url = "http://" + settings.api().host() + ":" + api.port();
        System.out.println("music-sync demo (standalone mode, simulated Spotify)");
        System.out.println("  Dashboard:         " + url + "/");
        System.out.println("  API:               " + url + "   (docs: " + url + "/docs, metrics: " + url + "/metrics)");
        System.out.println("  Spotify simulator: " + simulator.apiUrl());
        System.out.println("  Demo playlist:     " + playlist + " (the default playlist)");
        System.out.println("  AI:                " + ServeCommand.describe(app));
        System.out.println();
        System.out.println("Try:");
        System.out.println("  curl -X POST " + url + "/api/v1/sync -H 'Content-Type: application/json' \\");
        System.out.println("       -d '{\"track_name\":\"Bohemian Rhapsody\",\"artist\":\"Queen\"}'");
        System.out.println("  curl " + url + "/api/v1/sync/<workflow_id>");
        System.out.println("  curl " + simulator.accountsUrl() + "/_sim/playlists/" + playlist
                + "   # what is in the demo playlist");
        System.out.println("Ctrl-C stops.");
        ServeCommand.awaitShutdown(api, app::stopImports, engine, app::closeJournal, simulator);
        return 0;
    }
}
