package io.musicsync.ai;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicsync.config.Settings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The factory turns AI off with a reason instead of failing the start. */
class DisambiguatorsTest {

    private static Disambiguator fromEnvironment(String... keysAndValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            env.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        env.put("HOME", "/nonexistent-home");
        return Disambiguators.fromSettings(Settings.load(env, null).ai());
    }

    @Test
    void switchedOffEvenWithAKey() {
        AiStatus status = fromEnvironment("USE_AI_DISAMBIGUATION", "false", "ANTHROPIC_API_KEY", "sk-ant-x")
                .status();

        assertThat(status.enabled()).isFalse();
        assertThat(status.reason()).isEqualTo("USE_AI_DISAMBIGUATION=false");
    }

    @Test
    void claudeWithoutKeyIsOff() {
        Disambiguator ai = fromEnvironment("AI_PROVIDER", "claude", "OPENAI_API_KEY", "sk-other-provider");

        assertThat(ai.status().enabled()).isFalse();
        assertThat(ai.status().reason()).isEqualTo("no ANTHROPIC_API_KEY set");
        assertThat(ai.choose(AiTestData.SONG, AiTestData.CANDIDATES).chose()).isFalse();
    }

    @Test
    void langchainWithoutKeyIsOff() {
        AiStatus status = fromEnvironment("AI_PROVIDER", "langchain", "ANTHROPIC_API_KEY", "sk-other-provider")
                .status();

        assertThat(status.enabled()).isFalse();
        assertThat(status.reason()).isEqualTo("no OPENAI_API_KEY set");
    }

    @Test
    void claudeWithKeyIsOnWithItsModel() {
        Disambiguator ai = fromEnvironment("ANTHROPIC_API_KEY", "sk-ant-x", "CLAUDE_MODEL", "claude-test");

        assertThat(ai).isInstanceOf(ClaudeDisambiguator.class);
        assertThat(ai.status()).isEqualTo(new AiStatus(true, "claude", "claude-test", null));
    }

    @Test
    void langchainWithKeyIsOnWithItsModel() {
        Disambiguator ai = fromEnvironment(
                "AI_PROVIDER",
                "langchain",
                "OPENAI_API_KEY",
                "sk-x",
                "AI_MODEL",
                "local-model",
                "OPENAI_BASE_URL",
                "http://127.0.0.1:11434/v1");

        assertThat(ai).isInstanceOf(LangChainDisambiguator.class);
        assertThat(ai.status()).isEqualTo(new AiStatus(true, "langchain", "local-model", null));
    }
}
