package io.musicsync.mcp;

import static io.musicsync.mcp.McpTestClients.call;
import static io.musicsync.mcp.McpTestClients.ok;
import static io.musicsync.mcp.McpTestClients.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.musicsync.support.TestService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./music-sync mcp} as a desktop assistant runs it: its own process, driven over stdio by the official SDK's
 * client, against the Spotify simulator. The syncs run in the MCP process's own standalone engine.
 */
class McpStdioTest {

    static final List<String> TOOLS = List.of(
            "sync_song",
            "get_sync_status",
            "list_recent_syncs",
            "list_reviews",
            "answer_review",
            "search_track",
            "search_by_isrc",
            "get_user_playlists",
            "verify_track_in_playlist",
            "add_track_to_playlist");

    private static TestService service;
    private static McpSyncClient client;
    private static final Queue<String> STDERR = McpTestClients.lines();

    @BeforeAll
    static void start(@TempDir Path directory) {
        service = TestService.standalone();
        client = McpTestClients.client(McpTestClients.stdio(service.environment(), directory, STDERR));
        client.initialize();
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.closeGracefully();
        }
        service.close();
    }

    @Test
    void initialisesAndListsEveryToolWithItsSchemas() {
        assertThat(client.getServerInfo().name()).isEqualTo("music-sync");
        assertThat(client.getServerInstructions()).contains("sync_song");
        List<Tool> tools = client.listTools().tools();
        assertThat(tools).extracting(Tool::name).containsExactlyInAnyOrderElementsOf(TOOLS);
        for (Tool tool : tools) {
            assertThat(tool.description()).as(tool.name()).hasSizeGreaterThan(40);
            assertThat(tool.inputSchema()).as(tool.name()).containsEntry("type", "object");
            assertThat(tool.outputSchema()).as(tool.name()).containsEntry("type", "object");
        }
        // A sync's answer is described by the HTTP API's own schema of a sync's status.
        Tool sync = tools.stream()
                .filter(t -> t.name().equals("sync_song"))
                .findFirst()
                .orElseThrow();
        assertThat(sync.outputSchema().get("properties"))
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsKeys("workflow_id", "status", "result");
        assertThat(sync.inputSchema().get("properties"))
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsKeys("track_name", "artist", "isrc", "wait_seconds");
        assertThat(sync.inputSchema()).containsEntry("required", List.of("track_name", "artist"));
        // stdout carried the protocol; the banner and the logs went to stderr.
        assertThat(STDERR).anyMatch(line -> line.contains("MCP server on stdio (standalone mode"));
    }

    @Test
    void aSyncCompletesWithItsReasonsAndASecondOneAddsNothing() {
        Map<String, Object> song = Map.of("track_name", "Bohemian Rhapsody", "artist", "Queen");

        JsonNode first = ok(call(client, "sync_song", song));
        assertThat(first.get("status").asText()).isEqualTo("completed");
        JsonNode result = first.get("result");
        assertThat(result.get("success").asBoolean()).isTrue();
        assertThat(result.get("already_in_playlist").asBoolean()).isFalse();
        assertThat(result.get("decision").get("reasons")).isNotEmpty();
        String uri = result.get("spotify_track_uri").asText();
        assertThat(service.simulator().playlistUris(service.playlistId())).containsOnlyOnce(uri);

        JsonNode second = ok(call(client, "sync_song", song));
        assertThat(second.get("result").get("already_in_playlist").asBoolean()).isTrue();
        assertThat(second.get("result").get("spotify_track_uri").asText()).isEqualTo(uri);
        assertThat(Collections.frequency(service.simulator().playlistUris(service.playlistId()), uri))
                .isEqualTo(1);

        String firstId = first.get("workflow_id").asText();
        JsonNode status = ok(call(client, "get_sync_status", Map.of("workflow_id", firstId)));
        assertThat(status.get("status").asText()).isEqualTo("completed");
        assertThat(status.get("result").get("spotify_track_uri").asText()).isEqualTo(uri);

        JsonNode recent = ok(call(client, "list_recent_syncs", Map.of("limit", 2)));
        assertThat(recent.get("syncs").findValuesAsText("workflow_id"))
                .containsExactly(second.get("workflow_id").asText(), firstId);
    }

    @Test
    void aRetriedCallWithTheSameKeyIsTheSameSync() {
        Map<String, Object> song =
                Map.of("track_name", "Wonderwall", "artist", "Oasis", "idempotency_key", "call-42", "wait_seconds", 0);
        JsonNode first = ok(call(client, "sync_song", song));
        JsonNode retried = ok(call(client, "sync_song", song));
        assertThat(retried.get("workflow_id")).isEqualTo(first.get("workflow_id"));
        JsonNode other = ok(call(client, "sync_song", Map.of("track_name", "Wonderwall", "artist", "Oasis")));
        assertThat(other.get("workflow_id")).isNotEqualTo(first.get("workflow_id"));
    }

    @Test
    void searchesTheCatalogByQueryAndByIsrc() {
        JsonNode found = ok(call(client, "search_track", Map.of("query", "Bohemian Rhapsody Queen", "limit", 3)));
        assertThat(found.get("tracks")).hasSizeBetween(1, 3);
        assertThat(found.get("tracks").findValuesAsText("name")).anyMatch(name -> name.contains("Bohemian Rhapsody"));

        JsonNode byIsrc = ok(call(client, "search_by_isrc", Map.of("isrc", "GB-UM7-10-29604")));
        assertThat(byIsrc.get("tracks")).hasSize(2);
        assertThat(byIsrc.get("tracks").findValuesAsText("isrc")).containsOnly("GBUM71029604");
    }

    @Test
    void addsAnExactTrackOnceAndVerifiesIt() {
        String uri = ok(call(client, "search_track", Map.of("query", "Dancing Queen ABBA", "limit", 1)))
                .get("tracks")
                .get(0)
                .get("uri")
                .asText();

        JsonNode playlists = ok(call(client, "get_user_playlists", Map.of()));
        assertThat(playlists.get("default_playlist_id").asText()).isEqualTo(service.playlistId());
        assertThat(playlists.get("playlists").findValuesAsText("id")).contains(service.playlistId());

        JsonNode added = ok(call(client, "add_track_to_playlist", Map.of("track_uri", uri)));
        assertThat(added.get("added").asBoolean()).isTrue();
        assertThat(added.get("confirmation").asText()).isIn("read_back", "add_accepted");
        JsonNode again = ok(call(client, "add_track_to_playlist", Map.of("track_uri", uri)));
        assertThat(again.get("added").asBoolean()).isFalse();
        assertThat(again.get("already_in_playlist").asBoolean()).isTrue();
        assertThat(again.get("position").asInt())
                .isEqualTo(added.get("position").asInt());
        assertThat(Collections.frequency(service.simulator().playlistUris(service.playlistId()), uri))
                .isEqualTo(1);

        // What Spotify shows: a read may lag behind the add for a moment.
        JsonNode presence = Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> ok(call(client, "verify_track_in_playlist", Map.of("track_uri", uri))),
                        answer -> answer.get("in_playlist").asBoolean());
        assertThat(presence.get("positions")).hasSize(1);
        assertThat(presence.get("positions").get(0).asInt())
                .isEqualTo(added.get("position").asInt());
        JsonNode absent = ok(
                call(client, "verify_track_in_playlist", Map.of("track_uri", "spotify:track:0000000000000000000000")));
        assertThat(absent.get("in_playlist").asBoolean()).isFalse();
    }

    @Test
    void badCallsAreToolErrorsThatSayWhatToFix() {
        CallToolResult noArtist = call(client, "sync_song", Map.of("track_name", "Yesterday"));
        assertThat(noArtist.isError()).isTrue();
        assertThat(text(noArtist)).contains("artist");

        CallToolResult tooMany = call(client, "search_track", Map.of("query", "Queen", "limit", 11));
        assertThat(tooMany.isError()).isTrue();
        assertThat(text(tooMany)).contains("limit");

        CallToolResult unknownSync = call(client, "get_sync_status", Map.of("workflow_id", "sync-nope"));
        assertThat(unknownSync.isError()).isTrue();
        assertThat(text(unknownSync)).isEqualTo("No sync with id sync-nope");

        CallToolResult badIsrc = call(client, "search_by_isrc", Map.of("isrc", "NOT-AN-ISRC!"));
        assertThat(badIsrc.isError()).isTrue();
        assertThat(text(badIsrc)).contains("isrc");

        String uri = "spotify:track:0000000000000000000000";
        CallToolResult noPlaylist = call(
                client, "add_track_to_playlist", Map.of("track_uri", uri, "playlist_id", "0000000000000000000000"));
        assertThat(noPlaylist.isError()).isTrue();
        assertThat(text(noPlaylist)).contains("0000000000000000000000").containsIgnoringCase("not found");

        // The server is still there and answers.
        assertThat(client.listTools().tools()).hasSize(TOOLS.size());
    }

    @Test
    void anExpiredLoginIsAToolErrorNamingTheFix(@TempDir Path directory) throws Exception {
        Map<String, String> environment = new HashMap<>(service.environment());
        environment.put(
                "CONFIG_DIR",
                Files.createDirectories(directory.resolve("config")).toString());
        Queue<String> stderr = McpTestClients.lines();
        service.simulator().setInvalidGrant(true);
        try (McpSyncClient expired = McpTestClients.client(McpTestClients.stdio(environment, directory, stderr))) {
            expired.initialize();
            CallToolResult result = call(expired, "search_track", Map.of("query", "Queen"));
            assertThat(result.isError()).isTrue();
            assertThat(text(result)).isEqualTo("Spotify login expired: run ./music-sync login");
            CallToolResult sync =
                    call(expired, "sync_song", Map.of("track_name", "Yesterday", "artist", "The Beatles"));
            assertThat(ok(sync).get("status").asText()).isEqualTo("failed");
            assertThat(ok(sync).get("error").asText()).isEqualTo("Spotify login expired: run ./music-sync login");
            assertThat(expired.listTools().tools()).hasSize(TOOLS.size());
        } finally {
            service.simulator().setInvalidGrant(false);
        }
        assertThat(String.join("\n", stderr)).doesNotContain("\tat ");
    }
}
