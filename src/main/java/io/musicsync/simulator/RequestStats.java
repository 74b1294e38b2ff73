package io.musicsync.simulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/** Thread-safe counters behind {@link SimulatorStats}. */
final class RequestStats {

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final LongAdder tooManyRequests = new LongAdder();
    private final LongAdder duringRetryAfter = new LongAdder();
    private final LongAdder withoutRetryAfter = new LongAdder();

    void received(Endpoint endpoint) {
        requests.computeIfAbsent(endpoint.statName(), name -> new LongAdder()).increment();
    }

    void tooManyRequestsSent() {
        tooManyRequests.increment();
    }

    void withoutRetryAfterSent() {
        withoutRetryAfter.increment();
    }

    void receivedDuringRetryAfter() {
        duringRetryAfter.increment();
    }

    SimulatorStats snapshot() {
        Map<String, Long> counts = requests.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum()));
        return new SimulatorStats(counts, tooManyRequests.sum(), withoutRetryAfter.sum(), duringRetryAfter.sum());
    }

    void clear() {
        requests.clear();
        tooManyRequests.reset();
        duringRetryAfter.reset();
        withoutRetryAfter.reset();
    }
}
