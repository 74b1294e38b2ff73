package io.musicsync.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Schemas of the HTTP API's OpenAPI document, as standalone JSON Schemas for tool outputs: a tool that answers
 * what an endpoint answers (a sync's status) is described, and validated by the SDK, by the very same schema.
 * OpenAPI 3.1 schemas are JSON Schema; only their references move from {@code #/components/schemas/} to
 * {@code #/$defs/}.
 */
final class OpenApiSchemas {

    private static final String DOCUMENT = "api/openapi.json";
    private static final String COMPONENTS = "#/components/schemas/";

    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonNode schemas;

    OpenApiSchemas() {
        try (InputStream in = OpenApiSchemas.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DOCUMENT);
            }
            this.schemas = mapper.readTree(in).path("components").path("schemas");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The named component schema, with every component it may refer to under {@code $defs}. */
    String schema(String name) {
        JsonNode schema = schemas.get(name);
        if (schema == null) {
            throw new IllegalStateException(DOCUMENT + " has no schema " + name);
        }
        ObjectNode standalone = (ObjectNode) rewriteRefs(schema.deepCopy());
        standalone.set("$defs", rewriteRefs(schemas.deepCopy()));
        return standalone.toString();
    }

    /**
     * The named request schema with more properties, refusing any other: a tool's arguments are the endpoint's
     * body plus what only the tool has.
     */
    String withProperties(String name, String extraPropertiesJson) {
        JsonNode schema = schemas.get(name);
        if (schema == null) {
            throw new IllegalStateException(DOCUMENT + " has no schema " + name);
        }
        ObjectNode extended = (ObjectNode) rewriteRefs(schema.deepCopy());
        try {
            ((ObjectNode) extended.withObjectProperty("properties"))
                    .setAll((ObjectNode) mapper.readTree(extraPropertiesJson));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON object: " + extraPropertiesJson, e);
        }
        extended.put("additionalProperties", false);
        if (extended.toString().contains("\"$ref\"")) {
            extended.set("$defs", rewriteRefs(schemas.deepCopy()));
        }
        return extended.toString();
    }

    /** An object schema whose one property is an array of the named schema, e.g. {@code {"syncs": [...]}}. */
    String listOf(String property, String name) {
        ObjectNode list = mapper.createObjectNode().put("type", "object");
        list.putObject("properties")
                .putObject(property)
                .put("type", "array")
                .putObject("items")
                .put("$ref", "#/$defs/" + name);
        list.putArray("required").add(property);
        list.set("$defs", rewriteRefs(schemas.deepCopy()));
        return list.toString();
    }

    private static JsonNode rewriteRefs(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode value = field.getValue();
                if (field.getKey().equals("$ref")
                        && value.isTextual()
                        && value.asText().startsWith(COMPONENTS)) {
                    field.setValue(new TextNode("#/$defs/" + value.asText().substring(COMPONENTS.length())));
                } else {
                    rewriteRefs(value);
                }
            }
        } else if (node.isArray()) {
            node.forEach(OpenApiSchemas::rewriteRefs);
        }
        return node;
    }
}
