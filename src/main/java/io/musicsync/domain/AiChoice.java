package io.musicsync.domain;

/**
 * The model's answer. {@code chosenUri} is null when the model chose none, or chose a URI it was not offered.
 *
 * @param confidence the model's own confidence, 0-1
 */
public record AiChoice(String chosenUri, double confidence, String reasoning, String provider, String model) {

    public static AiChoice none(String reasoning, String provider, String model) {
        return new AiChoice(null, 0.0, reasoning, provider, model);
    }

    public boolean chose() {
        return chosenUri != null;
    }
}
