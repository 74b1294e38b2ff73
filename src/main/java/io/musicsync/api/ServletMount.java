package io.musicsync.api;

import jakarta.servlet.http.HttpServlet;

/**
 * A servlet served on the API's own server, behind the same bearer token as the API (e.g. the MCP endpoint).
 * The API knows nothing of what it serves.
 *
 * @param path the exact path it answers, e.g. {@code /mcp}
 */
public record ServletMount(String path, HttpServlet servlet) {}
