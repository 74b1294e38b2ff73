package io.musicsync.engine.temporal;

import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * A Temporal frontend on a free loopback port that answers every call with one error, as a real server does for
 * bad credentials or an unknown namespace.
 */
public final class RefusingTemporalFrontend implements AutoCloseable {

    private final Server server;

    private RefusingTemporalFrontend(Server server) {
        this.server = server;
    }

    public static RefusingTemporalFrontend start(StatusRuntimeException error) {
        ServerInterceptor refuse = new ServerInterceptor() {
            @Override
            public <Q, A> ServerCall.Listener<Q> interceptCall(
                    ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
                call.close(error.getStatus(), error.getTrailers() == null ? new Metadata() : error.getTrailers());
                return new ServerCall.Listener<>() {};
            }
        };
        try {
            return new RefusingTemporalFrontend(
                    NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                            .addService(ServerInterceptors.intercept(
                                    new WorkflowServiceGrpc.WorkflowServiceImplBase() {}, refuse))
                            .build()
                            .start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value for TEMPORAL_HOST. */
    public String host() {
        return "127.0.0.1:" + server.getPort();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
