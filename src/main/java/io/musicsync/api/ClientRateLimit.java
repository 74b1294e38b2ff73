package io.musicsync.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import io.musicsync.api.dto.ErrorBody;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code API_RATE_LIMIT_PER_MINUTE} per client address: a token bucket per address (refilled gradually, so a
 * client that paces itself is never refused), over the budget a 429 with {@code Retry-After} in seconds. Idle
 * clients are forgotten and the number remembered is bounded, so a flood of addresses cannot exhaust memory.
 */
final class ClientRateLimit {

    private final int perMinute;
    private final Clock clock;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(2))
            .maximumSize(50_000)
            .build();

    ClientRateLimit(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    void check(Context ctx) {
        Bucket bucket = buckets.get(
                ctx.ip(),
                ip -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(perMinute)
                                .refillGreedy(perMinute, Duration.ofMinutes(1))
                                .build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(
                    1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
            ctx.header(Header.RETRY_AFTER, Long.toString(seconds));
            ctx.status(HttpStatus.TOO_MANY_REQUESTS)
                    .json(new ErrorBody(
                            "rate_limited",
                            "More than " + perMinute + " requests a minute from this client: retry in " + seconds
                                    + " s",
                            null,
                            clock.instant()));
            ctx.skipRemainingHandlers();
        }
    }
}
