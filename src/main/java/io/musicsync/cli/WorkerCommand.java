package io.musicsync.cli;

import io.musicsync.AppComponents;
import io.musicsync.config.Settings;
import io.musicsync.engine.temporal.TemporalSetupException;
import io.musicsync.engine.temporal.TemporalWorker;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Runs a Temporal worker until SIGTERM/Ctrl-C; start as many as you like on the same task queue. */
@Command(
        name = "worker",
        mixinStandardHelpOptions = true,
        description = {
            "Run a Temporal worker: executes the syncs that the API (ENGINE=temporal) starts.",
            "Several workers on the same task queue share the work and take over from a worker that dies.",
            "Uses TEMPORAL_HOST, TEMPORAL_NAMESPACE, TASK_QUEUE_NAME, MAX_CONCURRENT_ACTIVITIES,",
            "MAX_CONCURRENT_WORKFLOWS, MAX_ACTIVITIES_PER_SECOND and the Spotify and AI settings."
        })
final class WorkerCommand implements Callable<Integer> {

    @Override
    public Integer call() throws InterruptedException {
        Settings settings = Settings.fromEnvironment();
        Logging.apply(settings.logLevel());
        AppComponents app = AppComponents.create(settings);
        TemporalWorker worker;
        try {
            worker = app.startWorker();
        } catch (TemporalSetupException e) {
            // A wrong setting: say which, and exit rather than wait for something that will not change.
            System.err.println(e.getMessage());
            return 1;
        }
        System.out.printf("music-sync %s worker polling %s%n", AppComponents.VERSION, worker.describe());
        System.out.println("AI disambiguation: " + ServeCommand.describe(app));
        System.out.println("Stop with Ctrl-C (SIGTERM): running activities finish first.");
        ServeCommand.awaitShutdown(worker);
        return 0;
    }
}
