package io.musicsync.ai;

import io.musicsync.domain.AiChoice;
import io.musicsync.domain.AiKeyInvalidException;
import io.musicsync.domain.AiUnavailableException;
import io.musicsync.domain.ScoredCandidate;
import io.musicsync.domain.SongQuery;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules every provider shares, so each provider only writes its SDK call: build the prompt, bound the call by
 * {@code AI_TIMEOUT_SECONDS}, validate the answer, and classify failures once:
 * <ul>
 *   <li>401/403: the key is bad. Throws {@link AiKeyInvalidException} (not retried) and turns AI off for this
 *       process, so health says why and later syncs end as "no confident match" without calling the provider.</li>
 *   <li>429, 408, 5xx, connection errors: {@link AiUnavailableException}, retried by the AI retry policy.</li>
 *   <li>timeout: "none" with the reason, so the sync ends as "no confident match" rather than failing.</li>
 *   <li>other 4xx (e.g. an unknown model): "none" with the status, since retrying the same request cannot help.</li>
 *   <li>an interrupt of the calling thread: {@link CancellationException} (the sync is being cancelled).</li>
 * </ul>
 */
final class ModelCallGuard {

    private static final Logger LOG = LoggerFactory.getLogger(ModelCallGuard.class);

    private final ProviderInfo info;
    private final Duration timeout;
    private final AnswerValidator validator;
    private final AtomicReference<String> offReason = new AtomicReference<>();

    ModelCallGuard(ProviderInfo info, Duration timeout) {
        this.info = info;
        this.timeout = timeout;
        this.validator = new AnswerValidator(info.provider(), info.model());
    }

    AiChoice choose(SongQuery song, List<ScoredCandidate> candidates, ModelCall call) {
        String off = offReason.get();
        if (off != null) {
            return validator.none(off); // already says why and that AI is off
        }
        if (candidates.isEmpty()) {
            return validator.none("there were no candidates to choose from");
        }
        DisambiguationPrompt prompt = DisambiguationPrompt.of(song, candidates);
        String answer;
        try {
            answer = callWithDeadline(call, prompt);
        } catch (TimeoutException e) {
            return timedOut();
        } catch (ExecutionException e) {
            return classify(e.getCause());
        }
        AiChoice choice = validator.validate(answer, prompt.offeredUris());
        LOG.debug(
                "{}/{} chose {} ({}) for {}",
                info.provider(),
                info.model(),
                choice.chosenUri(),
                choice.confidence(),
                song);
        return choice;
    }

    AiStatus status() {
        String off = offReason.get();
        return new AiStatus(off == null, info.provider(), info.model(), off);
    }

    /**
     * The SDKs have their own timeouts (set to the same value), but the JDK HTTP client's timeout does not cover
     * a response body that stalls, so the deadline is enforced here too.
     */
    private String callWithDeadline(ModelCall call, DisambiguationPrompt prompt)
            throws TimeoutException, ExecutionException {
        FutureTask<String> task = new FutureTask<>(() -> call.ask(prompt));
        Thread.ofVirtual().name("ai-" + info.provider()).start(task);
        try {
            return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw e;
        } catch (InterruptedException e) {
            // An interrupt means the sync is being cancelled: not a provider failure, so nothing to retry.
            task.cancel(true);
            Thread.currentThread().interrupt();
            CancellationException cancelled =
                    new CancellationException("cancelled while waiting for " + info.displayName());
            cancelled.initCause(e);
            throw cancelled;
        }
    }

    private AiChoice classify(Throwable error) {
        OptionalInt status = statusIn(error);
        if (status.isEmpty() && isTimeout(error)) {
            return timedOut();
        }
        if (status.isEmpty()) {
            throw new AiUnavailableException(info.displayName() + " could not be reached: " + describe(error), error);
        }
        int code = status.getAsInt();
        if (code == 401 || code == 403) {
            String reason = info.keyVariable() + " was rejected (" + code + "): AI disambiguation is off";
            offReason.set(reason);
            LOG.warn(reason);
            throw new AiKeyInvalidException(reason, error);
        }
        if (code == 408 || code == 429 || code >= 500) {
            throw new AiUnavailableException(info.displayName() + " is unavailable (" + code + ")", error);
        }
        LOG.warn("{} rejected the request ({}): {}", info.displayName(), code, describe(error));
        return validator.none(info.displayName() + " rejected the request (" + code + ")");
    }

    private AiChoice timedOut() {
        String reason = "AI timed out after " + seconds(timeout) + "s";
        LOG.info("{} ({}/{})", reason, info.provider(), info.model());
        return validator.none(reason);
    }

    private OptionalInt statusIn(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            OptionalInt status = info.httpStatus().apply(t);
            if (status.isPresent()) {
                return status;
            }
        }
        return OptionalInt.empty();
    }

    private static boolean isTimeout(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof InterruptedIOException
                    || t instanceof HttpTimeoutException
                    || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
    }
}
