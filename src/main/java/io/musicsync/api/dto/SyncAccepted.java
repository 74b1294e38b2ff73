package io.musicsync.api.dto;

/** The 202 answer to {@code POST /api/v1/sync}. */
public record SyncAccepted(String workflowId, String status, String message, String statusUrl) {}
