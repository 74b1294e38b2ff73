package io.musicsync.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallbackListenerTest {

    private final HttpClient browser = HttpClient.newHttpClient();
    private final URI redirectUri = URI.create("http://127.0.0.1:" + SimulatorHarness.freeLoopbackPort() + "/callback");
    private final AuthorizationRequest request =
            new AuthorizationRequest(URI.create("http://accounts/authorize"), redirectUri, "current-state", "verifier");

    @Test
    void aStaleTabWithAnotherStateGetsA400AndTheLoginKeepsWaitingForItsOwnAnswer() throws Exception {
        try (CallbackListener listener = CallbackListener.start(request)) {
            HttpResponse<String> stale = get("?code=old-code&state=earlier-state");
            HttpResponse<String> noState = get("?code=old-code");

            assertThat(stale.statusCode()).isEqualTo(400);
            assertThat(stale.body()).contains("another login attempt", "newest link");
            assertThat(noState.statusCode()).isEqualTo(400);
            assertThatThrownBy(() -> listener.await(Duration.ofMillis(200)))
                    .isInstanceOf(LoginFailedException.class)
                    .hasMessageContaining("no answer from Spotify");

            HttpResponse<String> current = get("?code=new-code&state=current-state");

            assertThat(current.statusCode()).isEqualTo(200);
            assertThat(listener.await(Duration.ofSeconds(5)))
                    .isEqualTo(URI.create(redirectUri + "?code=new-code&state=current-state"));
        }
    }

    @Test
    void anotherPathIsNotTheRedirect() throws Exception {
        try (CallbackListener listener = CallbackListener.start(request)) {
            HttpResponse<String> favicon = browser.send(
                    HttpRequest.newBuilder(URI.create(redirectUri + "/favicon.ico?state=current-state"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(favicon.statusCode()).isEqualTo(404);
            assertThatThrownBy(() -> listener.await(Duration.ofMillis(200))).isInstanceOf(LoginFailedException.class);
        }
    }

    private HttpResponse<String> get(String query) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(URI.create(redirectUri + query)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
