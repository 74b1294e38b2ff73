package io.musicsync.engine.temporal;

import io.musicsync.activities.BatchWindow;
import io.musicsync.config.Settings;
import io.musicsync.domain.PlaylistService;
import io.musicsync.sync.SyncActivities;
import io.temporal.client.WorkflowClient;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker process's Temporal side: polls the task queue and runs {@link MusicSyncWorkflowImpl} and the
 * activities (the real {@link SyncActivities}, behind {@link SyncActivitiesAdapter}). Several workers may poll the
 * same queue; they share the work and take over each other's syncs when one dies.
 */
public final class TemporalWorker implements AutoCloseable {

    /** How long a stopping worker lets running activities finish before it interrupts them. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);

    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(TemporalWorker.class);

    private final TemporalConnection connection;
    private final WorkerFactory factory;

    private TemporalWorker(TemporalConnection connection, WorkerFactory factory) {
        this.connection = connection;
        this.factory = factory;
    }

    /**
     * Registers the workflow and activities on the configured task queue and starts polling. The worker owns the
     * connection. When Temporal is not reachable yet this waits for it (saying so once), so a worker may be
     * started before Temporal.
     *
     * @throws TemporalSetupException when Temporal refuses the credentials or does not know the namespace
     */
    public static TemporalWorker start(
            TemporalConnection connection,
            Settings.Engine engine,
            SyncActivities activities,
            PlaylistService playlists,
            BatchWindow window)
            throws InterruptedException {
        return start(connection, engine, activities, playlists, window, List.of());
    }

    /** @param interceptors observe workflows and activities on this worker (metrics, log context) */
    public static TemporalWorker start(
            TemporalConnection connection,
            Settings.Engine engine,
            SyncActivities activities,
            PlaylistService playlists,
            BatchWindow window,
            List<WorkerInterceptor> interceptors)
            throws InterruptedException {
        try {
            awaitTemporal(connection);
        } catch (TemporalSetupException | InterruptedException e) {
            connection.close();
            throw e;
        }
        WorkerFactory factory = WorkerFactory.newInstance(
                connection.client(),
                WorkerFactoryOptions.newBuilder(factoryOptions())
                        .setWorkerInterceptors(interceptors.toArray(WorkerInterceptor[]::new))
                        .build());
        register(
                factory.newWorker(connection.settings().taskQueue(), workerOptions(engine)),
                connection.client(),
                activities,
                playlists,
                window);
        factory.start();
        return new TemporalWorker(connection, factory);
    }

    public String describe() {
        Settings.Temporal temporal = connection.settings();
        return "task queue " + temporal.taskQueue() + " on " + temporal.host() + " (namespace " + temporal.namespace()
                + ")";
    }

    /**
     * Waits while Temporal is unreachable or overloaded (that may pass); a refused login or an unknown namespace
     * will not fix itself, so the worker stops at once with a message naming the setting.
     */
    private static void awaitTemporal(TemporalConnection connection) throws InterruptedException {
        boolean told = false;
        for (Optional<ConnectionFailure> failure = connection.check();
                failure.isPresent();
                failure = connection.check()) {
            if (!failure.get().mayPass()) {
                throw new TemporalSetupException(connection.message(failure.get()));
            }
            if (!told) {
                LOG.warn("{}; waiting for it", connection.message(failure.get()));
                told = true;
            }
            Thread.sleep(RECONNECT_PAUSE.toMillis());
        }
        if (told) {
            LOG.info("Temporal is reachable at {}", connection.settings().host());
        }
    }

    /**
     * What every worker runs: also used by tests that build their own worker on a test environment. Review
     * decisions are kept in Temporal (the task queue's {@link ReviewDecisionsWorkflow}, reached through
     * {@code client}), so all workers share them.
     */
    public static void register(
            Worker worker,
            WorkflowClient client,
            SyncActivities activities,
            PlaylistService playlists,
            BatchWindow window) {
        // PlaylistAddWorkflow stays registered for syncs that started before the playlist writer.
        worker.registerWorkflowImplementationTypes(
                MusicSyncWorkflowImpl.class,
                PlaylistAddWorkflowImpl.class,
                PlaylistWriterWorkflowImpl.class,
                ReviewDecisionsWorkflowImpl.class,
                ImportWorkflowImpl.class,
                ImportRowsWorkflowImpl.class);
        worker.registerActivitiesImplementations(
                new SyncActivitiesAdapter(activities, new TemporalDecisionMemory(client, worker.getTaskQueue())),
                new PlaylistWriterActivitiesImpl(playlists, window));
    }

    static WorkerFactoryOptions factoryOptions() {
        return WorkerFactoryOptions.newBuilder()
                .setUsingVirtualWorkflowThreads(true)
                .build();
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
                // Heartbeats reach the server at least every second, so a cancel reaches a running call quickly.
                .setMaxHeartbeatThrottleInterval(Duration.ofSeconds(1))
                // During a graceful stop, running activities keep heartbeating and finish their work.
                .setAllowActivityHeartbeatDuringShutdown(true)
                .build();
    }

    /**
     * Graceful stop (what SIGTERM does): no new tasks are taken, running activities may finish (up to
     * {@link #SHUTDOWN_GRACE}, then they are interrupted and Temporal retries them on another worker).
     */
    @Override
    public void close() {
        factory.shutdown();
        factory.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        if (!factory.isTerminated()) {
            factory.shutdownNow();
            factory.awaitTermination(5, TimeUnit.SECONDS);
        }
        connection.close();
    }
}
