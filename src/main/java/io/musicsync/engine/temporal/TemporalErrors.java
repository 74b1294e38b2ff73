package io.musicsync.engine.temporal;

import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.temporal.api.errordetails.v1.NamespaceNotFoundFailure;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TimeoutFailure;
import java.util.Locale;
import java.util.Optional;

/** Reads Temporal's exceptions: what went wrong with the connection, and what to tell a person about a failure. */
final class TemporalErrors {

    private TemporalErrors() {}

    /**
     * The connection problem behind an error (the first gRPC status among its causes), or empty when the error is
     * not one (e.g. a workflow that does not exist).
     */
    static Optional<ConnectionFailure> classify(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof StatusRuntimeException grpc) {
                return classify(grpc);
            }
        }
        return Optional.empty();
    }

    private static Optional<ConnectionFailure> classify(StatusRuntimeException grpc) {
        return switch (grpc.getStatus().getCode()) {
            case UNAVAILABLE, DEADLINE_EXCEEDED -> Optional.of(ConnectionFailure.UNREACHABLE);
            case RESOURCE_EXHAUSTED -> Optional.of(ConnectionFailure.OVERLOADED);
            case UNAUTHENTICATED, PERMISSION_DENIED -> Optional.of(ConnectionFailure.NOT_AUTHORISED);
            case NOT_FOUND ->
                isNamespaceNotFound(grpc) ? Optional.of(ConnectionFailure.NAMESPACE_NOT_FOUND) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** Temporal attaches a NamespaceNotFoundFailure to the status; a missing workflow is NOT_FOUND too. */
    private static boolean isNamespaceNotFound(StatusRuntimeException grpc) {
        com.google.rpc.Status status = StatusProto.fromThrowable(grpc);
        return status != null
                && status.getDetailsList().stream().anyMatch(detail -> detail.is(NamespaceNotFoundFailure.class));
    }

    /**
     * The message of the failure that ended a workflow: our own error's message for a failed activity
     * (e.g. "Playlist ... not found"), or which step timed out.
     */
    static String describeFailure(Throwable workflowFailure) {
        String described = describe(workflowFailure.getCause());
        return described != null ? described : workflowFailure.getMessage();
    }

    /** The person-readable message in a failure chain (starting at {@code failure}), or null when there is none. */
    static String describe(Throwable failure) {
        String step = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ActivityFailure activity) {
                step = activity.getActivityType();
            } else if (cause instanceof ApplicationFailure application) {
                return application.getOriginalMessage();
            } else if (cause instanceof TimeoutFailure timeout) {
                return (step == null ? "The sync" : "The " + step + " step") + " timed out ("
                        + timeout.getTimeoutType()
                                .name()
                                .replace("TIMEOUT_TYPE_", "")
                                .toLowerCase(Locale.ROOT) + ")";
            } else if (cause instanceof TemporalFailure temporal && cause.getCause() == null) {
                return temporal.getOriginalMessage();
            }
        }
        return null;
    }
}
