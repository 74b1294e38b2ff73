package io.musicsync.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.musicsync.api.ApiJson;
import io.musicsync.api.SyncRequestParser;
import io.musicsync.api.SyncSubmission;
import io.musicsync.api.dto.SyncStatusBody;
import io.musicsync.engine.SyncEngine;
import io.musicsync.sync.SyncListQuery;
import io.musicsync.sync.SyncProgress;
import io.musicsync.sync.SyncStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * {@code sync_song}, {@code get_sync_status} and {@code list_recent_syncs}: our matched, at-most-once sync as
 * tools, run by whichever engine the service is configured with. A sync's answer is exactly the HTTP API's
 * {@code GET /api/v1/sync/{id}} body, described by the same schema.
 */
final class SyncTools {

    private static final int DEFAULT_WAIT_SECONDS = 15;
    private static final int MAX_WAIT_SECONDS = 60;
    private static final int DEFAULT_LIST = 10;
    private static final int MAX_LIST = 50;
    /** Arguments of sync_song that are not part of the API's request body. */
    private static final List<String> TOOL_ONLY = List.of("wait_seconds", "idempotency_key");

    private final SyncEngine engine;
    private final SyncRequestParser parser;
    private final BooleanSupplier aiAvailable;
    private final Clock clock;
    private final SyncWaiter waiter;
    private final ObjectMapper wire = ApiJson.newMapper();

    SyncTools(SyncEngine engine, SyncRequestParser parser, BooleanSupplier aiAvailable, Clock clock) {
        this.engine = engine;
        this.parser = parser;
        this.aiAvailable = aiAvailable;
        this.clock = clock;
        this.waiter = new SyncWaiter(engine, clock);
    }

    /** The syncs this server knows of, newest first. */
    record Syncs(List<SyncStatusBody> syncs) {}

    List<SyncToolSpecification> specifications(ToolFactory tools, OpenApiSchemas schemas) {
        String status = schemas.schema("SyncStatus");
        return List.of(
                tools.tool(
                        "sync_song",
                        "Add a song to a playlist (matched, at most once)",
                        ToolFactory.Kind.ADDS_ONCE,
                        "Puts a song, named as a person or Apple Music would name it, into a Spotify playlist:"
                                + " searches Spotify, scores the candidates (title, all artists, album, duration,"
                                + " explicit flag, ISRC), asks a language model only when unsure, adds the exact"
                                + " recording at most once and checks that it landed. It never adds a live,"
                                + " karaoke or cover version for the studio one: when it is not sure it adds"
                                + " nothing and the result lists the best candidates and why. Give duration_ms"
                                + " and isrc when you have them. Waits up to wait_seconds for the result; if the"
                                + " sync is still running then, poll get_sync_status with its workflow_id. A"
                                + " song already in the playlist completes with already_in_playlist: true.",
                        schemas.withProperties("SyncRequest", """
                                {"wait_seconds": {"type": "integer", "minimum": 0, "maximum": %d, "default": %d,
                                                  "description": "how long to wait for the result (0: return at once)"},
                                 "idempotency_key": {"type": "string", "minLength": 1, "maxLength": 200,
                                                     "description": "the same key and song map to the same sync, so a retried call never syncs twice"}}
                                """.formatted(MAX_WAIT_SECONDS, DEFAULT_WAIT_SECONDS)),
                        status,
                        this::syncSong),
                tools.tool(
                        "get_sync_status",
                        "Status of a sync",
                        ToolFactory.Kind.READ_ONLY,
                        "The status of a sync started by sync_song (or the HTTP API): running with its current"
                                + " step, or its result (the track added, already_in_playlist, or why nothing was"
                                + " added, with the matcher's reasons and candidates), or its error.",
                        """
                        {"type": "object",
                         "properties": {"workflow_id": {"type": "string", "minLength": 1, "maxLength": 200,
                                                        "description": "the workflow_id sync_song returned"}},
                         "required": ["workflow_id"],
                         "additionalProperties": false}
                        """,
                        status,
                        call -> body(find(call.arguments().text("workflow_id")))),
                tools.tool(
                        "list_recent_syncs",
                        "Recent syncs",
                        ToolFactory.Kind.READ_ONLY,
                        "The newest syncs of this service (from the API, the iOS Shortcut, MCP or an import), each with its status or result.",
                        """
                        {"type": "object",
                         "properties": {"limit": {"type": "integer", "minimum": 1, "maximum": %d, "default": %d}},
                         "additionalProperties": false}
                        """.formatted(MAX_LIST, DEFAULT_LIST),
                        schemas.listOf("syncs", "SyncStatus"),
                        call -> recent(call.arguments().integer("limit", DEFAULT_LIST, 1, MAX_LIST))));
    }

    private SyncStatusBody syncSong(ToolCall call) {
        ToolArguments arguments = call.arguments();
        int waitSeconds = arguments.integer("wait_seconds", DEFAULT_WAIT_SECONDS, 0, MAX_WAIT_SECONDS);
        String idempotencyKey = arguments.optionalText("idempotency_key");
        Map<String, Object> body = new LinkedHashMap<>(arguments.asMap());
        TOOL_ONLY.forEach(body::remove);
        JsonNode json = wire.valueToTree(body);
        SyncSubmission submission = parser.parse(json);
        SyncStatus started = engine.start(submission.toRequest(idempotencyKey, aiAvailable.getAsBoolean()));
        SyncStatus status = waiter.await(started, Duration.ofSeconds(waitSeconds), progress -> report(call, progress));
        return body(status);
    }

    private static void report(ToolCall call, SyncProgress progress) {
        call.progress(
                progress.stepsCompleted(),
                progress.stepsTotal(),
                progress.currentStep().wireName());
    }

    private SyncStatus find(String syncId) {
        Optional<SyncStatus> status = engine.status(syncId);
        return status.orElseThrow(() -> new ToolArgumentException("No sync with id " + syncId));
    }

    /** The newest syncs the engine knows (started over HTTP, MCP or an import), with their full status. */
    private Syncs recent(int limit) {
        return new Syncs(engine.list(new SyncListQuery(null, null, limit, null)).syncs().stream()
                .map(listing -> engine.status(listing.syncId()))
                .flatMap(Optional::stream)
                .map(this::body)
                .toList());
    }

    private SyncStatusBody body(SyncStatus status) {
        return SyncStatusBody.from(status, clock.instant());
    }
}
