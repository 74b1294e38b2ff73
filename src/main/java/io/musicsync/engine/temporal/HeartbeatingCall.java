package io.musicsync.engine.temporal;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs a blocking call on a virtual thread and heartbeats while it runs. A cancel (or a worker shutdown) only
 * reaches an activity through a heartbeat; when one arrives the call is interrupted and the activity ends.
 * The SDK throttles what it actually sends to the server, so heartbeating often here costs nothing.
 */
final class HeartbeatingCall {

    static final Duration HEARTBEAT_EVERY = Duration.ofMillis(500);

    private HeartbeatingCall() {}

    static <T> T run(ActivityExecutionContext context, Supplier<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = Thread.ofVirtual().name("activity-call").start(() -> {
            try {
                result.complete(call.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            while (true) {
                try {
                    return result.get(HEARTBEAT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillRunning) {
                    context.heartbeat(null);
                }
            }
        } catch (ExecutionException e) {
            throw unchecked(e.getCause());
        } catch (ActivityCompletionException e) {
            thread.interrupt();
            throw e;
        } catch (InterruptedException e) {
            // The worker is being stopped hard: let another worker retry the call.
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw ActivityFailures.workerStopped(context.getInfo().getAttempt());
        }
    }

    private static RuntimeException unchecked(Throwable error) {
        if (error instanceof RuntimeException runtime) {
            return runtime;
        }
        if (error instanceof Error fatal) {
            throw fatal;
        }
        return new IllegalStateException(error);
    }
}
