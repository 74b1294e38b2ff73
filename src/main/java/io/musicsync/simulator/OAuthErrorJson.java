package io.musicsync.simulator;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The accounts-service error body. */
record OAuthErrorJson(
        String error, @JsonProperty("error_description") String errorDescription) {}
