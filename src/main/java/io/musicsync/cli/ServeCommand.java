package io.musicsync.cli;

import io.musicsync.AppComponents;
import io.musicsync.api.ApiServer;
import io.musicsync.config.Settings;
import io.musicsync.engine.SyncEngine;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

/** Runs the HTTP API with the engine {@code ENGINE} selects, until stopped. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Run the HTTP API (standalone engine, or Temporal when ENGINE=temporal).")
final class ServeCommand implements Callable<Integer> {

    @Override
    public Integer call() throws InterruptedException {
        Settings settings = Settings.fromEnvironment();
        Logging.apply(settings);
        AppComponents app = AppComponents.create(settings);
        SyncEngine engine = app.newEngine();
        ApiServer api = app.newApiServer(engine)
                .start(settings.api().host(), settings.api().port());
        System.out.printf(
                "music-sync %s listening on http://%s:%d (%s mode)%n",
                AppComponents.VERSION,
                settings.api().host(),
                api.port(),
                settings.engineKind().settingName());
        System.out.println("AI disambiguation: " + describe(app));
        System.out.println("Dashboard at /, API docs at /docs, Prometheus metrics at /metrics");
        awaitShutdown(api, app::stopImports, engine, app::closeJournal);
        return 0;
    }

    static String describe(AppComponents app) {
        var ai = app.disambiguator().status();
        return ai.enabled() ? "on (" + ai.provider() + ", " + ai.model() + ")" : "off: " + ai.reason();
    }

    /** Blocks until SIGTERM/Ctrl-C, then stops taking requests and closes the engine. */
    static void awaitShutdown(AutoCloseable... resources) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (AutoCloseable resource : resources) {
                try {
                    resource.close();
                } catch (Exception e) {
                    System.err.println("error while stopping: " + e.getMessage());
                }
            }
            stopped.countDown();
        }));
        stopped.await();
    }
}
