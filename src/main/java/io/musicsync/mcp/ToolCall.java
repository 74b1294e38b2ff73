package io.musicsync.mcp;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;

/** One call of a tool: its arguments, and progress reports for a client that asked for them. */
record ToolCall(ToolArguments arguments, McpSyncServerExchange exchange, CallToolRequest request) {

    /** Sends a progress notification when the client gave a progress token; otherwise does nothing. */
    void progress(double done, double total, String message) {
        Object token = request.meta() == null ? null : request.meta().get("progressToken");
        if (token != null && exchange != null) {
            exchange.progressNotification(new ProgressNotification(token, done, total, message));
        }
    }
}
