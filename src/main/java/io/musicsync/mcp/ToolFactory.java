package io.musicsync.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import io.musicsync.api.ApiJson;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds tool specifications: the definition {@code tools/list} shows, and a call handler that turns the tool's
 * result record into structured content (the HTTP API's JSON conventions: snake_case, ISO-8601 times) plus the
 * same JSON as text, and any failure into a tool error an assistant can act on. No exception escapes to the SDK.
 */
final class ToolFactory {

    private static final Logger LOG = LoggerFactory.getLogger(ToolFactory.class);
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    /** What a tool does with a call; returns a record (or map) matching the tool's output schema. */
    @FunctionalInterface
    interface Handler {
        Object handle(ToolCall call);
    }

    /** How a tool behaves, for clients that decide what to confirm with the user. */
    enum Kind {
        /** Only reads. */
        READ_ONLY,
        /** Changes a playlist, but a repeated call changes nothing more. */
        ADDS_ONCE;

        /** Title, read-only, destructive, idempotent, open-world (it talks to Spotify), return-direct. */
        ToolAnnotations annotations() {
            return switch (this) {
                case READ_ONLY -> new ToolAnnotations(null, true, false, true, true, null);
                case ADDS_ONCE -> new ToolAnnotations(null, false, false, true, true, null);
            };
        }
    }

    private final McpJsonMapper schemaMapper;
    private final ObjectMapper wire = ApiJson.newMapper();

    ToolFactory(McpJsonMapper schemaMapper) {
        this.schemaMapper = schemaMapper;
    }

    SyncToolSpecification tool(
            String name,
            String title,
            Kind kind,
            String description,
            String inputSchema,
            String outputSchema,
            Handler handler) {
        Tool tool = Tool.builder()
                .name(name)
                .title(title)
                .description(description)
                .inputSchema(schemaMapper, inputSchema)
                .outputSchema(schemaMapper, outputSchema)
                .annotations(kind.annotations())
                .build();
        return SyncToolSpecification.builder()
                .tool(tool)
                .callHandler((exchange, request) ->
                        call(name, handler, new ToolCall(new ToolArguments(request.arguments()), exchange, request)))
                .build();
    }

    private CallToolResult call(String name, Handler handler, ToolCall call) {
        try {
            Object result = handler.handle(call);
            return CallToolResult.builder()
                    .structuredContent(wire.convertValue(result, OBJECT))
                    .addTextContent(wire.writeValueAsString(result))
                    .build();
        } catch (RuntimeException | JsonProcessingException e) {
            return failure(name, e);
        }
    }

    private static CallToolResult failure(String name, Exception error) {
        String message = ToolErrors.expected(error);
        if (message == null) {
            LOG.error("MCP tool {} failed", name, error);
            message = ToolErrors.internal(name);
        } else {
            LOG.info("MCP tool {} refused: {}", name, message);
        }
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }
}
