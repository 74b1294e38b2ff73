package io.musicsync.ai;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonNullSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.musicsync.config.Settings;
import io.musicsync.domain.AiChoice;
import io.musicsync.domain.ScoredCandidate;
import io.musicsync.domain.SongQuery;
import java.util.List;
import java.util.OptionalInt;

/**
 * Asks an OpenAI-compatible chat model through LangChain4j, requiring a call of the answer tool. Servers that
 * ignore {@code tool_choice} and reply with a bare JSON object as content are accepted too; anything else is
 * "none". LangChain4j's own retries are off: the AI retry policy decides.
 */
public final class LangChainDisambiguator implements Disambiguator {

    public static final String PROVIDER = "langchain";

    private final ChatModel chatModel;
    private final ModelCallGuard guard;

    public LangChainDisambiguator(Settings.Ai ai) {
        OpenAiChatModel.OpenAiChatModelBuilder builder = OpenAiChatModel.builder()
                .apiKey(ai.openaiApiKey())
                .modelName(ai.model())
                .maxRetries(0)
                .timeout(ai.timeout());
        if (ai.openaiBaseUrl() != null) {
            builder.baseUrl(ai.openaiBaseUrl().toString());
        }
        this.chatModel = builder.build();
        this.guard = new ModelCallGuard(
                new ProviderInfo(
                        PROVIDER,
                        "The OpenAI-compatible API",
                        ai.model(),
                        "OPENAI_API_KEY",
                        LangChainDisambiguator::httpStatus),
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
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user()))
                .toolSpecifications(answerTool(prompt))
                .toolChoice(ToolChoice.REQUIRED)
                .build();
        AiMessage reply = chatModel.chat(request).aiMessage();
        return reply.toolExecutionRequests().stream()
                .filter(call -> DisambiguationPrompt.TOOL_NAME.equals(call.name()))
                .map(ToolExecutionRequest::arguments)
                .findFirst()
                .orElseGet(() -> jsonObjectContent(reply.text()));
    }

    private static ToolSpecification answerTool(DisambiguationPrompt prompt) {
        JsonObjectSchema parameters = JsonObjectSchema.builder()
                .addProperty(
                        DisambiguationPrompt.CHOSEN_URI,
                        JsonAnyOfSchema.builder()
                                .description(DisambiguationPrompt.CHOSEN_URI_DESCRIPTION)
                                .anyOf(
                                        JsonEnumSchema.builder()
                                                .enumValues(prompt.offeredUris())
                                                .build(),
                                        new JsonNullSchema())
                                .build())
                .addProperty(
                        DisambiguationPrompt.CONFIDENCE,
                        JsonNumberSchema.builder()
                                .description(DisambiguationPrompt.CONFIDENCE_DESCRIPTION)
                                .build())
                .addProperty(
                        DisambiguationPrompt.REASONING,
                        JsonStringSchema.builder()
                                .description(DisambiguationPrompt.REASONING_DESCRIPTION)
                                .build())
                .required(DisambiguationPrompt.requiredAnswerFields())
                .additionalProperties(false)
                .build();
        return ToolSpecification.builder()
                .name(DisambiguationPrompt.TOOL_NAME)
                .description(DisambiguationPrompt.TOOL_DESCRIPTION)
                .parameters(parameters)
                .build();
    }

    /** Content counts as an answer only when it is exactly one JSON object; prose is never parsed. */
    private static String jsonObjectContent(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.startsWith("{") && trimmed.endsWith("}") ? trimmed : null;
    }

    private static OptionalInt httpStatus(Throwable error) {
        return error instanceof HttpException http ? OptionalInt.of(http.statusCode()) : OptionalInt.empty();
    }
}
