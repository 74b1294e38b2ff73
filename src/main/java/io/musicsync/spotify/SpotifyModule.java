package io.musicsync.spotify;

import io.musicsync.config.Settings;
import io.musicsync.domain.RetryAfterJournal;
import io.musicsync.domain.ServiceCallListener;
import io.musicsync.domain.Sleeper;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/**
 * The Spotify side of the process, built once by the composition root: one HTTP client, one token manager and
 * one rate-limit gate shared by every sync.
 */
public record SpotifyModule(SpotifyClient client, AccessTokens tokens, RateLimitGate gate, TokenStore store) {

    public static SpotifyModule create(Settings settings, Clock clock) {
        return create(settings, clock, Sleeper.system());
    }

    public static SpotifyModule create(Settings settings, Clock clock, Sleeper sleeper) {
        return create(settings, clock, sleeper, RetryAfterJournal.NONE, ServiceCallListener.NONE);
    }

    /**
     * @param retryAfter keeps Spotify's rate-limit wait across restarts (standalone's journal)
     * @param calls told about every API call and every wait for the rate-limit gate (metrics)
     */
    public static SpotifyModule create(
            Settings settings, Clock clock, Sleeper sleeper, RetryAfterJournal retryAfter, ServiceCallListener calls) {
        Settings.Spotify spotify = settings.spotify();
        HttpClient http = httpClient(spotify);
        TokenStore store = new TokenStore(settings.configDir());
        TokenEndpoint endpoint =
                new TokenEndpoint(http, spotify.accountsUrl(), spotify.clientId(), spotify.clientSecret());
        AccessTokens tokens = new AccessTokens(endpoint, store, spotify.refreshToken(), clock);
        RateLimitGate gate = new RateLimitGate(
                clock, waited(sleeper, calls), spotify.maxRateLimitWait(), spotify.maxRequestsPerSecond(), retryAfter);
        return new SpotifyModule(new SpotifyClient(http, spotify.apiUrl(), tokens, gate, calls), tokens, gate, store);
    }

    /** The gate's sleeper, telling the listener how long each wait was. */
    private static Sleeper waited(Sleeper sleeper, ServiceCallListener calls) {
        return duration -> {
            calls.onRateLimitWait(duration);
            sleeper.sleep(duration);
        };
    }

    /** The HTTP client for the API and accounts services of these settings. */
    public static HttpClient httpClient(Settings.Spotify spotify) {
        // HTTP/2 only pays off over TLS; against a plain-http simulator the JDK would attempt an h2c upgrade.
        boolean tls = "https".equals(spotify.apiUrl().getScheme());
        return HttpClient.newBuilder()
                .version(tls ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public SpotifyHealth health() {
        return new SpotifyHealth(tokens.status(), gate.rateLimitedUntil().orElse(null));
    }
}
