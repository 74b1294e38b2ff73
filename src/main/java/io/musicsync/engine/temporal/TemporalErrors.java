package io.musicsync.engine.temporal;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TimeoutFailure;

/** Reads Temporal's exceptions: is the server unreachable, and what to tell a person about a failed sync. */
final class TemporalErrors {

    private TemporalErrors() {
    }

    /** True when the error (or one of its causes) says the Temporal frontend could not be reached in time. */
    static boolean isUnavailable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof StatusRuntimeException grpc) {
                Status.Code code = grpc.getStatus().getCode();
                return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED;
            }
        }
        return false;
    }

    /**
     * The message of the failure that ended a workflow: our own error's message for a failed activity
     * (e.g. "Playlist ... not found"), or which step timed out.
     */
    static String describeFailure(Throwable workflowFailure) {
        String step = null;
        for (Throwable cause = workflowFailure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ActivityFailure activity) {
                step = activity.getActivityType();
            } else if (cause instanceof ApplicationFailure application) {
                return application.getOriginalMessage();
            } else if (cause instanceof TimeoutFailure timeout) {
                return (step == null ? "The sync" : "The " + step + " step") + " timed out ("
                        + timeout.getTimeoutType().name().replace("TIMEOUT_TYPE_", "").toLowerCase() + ")";
            } else if (cause instanceof TemporalFailure temporal && cause.getCause() == null) {
                return temporal.getOriginalMessage();
            }
        }
        return workflowFailure.getMessage();
    }
}
