package io.musicsync.ai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.musicsync.domain.AiChoice;
import java.util.List;

/**
 * Turns a model's structured answer into an {@link AiChoice}, trusting nothing: a URI that was not offered, a
 * missing or mistyped field, or text that is not JSON all become "none" with a reason; confidence is clamped to
 * 0-1.
 */
final class AnswerValidator {

    private static final int MAX_REASONING_CHARS = 500;

    private final JsonMapper json = JsonMapper.builder().build();
    private final String provider;
    private final String model;

    AnswerValidator(String provider, String model) {
        this.provider = provider;
        this.model = model;
    }

    /**
     * @param answerJson the tool call's arguments (a JSON object), or null when the model gave no structured answer
     */
    AiChoice validate(String answerJson, List<String> offeredUris) {
        if (answerJson == null || answerJson.isBlank()) {
            return none("the model gave no " + DisambiguationPrompt.TOOL_NAME + " answer");
        }
        JsonNode answer;
        try {
            answer = json.readTree(answerJson);
        } catch (JsonProcessingException e) {
            return none("the model's answer is not JSON");
        }
        if (answer == null || !answer.isObject()) {
            return none("the model's answer is not a JSON object");
        }
        JsonNode uri = answer.get(DisambiguationPrompt.CHOSEN_URI);
        JsonNode confidence = answer.get(DisambiguationPrompt.CONFIDENCE);
        JsonNode reasoning = answer.get(DisambiguationPrompt.REASONING);
        if (uri == null || !(uri.isTextual() || uri.isNull())) {
            return none("malformed answer: " + DisambiguationPrompt.CHOSEN_URI + " must be a string or null");
        }
        if (confidence == null || !confidence.isNumber()) {
            return none("malformed answer: " + DisambiguationPrompt.CONFIDENCE + " must be a number");
        }
        if (reasoning == null || !reasoning.isTextual()) {
            return none("malformed answer: " + DisambiguationPrompt.REASONING + " must be a string");
        }
        String why = shorten(reasoning.asText().strip());
        double sureness = clamp(confidence.asDouble());
        if (uri.isNull()) {
            return new AiChoice(null, sureness, why, provider, model);
        }
        if (!offeredUris.contains(uri.asText())) {
            return none("the model named " + shorten(uri.asText()) + ", which was not offered");
        }
        return new AiChoice(uri.asText(), sureness, why, provider, model);
    }

    AiChoice none(String reason) {
        return AiChoice.none(reason, provider, model);
    }

    private static double clamp(double value) {
        return Double.isNaN(value) ? 0.0 : Math.max(0.0, Math.min(1.0, value));
    }

    private static String shorten(String text) {
        return text.length() <= MAX_REASONING_CHARS ? text : text.substring(0, MAX_REASONING_CHARS) + "...";
    }
}
