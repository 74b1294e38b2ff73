package io.musicsync.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import jakarta.servlet.http.HttpServlet;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * music-sync's MCP server on either transport: stdio for a desktop assistant that starts {@code ./music-sync mcp},
 * Streamable HTTP for a remote one reaching the running service at {@link #HTTP_PATH}. Both serve the same tools.
 */
public final class McpEndpoints {

    public static final String HTTP_PATH = "/mcp";

    static final String INSTRUCTIONS =
            "music-sync puts songs into the user's Spotify playlists without ever adding the wrong recording or a"
                    + " second copy. To add a song the user names, call sync_song with its title (track_name) and"
                    + " artist: it matches and adds at most once. Use search_track / search_by_isrc to look around,"
                    + " add_track_to_playlist to add one exact track uri, get_user_playlists to find a playlist id.";

    private final McpJsonMapper json = McpJsonDefaults.getMapper();
    private final List<SyncToolSpecification> tools;
    private final String version;

    public McpEndpoints(McpServices services, String version) {
        this.version = version;
        ToolFactory factory = new ToolFactory(json);
        OpenApiSchemas schemas = new OpenApiSchemas();
        List<SyncToolSpecification> all = new ArrayList<>();
        all.addAll(new SyncTools(services.engine(), services.parser(), services.aiAvailable(), services.clock())
                .specifications(factory, schemas));
        all.addAll(new ReviewTools(services.engine()).specifications(factory, schemas));
        all.addAll(new CatalogTools(services.catalog()).specifications(factory));
        all.addAll(new PlaylistTools(
                        services.directory(), services.playlists(), services.writers(), services.defaultPlaylistId())
                .specifications(factory));
        this.tools = List.copyOf(all);
    }

    /** Serves one client over these streams (stdin and stdout) until the input ends. */
    public McpSyncServer serveStdio(InputStream in, OutputStream out) {
        return configured(McpServer.sync(new StdioServerTransportProvider(json, in, out)));
    }

    /**
     * The Streamable HTTP endpoint as a servlet to mount at {@link #HTTP_PATH}; stopping the servlet closes its
     * sessions. A request from a browser page of another origin is refused (the MCP specification's guard against
     * DNS rebinding); assistants' HTTP clients send no Origin.
     */
    public HttpServlet httpServlet() {
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(json)
                .mcpEndpoint(HTTP_PATH)
                .securityValidator(
                        DefaultServerTransportSecurityValidator.builder().build())
                .build();
        configured(McpServer.sync(transport));
        return transport;
    }

    private McpSyncServer configured(McpServer.SyncSpecification<?> spec) {
        return spec.serverInfo("music-sync", version)
                .instructions(INSTRUCTIONS)
                .capabilities(ServerCapabilities.builder().tools(false).build())
                .jsonMapper(json)
                .tools(tools)
                .build();
    }
}
