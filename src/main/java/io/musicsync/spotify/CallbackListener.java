package io.musicsync.spotify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Listens on the redirect URI's host, port and path for the one request Spotify's authorize page redirects the
 * browser to, and hands back the full address it was called with.
 *
 * <p>Only a request carrying this attempt's {@code state} ends the wait: a stale tab of an earlier attempt (or
 * anything else calling the port) gets a 400 page and the listener keeps waiting for the real answer.
 */
public final class CallbackListener implements AutoCloseable {

    private static final String PAGE = "<!doctype html><meta charset=utf-8><title>music-sync</title>"
            + "<p>music-sync received Spotify's answer. You can close this tab and return to the terminal.</p>";
    private static final String STALE_PAGE = "<!doctype html><meta charset=utf-8><title>music-sync</title>"
            + "<p>This answer belongs to another login attempt (its state does not match), so music-sync ignored it."
            + " Close this tab and open the newest link shown in the terminal.</p>";

    private final HttpServer server;
    private final URI redirectUri;
    private final String state;
    private final CompletableFuture<URI> received = new CompletableFuture<>();

    private CallbackListener(URI redirectUri, String state) throws IOException {
        this.redirectUri = redirectUri;
        this.state = state;
        int port = redirectUri.getPort() > 0 ? redirectUri.getPort() : 80;
        this.server = HttpServer.create(new InetSocketAddress(redirectUri.getHost(), port), 0);
        String path =
                redirectUri.getRawPath() == null || redirectUri.getRawPath().isEmpty() ? "/" : redirectUri.getRawPath();
        server.createContext(path, this::handle);
        server.start();
    }

    /**
     * Listens on the request's redirect URI for the answer that carries its state.
     *
     * @throws IOException when the redirect URI's port is taken
     */
    public static CallbackListener start(AuthorizationRequest request) throws IOException {
        return new CallbackListener(request.redirectUri(), request.state());
    }

    /** Waits for the redirect. @throws LoginFailedException when none arrives in time */
    public URI await(Duration timeout) throws InterruptedException {
        try {
            return received.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new LoginFailedException("no answer from Spotify on " + redirectUri + " within " + timeout.toSeconds()
                    + " s: run ./music-sync login again (or use --no-browser)");
        } catch (ExecutionException e) {
            throw new IllegalStateException("the callback listener failed", e.getCause());
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI requested = exchange.getRequestURI();
        // The context matches path prefixes; only the exact path is the redirect.
        if (!requested.getRawPath().equals(exchange.getHttpContext().getPath())) {
            respond(exchange, 404, "text/plain", "not found");
            return;
        }
        if (!state.equals(OAuthLogin.queryParameters(requested).get("state"))) {
            respond(exchange, 400, "text/html; charset=utf-8", STALE_PAGE);
            return;
        }
        respond(exchange, 200, "text/html; charset=utf-8", PAGE);
        // Only after the page is sent: completing lets the login go on and close this server.
        received.complete(URI.create(redirectUri.getScheme() + "://" + redirectUri.getRawAuthority()
                + requested.getRawPath() + "?" + requested.getRawQuery()));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String page) throws IOException {
        byte[] body = page.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
