package io.musicsync.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Sync ids. With an {@code Idempotency-Key} the id is derived from the key and the request, so a retried
 * submission maps to the same sync (and in Temporal mode to the same workflow) instead of starting a second one,
 * while a key reused for another song cannot silently answer with the first song's sync.
 */
public final class SyncIds {

    private SyncIds() {}

    public static String forRequest(String idempotencyKey, SyncSubmission submission) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return "sync-" + UUID.randomUUID();
        }
        try {
            String keyAndRequest = idempotencyKey.strip() + "\n" + submission.canonical();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyAndRequest.getBytes(StandardCharsets.UTF_8));
            return "sync-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
