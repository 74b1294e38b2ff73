package io.musicsync.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback HTTP proxy in front of the Spotify simulator that can hold the answers to add requests after the
 * simulator has carried them out: the one moment a crash leaves an add done but not yet known to the service.
 */
public final class HoldingProxy implements AutoCloseable {

    private static final Set<String> FORWARDED_HEADERS = Set.of("authorization", "content-type");

    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI upstream;
    private final AtomicReference<CountDownLatch> hold = new AtomicReference<>();
    private final AtomicInteger heldAdds = new AtomicInteger();

    private HoldingProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::forward);
        server.start();
    }

    /** @param upstream the simulator's base address (scheme, host and port) */
    public static HoldingProxy start(URI upstream) {
        try {
            return new HoldingProxy(upstream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The proxy's address for the same path as {@code target} (e.g. the simulator's API URL). */
    public URI address(URI target) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + target.getRawPath());
    }

    /** From now on, answers to adds are held (after the simulator carried them out) until {@link #release()}. */
    public void holdAdds() {
        hold.set(new CountDownLatch(1));
    }

    public void release() {
        CountDownLatch latch = hold.getAndSet(null);
        if (latch != null) {
            latch.countDown();
        }
    }

    /** Adds the simulator has carried out whose answers are being held. */
    public int heldAdds() {
        return heldAdds.get();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI target = upstream.resolve(exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null
                            ? ""
                            : "?" + exchange.getRequestURI().getRawQuery()));
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(target)
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (FORWARDED_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            boolean isAdd = exchange.getRequestMethod().equals("POST")
                    && exchange.getRequestURI().getPath().matches(".*/playlists/[^/]+/items");
            CountDownLatch latch = hold.get();
            if (isAdd && latch != null) {
                heldAdds.incrementAndGet();
                latch.await(60, TimeUnit.SECONDS);
            }
            for (String name : List.of("Content-Type", "Retry-After")) {
                response.headers()
                        .firstValue(name)
                        .ifPresent(v -> exchange.getResponseHeaders().add(name, v));
            }
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client went away (the service was killed): nothing to answer.
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
