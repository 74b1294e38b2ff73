/**
 * The MCP server: music-sync's tools for AI assistants, over stdio ({@code ./music-sync mcp}) and over Streamable
 * HTTP at {@code /mcp} on the running service. Tools work through the engine, the domain's ports and the playlist
 * writer, exactly like the HTTP API; this package never sees Spotify's client.
 */
package io.musicsync.mcp;
