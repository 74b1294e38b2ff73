package io.musicsync.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start a {@link SpotifySimulator}.
 *
 * @param host bind address; the default 127.0.0.1 keeps it off the network
 * @param port 0 picks a free port
 * @param clock the time used for token expiry and Retry-After windows (tests may pass a controllable one)
 * @param accessTokenLifetime lifetime of issued access tokens (Spotify: one hour)
 * @param rotateRefreshTokens whether each refresh returns a new refresh token and revokes the old one
 * @param loadCatalog whether to load the bundled sample catalog
 */
public record SimulatorOptions(
        String host,
        int port,
        Clock clock,
        Duration accessTokenLifetime,
        boolean rotateRefreshTokens,
        boolean loadCatalog) {

    public SimulatorOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
    }

    /** 127.0.0.1, a free port, the system clock, one-hour tokens, no rotation, the sample catalog. */
    public static SimulatorOptions defaults() {
        return new SimulatorOptions("127.0.0.1", 0, Clock.systemUTC(), Duration.ofHours(1), false, true);
    }

    public SimulatorOptions withHost(String newHost) {
        return new SimulatorOptions(newHost, port, clock, accessTokenLifetime, rotateRefreshTokens, loadCatalog);
    }

    public SimulatorOptions withPort(int newPort) {
        return new SimulatorOptions(host, newPort, clock, accessTokenLifetime, rotateRefreshTokens, loadCatalog);
    }

    public SimulatorOptions withClock(Clock newClock) {
        return new SimulatorOptions(host, port, newClock, accessTokenLifetime, rotateRefreshTokens, loadCatalog);
    }

    public SimulatorOptions withAccessTokenLifetime(Duration lifetime) {
        return new SimulatorOptions(host, port, clock, lifetime, rotateRefreshTokens, loadCatalog);
    }

    public SimulatorOptions withRotateRefreshTokens(boolean rotate) {
        return new SimulatorOptions(host, port, clock, accessTokenLifetime, rotate, loadCatalog);
    }

    public SimulatorOptions withLoadCatalog(boolean load) {
        return new SimulatorOptions(host, port, clock, accessTokenLifetime, rotateRefreshTokens, load);
    }
}
