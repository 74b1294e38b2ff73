package io.musicsync.api.dto;

import java.util.Map;

/** The 202 answer to {@code POST /api/v1/imports}. */
public record ImportAccepted(
        String importId, String status, String message, String statusUrl, Map<String, Integer> counts) {}
