package io.musicsync.engine.temporal;

import com.uber.m3.tally.Scope;
import io.musicsync.config.Settings;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.serviceclient.SimpleSslContextBuilder;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A client connection to Temporal built from {@link Settings.Temporal}: plain, mTLS (Temporal Cloud certificates)
 * or API key. The gRPC channel connects lazily and reconnects by itself, so creating this never blocks and a
 * Temporal that comes up later is picked up without a restart.
 */
public final class TemporalConnection implements AutoCloseable {

    /** How long the API waits for Temporal before answering 503 instead of hanging. */
    static final Duration CLIENT_RPC_RETRY_WINDOW = Duration.ofSeconds(2);

    static final Duration QUERY_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration HEALTH_CHECK_TIMEOUT = Duration.ofSeconds(2);

    private final Settings.Temporal settings;
    private final WorkflowServiceStubs stubs;
    private final WorkflowClient client;

    private TemporalConnection(Settings.Temporal settings, WorkflowServiceStubsOptions options) {
        this.settings = settings;
        this.stubs = WorkflowServiceStubs.newServiceStubs(options);
        this.client = WorkflowClient.newInstance(
                stubs,
                WorkflowClientOptions.newBuilder()
                        .setNamespace(settings.namespace())
                        .build());
    }

    /** For the API: calls give up after a couple of seconds, so a down Temporal is a quick 503, not a hang. */
    public static TemporalConnection forClient(Settings.Temporal settings) {
        WorkflowServiceStubsOptions.Builder options = baseOptions(settings)
                .setRpcRetryOptions(RpcRetryOptions.newBuilder()
                        .setExpiration(CLIENT_RPC_RETRY_WINDOW)
                        .build())
                .setRpcQueryTimeout(QUERY_TIMEOUT)
                .setSystemInfoTimeout(CLIENT_RPC_RETRY_WINDOW)
                .setConnectionBackoffResetFrequency(Duration.ofSeconds(2));
        return new TemporalConnection(settings, options.build());
    }

    /** For workers: the SDK's patient defaults, so a short Temporal outage does not lose activity results. */
    public static TemporalConnection forWorker(Settings.Temporal settings) {
        return new TemporalConnection(settings, baseOptions(settings).build());
    }

    /** For workers whose SDK metrics (polls, task latencies, schedule-to-start) go to {@code metricsScope}. */
    public static TemporalConnection forWorker(Settings.Temporal settings, Scope metricsScope) {
        return new TemporalConnection(
                settings, baseOptions(settings).setMetricsScope(metricsScope).build());
    }

    private static WorkflowServiceStubsOptions.Builder baseOptions(Settings.Temporal settings) {
        WorkflowServiceStubsOptions.Builder options =
                WorkflowServiceStubsOptions.newBuilder().setTarget(settings.host());
        if (settings.tlsCertPath() != null) {
            options.setSslContext(mutualTls(settings));
        }
        if (settings.apiKey() != null) {
            String apiKey = settings.apiKey();
            options.setEnableHttps(true).addApiKey(() -> apiKey);
        }
        return options;
    }

    private static io.grpc.netty.shaded.io.netty.handler.ssl.SslContext mutualTls(Settings.Temporal settings) {
        try (InputStream cert = Files.newInputStream(settings.tlsCertPath());
                InputStream key = Files.newInputStream(settings.tlsKeyPath())) {
            return SimpleSslContextBuilder.forPKCS8(cert, key).build();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read the Temporal TLS certificate or key (TEMPORAL_TLS_CERT_PATH="
                            + settings.tlsCertPath() + ", TEMPORAL_TLS_KEY_PATH=" + settings.tlsKeyPath() + "): "
                            + e.getMessage(),
                    e);
        }
    }

    public WorkflowClient client() {
        return client;
    }

    public Settings.Temporal settings() {
        return settings;
    }

    /**
     * Asks Temporal about our namespace with a short deadline: empty when it answers, else why it did not. A
     * namespace-scoped call, so a wrong namespace or credentials that do not reach it show here, not later.
     */
    Optional<ConnectionFailure> check() {
        try {
            stubs.blockingStub()
                    .withDeadlineAfter(HEALTH_CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .describeNamespace(DescribeNamespaceRequest.newBuilder()
                            .setNamespace(settings.namespace())
                            .build());
            return Optional.empty();
        } catch (RuntimeException e) {
            // Anything unclassified (e.g. a TLS handshake that fails) also means we cannot use Temporal.
            return Optional.of(TemporalErrors.classify(e).orElse(ConnectionFailure.UNREACHABLE));
        }
    }

    /** What to tell a person about a connection failure: which setting to look at, or what to start. */
    String message(ConnectionFailure failure) {
        return switch (failure) {
            case UNREACHABLE ->
                "Temporal is not reachable at " + settings.host() + ": start it (./music-sync"
                        + " temporal-dev, or docker compose up) or point TEMPORAL_HOST at your Temporal server";
            case OVERLOADED -> "Temporal at " + settings.host() + " is overloaded (rate limited); try again shortly";
            case NOT_AUTHORISED ->
                "Temporal at " + settings.host() + " refused our credentials for namespace "
                        + settings.namespace() + ": check TEMPORAL_API_KEY, or TEMPORAL_TLS_CERT_PATH and"
                        + " TEMPORAL_TLS_KEY_PATH";
            case NAMESPACE_NOT_FOUND ->
                "Temporal at " + settings.host() + " has no namespace '" + settings.namespace()
                        + "': check TEMPORAL_NAMESPACE (Temporal Cloud: <namespace>.<account>)";
        };
    }

    @Override
    public void close() {
        stubs.shutdown();
        stubs.awaitTermination(5, TimeUnit.SECONDS);
    }
}
