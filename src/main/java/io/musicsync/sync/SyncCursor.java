package io.musicsync.sync;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.Optional;

/**
 * A position in the newest-first list of syncs: the start time and the id of the last entry a page showed. On the
 * wire it is opaque (URL-safe base64), the same in both modes.
 */
public record SyncCursor(long startedAtMillis, String syncId) {

    public static final Comparator<SyncCursor> NEWEST_FIRST = Comparator.comparingLong(SyncCursor::startedAtMillis)
            .thenComparing(SyncCursor::syncId)
            .reversed();

    /** True when {@code this} comes after {@code other} in the newest-first order. */
    public boolean isAfter(SyncCursor other) {
        return NEWEST_FIRST.compare(this, other) > 0;
    }

    public String encode() {
        String plain = startedAtMillis + ":" + syncId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor, or empty when {@code text} is not one of ours. */
    public static Optional<SyncCursor> decode(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            if (colon <= 0 || colon == plain.length() - 1) {
                return Optional.empty();
            }
            return Optional.of(new SyncCursor(Long.parseLong(plain.substring(0, colon)), plain.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
