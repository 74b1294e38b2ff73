package io.musicsync.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start a {@link SpotifySimulator}.
 *
 * @param host bind address; the default 127.0.0.1 keeps it off the network
 * @param port 0 picks a free port
 * @param clock the time used for token expiry, Retry-After windows and read-after-write lag
 * @param accessTokenLifetime lifetime of issued access tokens (Spotify: one hour)
 * @param rotateRefreshTokens whether each refresh returns a new refresh token and revokes the old one
 * @param loadCatalog whether to load the bundled sample catalog
 * @param consistencyLag how long after a change playlist reads still show the state before it (Spotify: seconds)
 * @param isrcMissShare the share (0-1) of ISRCs whose {@code isrc:} search comes back empty, as reported of Spotify
 */
public record SimulatorOptions(
        String host,
        int port,
        Clock clock,
        Duration accessTokenLifetime,
        boolean rotateRefreshTokens,
        boolean loadCatalog,
        Duration consistencyLag,
        double isrcMissShare) {

    /** The read-after-write lag of {@link #defaults()}: Spotify shows a write through GET only after seconds. */
    public static final Duration DEFAULT_CONSISTENCY_LAG = Duration.ofMillis(1500);
    /** The share of empty ISRC searches of {@link #defaults()}. */
    public static final double DEFAULT_ISRC_MISS_SHARE = 0.1;

    public SimulatorOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime");
        Objects.requireNonNull(consistencyLag, "consistencyLag");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
        if (consistencyLag.isNegative()) {
            throw new IllegalArgumentException("consistencyLag must not be negative");
        }
        if (isrcMissShare < 0 || isrcMissShare > 1) {
            throw new IllegalArgumentException("isrcMissShare must be 0-1, was " + isrcMissShare);
        }
    }

    /**
     * 127.0.0.1, a free port, the system clock, one-hour tokens, no rotation, the sample catalog, and Spotify's
     * strictness: {@link #DEFAULT_CONSISTENCY_LAG} and {@link #DEFAULT_ISRC_MISS_SHARE}.
     */
    public static SimulatorOptions defaults() {
        return new SimulatorOptions(
                "127.0.0.1",
                0,
                Clock.systemUTC(),
                Duration.ofHours(1),
                false,
                true,
                DEFAULT_CONSISTENCY_LAG,
                DEFAULT_ISRC_MISS_SHARE);
    }

    public SimulatorOptions withHost(String newHost) {
        return new SimulatorOptions(
                newHost,
                port,
                clock,
                accessTokenLifetime,
                rotateRefreshTokens,
                loadCatalog,
                consistencyLag,
                isrcMissShare);
    }

    public SimulatorOptions withPort(int newPort) {
        return new SimulatorOptions(
                host,
                newPort,
                clock,
                accessTokenLifetime,
                rotateRefreshTokens,
                loadCatalog,
                consistencyLag,
                isrcMissShare);
    }

    public SimulatorOptions withClock(Clock newClock) {
        return new SimulatorOptions(
                host,
                port,
                newClock,
                accessTokenLifetime,
                rotateRefreshTokens,
                loadCatalog,
                consistencyLag,
                isrcMissShare);
    }

    public SimulatorOptions withAccessTokenLifetime(Duration lifetime) {
        return new SimulatorOptions(
                host, port, clock, lifetime, rotateRefreshTokens, loadCatalog, consistencyLag, isrcMissShare);
    }

    public SimulatorOptions withRotateRefreshTokens(boolean rotate) {
        return new SimulatorOptions(
                host, port, clock, accessTokenLifetime, rotate, loadCatalog, consistencyLag, isrcMissShare);
    }

    public SimulatorOptions withLoadCatalog(boolean load) {
        return new SimulatorOptions(
                host, port, clock, accessTokenLifetime, rotateRefreshTokens, load, consistencyLag, isrcMissShare);
    }

    public SimulatorOptions withConsistencyLag(Duration lag) {
        return new SimulatorOptions(
                host, port, clock, accessTokenLifetime, rotateRefreshTokens, loadCatalog, lag, isrcMissShare);
    }

    public SimulatorOptions withIsrcMissShare(double share) {
        return new SimulatorOptions(
                host, port, clock, accessTokenLifetime, rotateRefreshTokens, loadCatalog, consistencyLag, share);
    }
}
