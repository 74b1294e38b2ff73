package io.musicsync.spotify;

import io.musicsync.sync.InvalidCredentialsException;
import io.musicsync.sync.LoginExpiredException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out valid access tokens and refreshes them shortly before they expire.
 *
 * <p>Refreshes are single-flight: however many threads find the token expired at once, exactly one calls
 * Spotify and the others use its result. A rotated refresh token is written to the {@link TokenStore} before
 * anyone uses the new access token (PKCE refresh tokens are single-use, so losing it would end the login).
 * Once Spotify answers {@code invalid_grant} every call fails at once, without contacting Spotify, until the
 * user logs in again (a new refresh token appears in the token file).
 */
public final class AccessTokens implements AccessTokenSource {

    /** Refresh this long before Spotify's expiry so a token never expires in flight. */
    static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(AccessTokens.class);

    private final TokenEndpoint endpoint;
    private final TokenStore store;
    private final String headlessRefreshToken;
    private final Clock clock;
    private final ReentrantLock refreshLock = new ReentrantLock();
    private final AtomicReference<StoredLogin> login = new AtomicReference<>();
    /** The refresh token Spotify refused; non-null means the login is expired. */
    private volatile String refusedRefreshToken;

    /** @param headlessRefreshToken {@code SPOTIFY_REFRESH_TOKEN}, used when there is no token file; may be null */
    public AccessTokens(TokenEndpoint endpoint, TokenStore store, String headlessRefreshToken, Clock clock) {
        this.endpoint = endpoint;
        this.store = store;
        this.headlessRefreshToken = headlessRefreshToken;
        this.clock = clock;
    }

    @Override
    public String accessToken() {
        StoredLogin current = currentLogin();
        if (isFresh(current)) {
            return current.accessToken();
        }
        return refresh(null);
    }

    @Override
    public String replaceRejected(String rejected) {
        return refresh(rejected);
    }

    public LoginStatus status() {
        StoredLogin current;
        try {
            current = login.get() != null ? login.get() : stored().orElse(null);
        } catch (InvalidCredentialsException unreadable) {
            current = null;
        }
        if (current == null) {
            return new LoginStatus(false, null, null, null, false);
        }
        return new LoginStatus(true, current.accountName(), current.accessToken() == null ? null
                : current.accessTokenExpiresAt(), current.loginExpiresAt(), refusedRefreshToken != null);
    }

    /**
     * Refreshes unless another thread did so while we waited for the lock.
     *
     * @param rejected the access token Spotify refused with 401, or null when the token merely aged
     */
    private String refresh(String rejected) {
        try {
            refreshLock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("cancelled while waiting for a Spotify token refresh");
        }
        try {
            StoredLogin current = currentLogin();
            boolean replacedMeanwhile = rejected != null && !rejected.equals(current.accessToken());
            if (isFresh(current) && (rejected == null || replacedMeanwhile)) {
                return current.accessToken();
            }
            TokenResponse tokens;
            try {
                tokens = endpoint.refresh(current.refreshToken());
            } catch (LoginExpiredException e) {
                refusedRefreshToken = current.refreshToken();
                log.error("Spotify refused the refresh token: the login has expired, run ./music-sync login");
                throw e;
            }
            StoredLogin renewed = current.withTokens(tokens, clock.instant());
            store.save(renewed);
            login.set(renewed);
            log.info("Spotify access token refreshed, valid until {}{}", renewed.accessTokenExpiresAt(),
                    tokens.refreshToken() == null ? "" : " (refresh token rotated and stored)");
            return renewed.accessToken();
        } finally {
            refreshLock.unlock();
        }
    }

    /** The login to use; fails at once when it is expired or missing. */
    private StoredLogin currentLogin() {
        if (refusedRefreshToken != null) {
            // Only a new login (a different refresh token in the file) ends the expired state.
            Optional<StoredLogin> renewed = stored()
                    .filter(s -> !Objects.equals(s.refreshToken(), refusedRefreshToken));
            if (renewed.isEmpty()) {
                throw new LoginExpiredException(TokenEndpoint.LOGIN_EXPIRED_MESSAGE);
            }
            login.set(renewed.get());
            refusedRefreshToken = null;
        }
        StoredLogin current = login.get();
        if (current != null) {
            return current;
        }
        StoredLogin loaded = stored().orElseGet(() -> headlessRefreshToken == null ? null
                : StoredLogin.ofRefreshToken(headlessRefreshToken));
        if (loaded == null) {
            throw new InvalidCredentialsException("not logged in to Spotify: run ./music-sync login"
                    + " (or set SPOTIFY_REFRESH_TOKEN)");
        }
        // Only the first load counts: a slow reader must not undo a refresh that happened meanwhile.
        login.compareAndSet(null, loaded);
        return login.get();
    }

    private Optional<StoredLogin> stored() {
        try {
            return store.load().filter(s -> s.refreshToken() != null);
        } catch (UncheckedIOException e) {
            throw new InvalidCredentialsException(e.getMessage(), e);
        }
    }

    private boolean isFresh(StoredLogin current) {
        return current.accessToken() != null && current.accessTokenExpiresAt() != null
                && clock.instant().plus(REFRESH_MARGIN).isBefore(current.accessTokenExpiresAt());
    }
}
