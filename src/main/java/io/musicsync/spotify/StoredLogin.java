package io.musicsync.spotify;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * What the token file holds: the tokens and who gave consent when. Field names are written in snake_case.
 *
 * @param accessTokenExpiresAt null when no access token was obtained yet (headless refresh token)
 * @param consentedAt when the user approved the app; null when unknown (SPOTIFY_REFRESH_TOKEN)
 */
public record StoredLogin(
        String refreshToken,
        String accessToken,
        Instant accessTokenExpiresAt,
        String scope,
        String userId,
        String displayName,
        Instant consentedAt) {

    /** Spotify expires a refresh token this many months after the original consent. */
    public static final int LOGIN_LIFETIME_MONTHS = 6;

    /** A login known only by its refresh token (the headless {@code SPOTIFY_REFRESH_TOKEN}). */
    public static StoredLogin ofRefreshToken(String refreshToken) {
        return new StoredLogin(refreshToken, null, null, null, null, null, null);
    }

    /** After a token-endpoint answer: keeps the old refresh token when Spotify sent none. */
    public StoredLogin withTokens(TokenResponse tokens, Instant now) {
        String refresh = tokens.refreshToken() == null ? refreshToken : tokens.refreshToken();
        String newScope = tokens.scope() == null ? scope : tokens.scope();
        return new StoredLogin(
                refresh,
                tokens.accessToken(),
                now.plus(tokens.expiresIn()),
                newScope,
                userId,
                displayName,
                consentedAt);
    }

    public StoredLogin withUser(SpotifyUser user) {
        return new StoredLogin(
                refreshToken, accessToken, accessTokenExpiresAt, scope, user.id(), user.displayName(), consentedAt);
    }

    /** When Spotify will refuse the refresh token, or null when the consent date is unknown. */
    public Instant loginExpiresAt() {
        return consentedAt == null
                ? null
                : consentedAt
                        .atOffset(ZoneOffset.UTC)
                        .plusMonths(LOGIN_LIFETIME_MONTHS)
                        .toInstant();
    }

    /** The name to show for the account: display name, else id, else null. */
    public String accountName() {
        return displayName != null ? displayName : userId;
    }

    @Override
    public String toString() {
        return "StoredLogin[user=" + userId + ", accessTokenExpiresAt=" + accessTokenExpiresAt + ", consentedAt="
                + consentedAt + "]";
    }
}
