package io.musicsync.simulator;

/** A token-endpoint error, answered OAuth-shaped: {@code {"error":..,"error_description":..}}. */
final class OAuthException extends RuntimeException {

    private final int status;
    private final String error;

    OAuthException(int status, String error, String description) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
    }

    static OAuthException invalidGrant(String description) {
        return new OAuthException(400, "invalid_grant", description);
    }

    static OAuthException invalidClient(String description) {
        return new OAuthException(400, "invalid_client", description);
    }

    static OAuthException invalidRequest(String description) {
        return new OAuthException(400, "invalid_request", description);
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }
}
