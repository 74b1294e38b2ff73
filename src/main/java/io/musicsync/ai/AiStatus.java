package io.musicsync.ai;

/** Whether AI disambiguation is available, and if not, why (shown by the health endpoint). */
public record AiStatus(boolean enabled, String provider, String model, String reason) {

    public static AiStatus off(String reason) {
        return new AiStatus(false, null, null, reason);
    }
}
