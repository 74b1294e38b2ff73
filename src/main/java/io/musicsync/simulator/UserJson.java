package io.musicsync.simulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A user as {@code GET /me} and playlist owners show it (no country, email or product since 2026). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record UserJson(
        String id,
        @JsonProperty("display_name") String displayName,
        String uri,
        @JsonProperty("account_id") String accountId,
        String type,
        String href) {}
