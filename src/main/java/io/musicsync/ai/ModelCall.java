package io.musicsync.ai;

/** One request to a provider's API, written with that provider's SDK. */
@FunctionalInterface
interface ModelCall {

    /**
     * @return the answer tool's arguments as JSON text, or null when the model gave no structured answer
     * @throws RuntimeException whatever the SDK throws; {@link ModelCallGuard} classifies it
     */
    String ask(DisambiguationPrompt prompt);
}
