package io.musicsync.engine.temporal;

import io.musicsync.config.Settings;
import io.musicsync.sync.SyncActivities;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A worker process's Temporal side: polls the task queue and runs {@link MusicSyncWorkflowImpl} and the
 * activities (the real {@link SyncActivities}, behind {@link SyncActivitiesAdapter}). Several workers may poll the
 * same queue; they share the work and take over each other's syncs when one dies.
 */
public final class TemporalWorker implements AutoCloseable {

    private final WorkerFactory factory;

    private TemporalWorker(WorkerFactory factory) {
        this.factory = factory;
    }

    /** Registers the workflow and activities on {@code client}'s task queue and starts polling. */
    public static TemporalWorker start(WorkflowClient client, Settings.Temporal temporal, Settings.Engine engine,
                                       SyncActivities activities) {
        WorkerFactory factory = WorkerFactory.newInstance(client, factoryOptions());
        register(factory.newWorker(temporal.taskQueue(), workerOptions(engine)), activities);
        factory.start();
        return new TemporalWorker(factory);
    }

    /** What every worker runs: also used by tests that build their own worker on a test environment. */
    public static void register(Worker worker, SyncActivities activities) {
        worker.registerWorkflowImplementationTypes(MusicSyncWorkflowImpl.class);
        worker.registerActivitiesImplementations(new SyncActivitiesAdapter(activities));
    }

    static WorkerFactoryOptions factoryOptions() {
        return WorkerFactoryOptions.newBuilder().setUsingVirtualWorkflowThreads(true).build();
    }

    static WorkerOptions workerOptions(Settings.Engine engine) {
        return WorkerOptions.newBuilder()
                .setMaxConcurrentActivityExecutionSize(engine.maxConcurrentActivities())
                .setMaxConcurrentWorkflowTaskExecutionSize(engine.maxConcurrentWorkflows())
                // Enforced by the server across all workers of the queue, so together they keep under Spotify's
                // budget however many run.
                .setMaxTaskQueueActivitiesPerSecond(engine.maxActivitiesPerSecond())
                .setUsingVirtualThreads(true)
                // No sticky queue: a killed worker's syncs go straight back to the shared queue. A real server
                // would give up on a dead sticky queue after 5 s; the dev server (temporal-dev) never does.
                .setStickyQueueScheduleToStartTimeout(Duration.ZERO)
                .build();
    }

    /** Stops polling, lets running activities finish (up to {@code grace}) and releases the threads. */
    public void shutdown(Duration grace) {
        factory.shutdown();
        factory.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        factory.shutdownNow();
        factory.awaitTermination(5, TimeUnit.SECONDS);
    }
}
