package io.musicsync.engine.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.musicsync.config.Settings;
import io.temporal.api.errordetails.v1.NamespaceNotFoundFailure;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How gRPC failures from Temporal are classified, and what each tells the operator. */
class TemporalErrorsTest {

    private static RuntimeException wrapped(StatusRuntimeException grpc) {
        return new RuntimeException("call failed", grpc); // as the SDK wraps it (WorkflowServiceException, ...)
    }

    @ParameterizedTest
    @CsvSource({
        "UNAVAILABLE, UNREACHABLE",
        "DEADLINE_EXCEEDED, UNREACHABLE",
        "RESOURCE_EXHAUSTED, OVERLOADED",
        "UNAUTHENTICATED, NOT_AUTHORISED",
        "PERMISSION_DENIED, NOT_AUTHORISED"
    })
    void classifiesTheStatusCodesAnOperatorCanActOn(Status.Code code, ConnectionFailure expected) {
        assertThat(TemporalErrors.classify(wrapped(code.toStatus().asRuntimeException())))
                .contains(expected);
    }

    @Test
    void aMissingNamespaceIsToldApartFromAMissingWorkflow() {
        com.google.rpc.Status namespaceMissing = com.google.rpc.Status.newBuilder()
                .setCode(Status.Code.NOT_FOUND.value())
                .setMessage("Namespace typo is not found.")
                .addDetails(Any.pack(NamespaceNotFoundFailure.newBuilder()
                        .setNamespace("typo")
                        .build()))
                .build();

        assertThat(TemporalErrors.classify(wrapped(StatusProto.toStatusRuntimeException(namespaceMissing))))
                .contains(ConnectionFailure.NAMESPACE_NOT_FOUND);
        assertThat(TemporalErrors.classify(wrapped(
                        Status.NOT_FOUND.withDescription("workflow not found").asRuntimeException())))
                .isEmpty();
        assertThat(TemporalErrors.classify(new IllegalStateException("no gRPC status")))
                .isEqualTo(Optional.empty());
    }

    @Test
    void onlyTheFailuresThatMayPassAreWaitedFor() {
        assertThat(ConnectionFailure.UNREACHABLE.mayPass()).isTrue();
        assertThat(ConnectionFailure.OVERLOADED.mayPass()).isTrue();
        assertThat(ConnectionFailure.NOT_AUTHORISED.mayPass()).isFalse();
        assertThat(ConnectionFailure.NAMESPACE_NOT_FOUND.mayPass()).isFalse();
    }

    @Test
    void eachMessageNamesTheSettingsToCheck() {
        Settings settings = Settings.load(
                Map.of("TEMPORAL_HOST", "ns.acct.tmprl.cloud:7233", "TEMPORAL_NAMESPACE", "ns.acct"), null);
        try (TemporalConnection connection = TemporalConnection.forClient(settings.temporal())) {
            assertThat(connection.message(ConnectionFailure.NOT_AUTHORISED))
                    .contains(
                            "TEMPORAL_API_KEY",
                            "TEMPORAL_TLS_CERT_PATH",
                            "TEMPORAL_TLS_KEY_PATH",
                            "ns.acct.tmprl.cloud:7233");
            assertThat(connection.message(ConnectionFailure.NAMESPACE_NOT_FOUND))
                    .contains("TEMPORAL_NAMESPACE", "'ns.acct'");
            assertThat(connection.message(ConnectionFailure.UNREACHABLE)).contains("not reachable", "TEMPORAL_HOST");
            assertThat(connection.message(ConnectionFailure.OVERLOADED)).contains("overloaded");
        }
    }
}
