package io.musicsync.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** Reads a request body as a JSON object, answering 400 as Spotify does when it is not one. */
final class JsonBody {

    private final ObjectMapper json;

    JsonBody(ObjectMapper json) {
        this.json = json;
    }

    /** The body as an object; an empty body is an empty object. */
    JsonNode object(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(text);
            if (node == null || !node.isObject()) {
                throw ApiException.badRequest("Error parsing JSON: expected an object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("Error parsing JSON.");
        }
    }
}
