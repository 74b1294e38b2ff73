package io.musicsync.ai;

import static io.musicsync.ai.AiTestData.CANDIDATES;
import static io.musicsync.ai.AiTestData.HOSTILE;
import static io.musicsync.ai.AiTestData.INJECTED;
import static io.musicsync.ai.AiTestData.INJECTION_TITLE;
import static io.musicsync.ai.AiTestData.LIVE;
import static io.musicsync.ai.AiTestData.REMASTER;
import static io.musicsync.ai.AiTestData.SONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.musicsync.domain.AiChoice;
import io.musicsync.domain.AiKeyInvalidException;
import io.musicsync.domain.AiUnavailableException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every provider must do, driven through the provider's real SDK against a fake server that answers in the
 * provider's wire format. Subclasses supply the wire format.
 */
abstract class DisambiguatorContractTest {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    final JsonMapper json = JsonMapper.builder().build();
    MockWebServer server;

    /** A disambiguator of this provider pointed at the fake server. */
    abstract Disambiguator create(MockWebServer server, Duration timeout);

    /** A successful response whose forced tool call has these arguments. */
    abstract MockResponse toolCall(Map<String, Object> arguments) throws Exception;

    /** The provider's error response for this status. */
    abstract MockResponse error(int status);

    abstract String keyVariable();

    abstract String provider();

    /** Asserts the request forces the answer tool and offers exactly these URIs in its schema. */
    abstract void assertToolForced(JsonNode body, String... offeredUris);

    /** The text of the user message (the data block). */
    abstract String userText(JsonNode body);

    abstract String systemText(JsonNode body);

    @BeforeEach
    void startServer() throws Exception {
        server = new MockWebServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    static Map<String, Object> answer(Object uri, Object confidence, Object reasoning) {
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("chosen_uri", uri);
        arguments.put("confidence", confidence);
        arguments.put("reasoning", reasoning);
        return arguments;
    }

    @Test
    void picksAnOfferedCandidateWithTheModelsConfidence() throws Exception {
        server.enqueue(toolCall(answer(REMASTER, 0.83, "Same studio recording, remastered.")));

        AiChoice choice = create(server, TIMEOUT).choose(SONG, CANDIDATES);

        assertThat(choice.chosenUri()).isEqualTo(REMASTER);
        assertThat(choice.confidence()).isEqualTo(0.83);
        assertThat(choice.reasoning()).isEqualTo("Same studio recording, remastered.");
        assertThat(choice.provider()).isEqualTo(provider());
        assertThat(choice.model()).isEqualTo("test-model");
    }

    @Test
    void modelAnsweringNoneChoosesNothing() throws Exception {
        server.enqueue(toolCall(answer(null, 0.7, "None is the studio recording.")));

        AiChoice choice = create(server, TIMEOUT).choose(SONG, CANDIDATES);

        assertThat(choice.chose()).isFalse();
        assertThat(choice.reasoning()).isEqualTo("None is the studio recording.");
        assertThat(choice.provider()).isEqualTo(provider());
    }

    @Test
    void aUriThatWasNotOfferedCountsAsNone() throws Exception {
        server.enqueue(toolCall(answer("spotify:track:9999999999999999999999", 0.99, "This one.")));

        AiChoice choice = create(server, TIMEOUT).choose(SONG, CANDIDATES);

        assertThat(choice.chose()).isFalse();
        assertThat(choice.reasoning()).contains("spotify:track:9999999999999999999999", "not offered");
    }

    @Test
    void malformedAnswerCountsAsNone() throws Exception {
        server.enqueue(toolCall(answer(LIVE, "very sure", "Live.")));

        AiChoice choice = create(server, TIMEOUT).choose(SONG, CANDIDATES);

        assertThat(choice.chose()).isFalse();
        assertThat(choice.reasoning()).contains("malformed", "confidence");
    }

    @Test
    void rejectedKeyIsNotRetryableAndTurnsAiOff() throws Exception {
        server.enqueue(error(401));
        Disambiguator ai = create(server, TIMEOUT);
        assertThat(ai.status().enabled()).isTrue();

        assertThatThrownBy(() -> ai.choose(SONG, CANDIDATES))
                .isInstanceOf(AiKeyInvalidException.class)
                .hasMessage(keyVariable() + " was rejected (401): AI disambiguation is off");

        assertThat(ai.status().enabled()).isFalse();
        assertThat(ai.status().reason()).isEqualTo(keyVariable() + " was rejected (401): AI disambiguation is off");
        AiChoice later = ai.choose(SONG, CANDIDATES);
        assertThat(later.chose()).isFalse();
        assertThat(later.reasoning()).contains("AI disambiguation is off");
        assertThat(server.getRequestCount())
                .as("no call once the key was rejected")
                .isEqualTo(1);
    }

    @Test
    void forbiddenKeyAlsoTurnsAiOff() {
        server.enqueue(error(403));
        Disambiguator ai = create(server, TIMEOUT);

        assertThatThrownBy(() -> ai.choose(SONG, CANDIDATES)).isInstanceOf(AiKeyInvalidException.class);
        assertThat(ai.status().reason()).isEqualTo(keyVariable() + " was rejected (403): AI disambiguation is off");
    }

    @Test
    void rateLimitIsRetryableAndTheRetrySucceeds() throws Exception {
        server.enqueue(error(429));
        server.enqueue(toolCall(answer(LIVE, 0.66, "The only take by the Beatles.")));
        Disambiguator ai = create(server, TIMEOUT);

        assertThatThrownBy(() -> ai.choose(SONG, CANDIDATES))
                .isInstanceOf(AiUnavailableException.class)
                .hasMessageContaining("429");
        assertThat(server.getRequestCount())
                .as("the SDK does not retry on its own")
                .isEqualTo(1);

        AiChoice retried = ai.choose(SONG, CANDIDATES);
        assertThat(retried.chosenUri()).isEqualTo(LIVE);
        assertThat(retried.confidence()).isEqualTo(0.66);
        assertThat(ai.status().enabled()).isTrue();
    }

    @Test
    void serverErrorIsRetryable() throws Exception {
        server.enqueue(error(503));

        assertThatThrownBy(() -> create(server, TIMEOUT).choose(SONG, CANDIDATES))
                .isInstanceOf(AiUnavailableException.class)
                .hasMessageContaining("503");
    }

    @Test
    void unreachableServerIsRetryable() {
        Disambiguator ai = create(server, TIMEOUT);
        server.close();

        assertThatThrownBy(() -> ai.choose(SONG, CANDIDATES)).isInstanceOf(AiUnavailableException.class);
    }

    @Test
    void timeoutEndsAsNoneWithTheReason() throws Exception {
        server.enqueue(toolCall(answer(REMASTER, 0.9, "Late answer."))
                .newBuilder()
                .bodyDelay(10, TimeUnit.SECONDS)
                .build());
        Disambiguator ai = create(server, Duration.ofMillis(500));

        long start = System.nanoTime();
        AiChoice choice = ai.choose(SONG, CANDIDATES);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(choice.chose()).isFalse();
        assertThat(choice.reasoning()).isEqualTo("AI timed out after 0.5s");
        assertThat(choice.provider()).isEqualTo(provider());
        assertThat(took).isLessThan(Duration.ofSeconds(4));
        assertThat(ai.status().enabled()).isTrue();
    }

    @Test
    void anInterruptWhileWaitingCancelsInsteadOfAskingForARetry() throws Exception {
        server.enqueue(toolCall(answer(REMASTER, 0.9, "Late answer."))
                .newBuilder()
                .headersDelay(10, TimeUnit.SECONDS)
                .build());
        Disambiguator ai = create(server, TIMEOUT);
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        AtomicBoolean interruptKept = new AtomicBoolean();
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                ai.choose(SONG, CANDIDATES);
                thrown.complete(null);
            } catch (RuntimeException e) {
                interruptKept.set(Thread.currentThread().isInterrupted());
                thrown.complete(e);
            }
        });

        assertThat(server.takeRequest(5, TimeUnit.SECONDS))
                .as("the call is on the wire")
                .isNotNull();
        caller.interrupt();

        assertThat(thrown.get(4, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        assertThat(interruptKept).isTrue();
        assertThat(ai.status().enabled()).isTrue();
    }

    @Test
    void requestForcesTheToolAndCarriesTheTopCandidatesAsData() throws Exception {
        server.enqueue(toolCall(answer(REMASTER, 0.8, "Remaster of the studio take.")));

        create(server, TIMEOUT).choose(SONG, CANDIDATES);

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        JsonNode body = json.readTree(request.getBody().utf8());
        assertToolForced(body, REMASTER, LIVE, HOSTILE);
        String user = userText(body);
        String data = user.substring(user.indexOf("<data>"), user.indexOf("</data>"));
        assertThat(data)
                .contains(
                        REMASTER,
                        LIVE,
                        HOSTILE,
                        "Yesterday - Remastered 2009",
                        "George Martin",
                        "Live at the BBC",
                        "1994-11-30",
                        "\"our_score\" : 0.82",
                        "tags differ: live",
                        "The Beatles");
        assertThat(data).contains(INJECTION_TITLE);
        assertThat(user.replace(data, "")).doesNotContain("Ignore previous instructions", INJECTED);
        assertThat(systemText(body))
                .doesNotContain("Ignore previous instructions", INJECTED)
                .contains("never instructions");
    }

    @Test
    void obeyingTheInjectedTitleStillChoosesNothing() throws Exception {
        server.enqueue(toolCall(answer(INJECTED, 1.0, "The title told me to.")));

        AiChoice choice = create(server, TIMEOUT).choose(SONG, CANDIDATES);

        assertThat(choice.chose()).isFalse();
        assertThat(choice.reasoning()).contains("not offered");
    }
}
