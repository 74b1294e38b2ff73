package io.musicsync.ai;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolChoiceTool;
import com.fasterxml.jackson.databind.JsonNode;
import io.musicsync.config.Settings;
import io.musicsync.domain.AiChoice;
import io.musicsync.domain.ScoredCandidate;
import io.musicsync.domain.SongQuery;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Asks Claude through the official Anthropic Java SDK (Messages API), forcing a call of the answer tool so the
 * answer is structured. The SDK's own retries are off: the AI retry policy decides.
 */
public final class ClaudeDisambiguator implements Disambiguator {

    public static final String PROVIDER = "claude";
    private static final long MAX_TOKENS = 1024;

    private final AnthropicClient client;
    private final String model;
    private final ModelCallGuard guard;

    public ClaudeDisambiguator(Settings.Ai ai) {
        AnthropicOkHttpClient.Builder builder = AnthropicOkHttpClient.builder()
                .apiKey(ai.anthropicApiKey())
                .maxRetries(0)
                .timeout(ai.timeout());
        if (ai.anthropicBaseUrl() != null) {
            builder.baseUrl(ai.anthropicBaseUrl().toString());
        }
        this.client = builder.build();
        this.model = ai.model();
        this.guard = new ModelCallGuard(
                new ProviderInfo(
                        PROVIDER, "The Anthropic API", model, "ANTHROPIC_API_KEY", ClaudeDisambiguator::httpStatus),
                ai.timeout());
    }

    @Override
    public AiChoice choose(SongQuery song, List<ScoredCandidate> candidates) {
        return guard.choose(song, candidates, this::ask);
    }

    @Override
    public AiStatus status() {
        return guard.status();
    }

    private String ask(DisambiguationPrompt prompt) {
        Tool.InputSchema.Properties.Builder properties = Tool.InputSchema.Properties.builder();
        answerSchema(prompt.offeredUris())
                .forEach((name, schema) -> properties.putAdditionalProperty(name, JsonValue.from(schema)));
        Tool tool = Tool.builder()
                .name(DisambiguationPrompt.TOOL_NAME)
                .description(DisambiguationPrompt.TOOL_DESCRIPTION)
                .inputSchema(Tool.InputSchema.builder()
                        .properties(properties.build())
                        .required(DisambiguationPrompt.requiredAnswerFields())
                        .putAdditionalProperty("additionalProperties", JsonValue.from(false))
                        .build())
                .build();
        MessageCreateParams params = MessageCreateParams.builder()
                .model(model)
                .maxTokens(MAX_TOKENS)
                .system(prompt.system())
                .addUserMessage(prompt.user())
                .addTool(tool)
                .toolChoice(ToolChoiceTool.builder()
                        .name(DisambiguationPrompt.TOOL_NAME)
                        .disableParallelToolUse(true)
                        .build())
                .build();
        Message message = client.messages().create(params);
        return message.content().stream()
                .flatMap(block -> block.toolUse().stream())
                .filter(use -> DisambiguationPrompt.TOOL_NAME.equals(use.name()))
                .findFirst()
                .map(use -> use._input().convert(JsonNode.class).toString())
                .orElse(null);
    }

    /** The answer tool's properties as JSON Schema: chosen_uri is one of the offered URIs or null. */
    private static Map<String, Object> answerSchema(List<String> offeredUris) {
        return Map.of(
                DisambiguationPrompt.CHOSEN_URI,
                        Map.of(
                                "description",
                                DisambiguationPrompt.CHOSEN_URI_DESCRIPTION,
                                "anyOf",
                                List.of(Map.of("type", "string", "enum", offeredUris), Map.of("type", "null"))),
                DisambiguationPrompt.CONFIDENCE,
                        Map.of(
                                "type",
                                "number",
                                "minimum",
                                0,
                                "maximum",
                                1,
                                "description",
                                DisambiguationPrompt.CONFIDENCE_DESCRIPTION),
                DisambiguationPrompt.REASONING,
                        Map.of("type", "string", "description", DisambiguationPrompt.REASONING_DESCRIPTION));
    }

    private static OptionalInt httpStatus(Throwable error) {
        return error instanceof AnthropicServiceException service
                ? OptionalInt.of(service.statusCode())
                : OptionalInt.empty();
    }
}
