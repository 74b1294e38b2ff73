package io.musicsync.ai;

import io.musicsync.config.Settings;

/** Chooses the disambiguator the settings ask for; AI that cannot run is off with a reason, never a failed start. */
public final class Disambiguators {

    private Disambiguators() {}

    public static Disambiguator fromSettings(Settings.Ai ai) {
        if (!ai.useAiDisambiguation()) {
            return new DisabledDisambiguator("USE_AI_DISAMBIGUATION=false");
        }
        boolean claude = ClaudeDisambiguator.PROVIDER.equals(ai.provider());
        if (ai.apiKey() == null || ai.apiKey().isBlank()) {
            return new DisabledDisambiguator(claude ? "no ANTHROPIC_API_KEY set" : "no OPENAI_API_KEY set");
        }
        return claude ? new ClaudeDisambiguator(ai) : new LangChainDisambiguator(ai);
    }
}
