package io.musicsync.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthWaitTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        client.close();
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/health");
    }

    @Test
    void waitsThroughNon200AnswersUntilTheFirst200() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        server.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(calls.incrementAndGet() < 4 ? 503 : 200, -1);
            exchange.close();
        });

        Duration took = new HealthWait(client).await(url(), () -> true, Duration.ofSeconds(10));

        assertThat(calls.get()).isEqualTo(4);
        assertThat(took).isPositive();
    }

    @Test
    void givesUpAtOnceWhenTheProcessHasExited() {
        server.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        AtomicInteger checks = new AtomicInteger();

        assertThatThrownBy(() ->
                        new HealthWait(client).await(url(), () -> checks.incrementAndGet() < 3, Duration.ofMinutes(5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited");
        assertThat(checks.get()).isEqualTo(3);
    }

    @Test
    void givesUpAfterTheDeadlineWhenNothingAnswers() {
        server.stop(0);

        assertThatThrownBy(() -> new HealthWait(client).await(url(), () -> true, Duration.ofMillis(300)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not answer 200");
    }
}
