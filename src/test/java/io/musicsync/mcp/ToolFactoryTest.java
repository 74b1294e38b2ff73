package io.musicsync.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.musicsync.api.ValidationException;
import io.musicsync.api.dto.ErrorBody.FieldError;
import io.musicsync.domain.LoginExpiredException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a tool call answers when its handler fails: an actionable tool error, never the exception's insides. */
class ToolFactoryTest {

    private static final String ANY = """
            {"type": "object"}""";

    private final ToolFactory tools = new ToolFactory(McpJsonDefaults.getMapper());

    private CallToolResult call(ToolFactory.Handler handler) {
        SyncToolSpecification spec =
                tools.tool("probe", "Probe", ToolFactory.Kind.READ_ONLY, "probes", ANY, ANY, handler);
        return spec.callHandler().apply(null, new CallToolRequest("probe", Map.of("a", "b")));
    }

    private static String text(CallToolResult result) {
        return McpTestClients.text(result);
    }

    @Test
    void aResultIsStructuredContentInTheApisConventionsAndTheSameJsonAsText() {
        record Answer(String trackUri, int itemCount) {}
        CallToolResult result = call(call -> new Answer("spotify:track:x", 3));
        assertThat(result.isError()).isNotEqualTo(true);
        assertThat(result.structuredContent()).isEqualTo(Map.of("track_uri", "spotify:track:x", "item_count", 3));
        assertThat(text(result)).isEqualTo("{\"track_uri\":\"spotify:track:x\",\"item_count\":3}");
    }

    @Test
    void aClassifiedFailureKeepsItsMessage() {
        CallToolResult result = call(call -> {
            throw new LoginExpiredException("Spotify login expired: run ./music-sync login");
        });
        assertThat(result.isError()).isTrue();
        assertThat(text(result)).isEqualTo("Spotify login expired: run ./music-sync login");
    }

    @Test
    void invalidArgumentsNameEachField() {
        CallToolResult result = call(call -> {
            throw new ValidationException(
                    List.of(new FieldError("track_name", "is required"), new FieldError("isrc", "must be an ISRC")));
        });
        assertThat(result.isError()).isTrue();
        assertThat(text(result)).isEqualTo("Invalid arguments: track_name is required; isrc must be an ISRC");
    }

    @Test
    void aBugIsAnsweredWithoutItsDetails() {
        CallToolResult result = call(call -> {
            throw new IllegalStateException("token=abc123 at SomeClass.method");
        });
        assertThat(result.isError()).isTrue();
        assertThat(text(result))
                .isEqualTo("Internal error in probe; the music-sync log has the details")
                .doesNotContain("abc123");
    }

    @Test
    void theArgumentsReachTheHandler() {
        CallToolResult result = call(call -> Map.of("echo", call.arguments().text("a")));
        assertThat(result.structuredContent()).isEqualTo(Map.of("echo", "b"));
    }
}
