package io.musicsync.spotify;

import io.musicsync.domain.InvalidCredentialsException;
import io.musicsync.domain.LoginExpiredException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
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
 * Several processes may share the token file; before refreshing, and again before declaring the login expired,
 * the file is read, so a token another process rotated is picked up instead of being fought over, and a login
 * stored meanwhile is never overwritten by an older one.
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
        if (current == null && headlessRefreshToken != null) {
            current = StoredLogin.ofRefreshToken(headlessRefreshToken); // account unknown until the first call
        }
        if (current == null) {
            return new LoginStatus(false, null, null, null, false);
        }
        return new LoginStatus(
                true,
                current.accountName(),
                current.accessToken() == null ? null : current.accessTokenExpiresAt(),
                current.loginExpiresAt(),
                refusedRefreshToken != null);
    }

    /**
     * Refreshes unless another thread or process did so while we waited.
     *
     * <p>Other processes (the server, a worker, {@code ./music-sync login}) share the token file, so it is read
     * again first: a newer login there replaces ours before anything is sent to Spotify.
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
            return renew(newerStored(current).map(this::adopt).orElse(current), rejected, true);
        } finally {
            refreshLock.unlock();
        }
    }

    /**
     * Returns the login's access token when it will do, else refreshes it.
     *
     * @param mayRetry whether a refused refresh token may be retried with a newer one from the token file
     */
    private String renew(StoredLogin current, String rejected, boolean mayRetry) {
        boolean replacedMeanwhile = rejected != null && !rejected.equals(current.accessToken());
        if (isFresh(current) && (rejected == null || replacedMeanwhile)) {
            return current.accessToken();
        }
        TokenResponse tokens;
        try {
            tokens = endpoint.refresh(current.refreshToken());
        } catch (LoginExpiredException e) {
            // Another process may have rotated the token after we read the file: then the file holds its successor.
            Optional<StoredLogin> newer = newerStored(current);
            if (mayRetry && newer.isPresent()) {
                log.info("Spotify refused our refresh token, but the token file holds a newer login: using that");
                return renew(adopt(newer.get()), rejected, false);
            }
            refusedRefreshToken = current.refreshToken();
            log.error("Spotify refused the refresh token: the login has expired, run ./music-sync login");
            throw e;
        }
        StoredLogin renewed = current.withTokens(tokens, clock.instant());
        Optional<StoredLogin> newer = newerStored(current);
        if (newer.isPresent()) {
            // A new login was stored while we refreshed: never write ours over it. Our token is still valid for
            // this one call; later calls use the new login.
            log.info("the Spotify token file changed while we refreshed (another process or a new login): keeping it");
            adopt(newer.get());
            return renewed.accessToken();
        }
        store.save(renewed);
        login.set(renewed);
        log.info(
                "Spotify access token refreshed, valid until {}{}",
                renewed.accessTokenExpiresAt(),
                tokens.refreshToken() == null ? "" : " (refresh token rotated and stored)");
        return renewed.accessToken();
    }

    /**
     * The token file's login when it is newer than {@code current}: another refresh token (rotated by another
     * process, or a new login), or the same one with an access token that lasts longer.
     */
    private Optional<StoredLogin> newerStored(StoredLogin current) {
        return stored().filter(s -> !Objects.equals(s.refreshToken(), current.refreshToken())
                || (s.accessTokenExpiresAt() != null
                        && (current.accessTokenExpiresAt() == null
                                || s.accessTokenExpiresAt().isAfter(current.accessTokenExpiresAt()))));
    }

    private StoredLogin adopt(StoredLogin newer) {
        login.set(newer);
        return newer;
    }

    /** The login to use; fails at once when it is expired or missing. */
    private StoredLogin currentLogin() {
        if (refusedRefreshToken != null) {
            // Only a new login (a different refresh token in the file) ends the expired state.
            Optional<StoredLogin> renewed =
                    stored().filter(s -> !Objects.equals(s.refreshToken(), refusedRefreshToken));
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
        StoredLogin loaded = stored().orElseGet(
                        () -> headlessRefreshToken == null ? null : StoredLogin.ofRefreshToken(headlessRefreshToken));
        if (loaded == null) {
            throw new InvalidCredentialsException(
                    "not logged in to Spotify: run ./music-sync login" + " (or set SPOTIFY_REFRESH_TOKEN)");
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
        return current.accessToken() != null
                && current.accessTokenExpiresAt() != null
                && clock.instant().plus(REFRESH_MARGIN).isBefore(current.accessTokenExpiresAt());
    }
}
