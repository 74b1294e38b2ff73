package io.musicsync.spotify;

import java.net.URI;

/**
 * One login attempt: the URL the user opens, and the secrets that must come back with (state) or go with
 * (PKCE verifier) the code.
 *
 * @param codeVerifier the PKCE verifier, or null in the flow with a client secret
 */
public record AuthorizationRequest(URI authorizeUrl, URI redirectUri, String state, String codeVerifier) {

    @Override
    public String toString() {
        return "AuthorizationRequest[" + authorizeUrl + "]";
    }
}
