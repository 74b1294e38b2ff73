package io.musicsync.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.musicsync.support.MusicSyncProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The SDK's MCP client, as an assistant would use it, over stdio to a {@code ./music-sync mcp} process. */
final class McpTestClients {

    private static final ObjectMapper JSON = new ObjectMapper();

    private McpTestClients() {}

    static McpSyncClient client(McpClientTransport transport) {
        return McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(60))
                .build();
    }

    /**
     * Runs {@code ./music-sync mcp} with exactly these settings in its own working directory (no {@code .env} of
     * the developer's is read), collecting what it writes to stderr. It runs an engine of its own, so it gets a
     * journal of its own in {@code directory}: one process owns a journal, and the test's service holds the
     * environment's.
     */
    static StdioClientTransport stdio(Map<String, String> environment, Path directory, Queue<String> stderr) {
        List<String> command = MusicSyncProcess.javaCommand("mcp");
        Map<String, String> own = new HashMap<>(environment);
        own.put("DATA_DIR", directory.resolve("mcp-data").toString());
        ServerParameters parameters = ServerParameters.builder(command.get(0))
                .args(command.subList(1, command.size()))
                .env(own)
                .build();
        StdioClientTransport transport = new StdioClientTransport(parameters, McpJsonDefaults.getMapper()) {
            @Override
            protected ProcessBuilder getProcessBuilder() {
                ProcessBuilder builder = new ProcessBuilder().directory(directory.toFile());
                builder.environment().clear();
                return builder;
            }
        };
        transport.setStdErrorHandler(stderr::add);
        return transport;
    }

    static Queue<String> lines() {
        return new ConcurrentLinkedQueue<>();
    }

    static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(new CallToolRequest(tool, arguments));
    }

    /** A successful call's structured content, failing with the tool's message when it was an error. */
    static JsonNode ok(CallToolResult result) {
        if (Boolean.TRUE.equals(result.isError())) {
            throw new AssertionError("tool error: " + text(result));
        }
        return JSON.valueToTree(result.structuredContent());
    }

    static String text(CallToolResult result) {
        return result.content().stream()
                .filter(TextContent.class::isInstance)
                .map(content -> ((TextContent) content).text())
                .reduce("", String::concat);
    }
}
