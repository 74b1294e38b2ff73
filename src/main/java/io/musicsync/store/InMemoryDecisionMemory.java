package io.musicsync.store;

import io.musicsync.domain.DecisionMemory;
import io.musicsync.domain.ReviewChoice;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Review decisions kept as long as the process lives ({@code STANDALONE_STORE=memory}, and tests). */
public final class InMemoryDecisionMemory implements DecisionMemory {

    private final Map<String, ReviewChoice> byKey = new ConcurrentHashMap<>();

    @Override
    public Optional<ReviewChoice> recall(List<String> keys) {
        return keys.stream().map(byKey::get).filter(Objects::nonNull).findFirst();
    }

    @Override
    public void remember(List<String> keys, ReviewChoice choice) {
        keys.forEach(key -> byKey.put(key, choice));
    }
}
