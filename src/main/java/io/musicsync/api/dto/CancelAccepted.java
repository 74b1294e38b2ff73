package io.musicsync.api.dto;

/** The 202 answer to {@code POST /api/v1/sync/{id}/cancel}. */
public record CancelAccepted(String workflowId, String status, String message) {}
