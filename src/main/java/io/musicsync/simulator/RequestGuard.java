package io.musicsync.simulator;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything that happens to a call before its endpoint runs, in Spotify's order: counting, latency, the rate
 * limit, injected faults, then the bearer token.
 */
final class RequestGuard {

    private final RequestStats stats;
    private final RateLimiter rateLimiter;
    private final FaultInjector faults;
    private final TokenAuthority tokens;
    private volatile Duration latency = Duration.ZERO;

    RequestGuard(RequestStats stats, RateLimiter rateLimiter, FaultInjector faults, TokenAuthority tokens) {
        this.stats = stats;
        this.rateLimiter = rateLimiter;
        this.faults = faults;
        this.tokens = tokens;
    }

    void setLatency(Duration newLatency) {
        latency = newLatency.isNegative() ? Duration.ZERO : newLatency;
    }

    /** A Web API endpoint: rate-limited, fault-injectable, needs a valid access token. */
    Handler api(Endpoint endpoint, Handler handler) {
        return ctx -> {
            receive(endpoint);
            RateLimiter.Decision decision = rateLimiter.admit();
            if (decision.duringRetryAfter()) {
                stats.receivedDuringRetryAfter();
            }
            if (decision.refused()) {
                tooManyRequests(ctx, decision.retryAfter());
                return;
            }

            Optional<Fault> fault = faults.take(endpoint);
            if (fault.isPresent()) {
                failApi(ctx, fault.get());
                return;
            }
            authenticate(ctx, endpoint);
            handler.handle(ctx);
        };
    }

    /** An accounts-service endpoint: counted, delayed, fault-injectable; no bearer token. */
    Handler accounts(Endpoint endpoint, Handler handler) {
        return ctx -> {
            receive(endpoint);
            Optional<Fault> fault = faults.take(endpoint);
            if (fault.isPresent()) {
                Fault f = fault.get();
                if (f.status() == 429) {
                    ctx.header("Retry-After", Long.toString(f.retryAfter().toSeconds()));
                    stats.tooManyRequestsSent();
                }
                ctx.status(f.status()).json(new OAuthErrorJson("server_error", "Simulated failure"));
                return;
            }
            handler.handle(ctx);
        };
    }

    private void receive(Endpoint endpoint) throws InterruptedException {
        stats.received(endpoint);
        Duration delay = latency;
        if (!delay.isZero()) {
            Thread.sleep(delay); // simulated network and server time; runs on a virtual thread
        }
    }

    private void failApi(Context ctx, Fault fault) {
        if (fault.status() == 429 && !fault.sendRetryAfter()) {
            rateLimiter.silentWaitSent(fault.retryAfter());
            tooManyRequests(ctx, null);
            return;
        }
        if (fault.status() == 429) {
            rateLimiter.retryAfterSent(fault.retryAfter());
            tooManyRequests(ctx, fault.retryAfter());
            return;
        }
        String message = switch (fault.status()) {
            case 403 -> "User not registered in the Developer Dashboard";
            case 500 -> "Server error";
            case 502 -> "Bad gateway";
            case 503 -> "Service unavailable";
            default -> "Simulated failure";
        };
        ctx.status(fault.status()).json(ErrorJson.of(fault.status(), message));
    }

    /** A 429, with Retry-After unless {@code retryAfter} is null. */
    private void tooManyRequests(Context ctx, Duration retryAfter) {
        stats.tooManyRequestsSent();
        if (retryAfter == null) {
            stats.withoutRetryAfterSent();
        } else {
            ctx.header("Retry-After", Long.toString(retryAfter.toSeconds()));
        }
        ctx.status(429).json(ErrorJson.of(429, "API rate limit exceeded"));
    }

    /** For routes whose scope depends on what the call is about: 403 unless the call's token has {@code scope}. */
    void requireScope(Context ctx, String scope) {
        if (!tokens.scopes(bearer(ctx)).contains(scope)) {
            throw new ApiException(403, "Insufficient client scope");
        }
    }

    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(401, "No token provided");
        }
        return header.substring(7).trim();
    }

    private void authenticate(Context ctx, Endpoint endpoint) {
        switch (tokens.check(bearer(ctx), endpoint.scopes())) {
            case VALID -> {}
            case EXPIRED -> throw new ApiException(401, "The access token expired");
            case UNKNOWN -> throw new ApiException(401, "Invalid access token");
            case INSUFFICIENT_SCOPE -> throw new ApiException(403, "Insufficient client scope");
        }
    }
}
