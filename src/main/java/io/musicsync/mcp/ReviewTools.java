package io.musicsync.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.musicsync.api.ApiJson;
import io.musicsync.api.ReviewAnswerParser;
import io.musicsync.api.dto.ReviewListBody;
import io.musicsync.api.dto.SyncAccepted;
import io.musicsync.engine.SyncEngine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code list_reviews} and {@code answer_review}: the review queue as tools, answering what {@code GET
 * /api/v1/reviews} and {@code POST /api/v1/reviews/{id}} answer.
 */
final class ReviewTools {

    private static final int DEFAULT_LIST = 10;
    private static final int MAX_LIST = 50;

    private final SyncEngine engine;
    private final ObjectMapper wire = ApiJson.newMapper();

    ReviewTools(SyncEngine engine) {
        this.engine = engine;
    }

    List<SyncToolSpecification> specifications(ToolFactory tools, OpenApiSchemas schemas) {
        return List.of(
                tools.tool(
                        "list_reviews",
                        "Songs waiting for a person's choice",
                        ToolFactory.Kind.READ_ONLY,
                        "The review queue: syncs the matcher (and the AI) could not settle, waiting longest first,"
                                + " each with the song, its best candidates (uri, name, artists, album, score,"
                                + " signals, notes), the reasons and when the wait ends. Ask the person, then"
                                + " answer_review; never guess for them.",
                        """
                        {"type": "object",
                         "properties": {"limit": {"type": "integer", "minimum": 1, "maximum": %d, "default": %d},
                                        "cursor": {"type": "string", "description": "next_cursor of the previous page"}},
                         "additionalProperties": false}
                        """.formatted(MAX_LIST, DEFAULT_LIST),
                        schemas.schema("ReviewList"),
                        call -> list(call.arguments())),
                tools.tool(
                        "answer_review",
                        "Answer a song's review with the person's choice",
                        ToolFactory.Kind.ADDS_ONCE,
                        "Answers a sync waiting in the review queue with the person's choice: track_uri (one of"
                                + " the candidates list_reviews showed, or a track they found) is added to the"
                                + " playlist once; not_on_spotify: true ends it with nothing added. The choice is"
                                + " remembered: the same song later is not asked about again. Poll"
                                + " get_sync_status with the workflow_id for the outcome.",
                        """
                        {"type": "object",
                         "properties": {"workflow_id": {"type": "string", "minLength": 1, "maxLength": 200},
                                        "track_uri": {"type": "string", "pattern": "^spotify:track:[A-Za-z0-9]{22}$"},
                                        "not_on_spotify": {"type": "boolean", "enum": [true]}},
                         "required": ["workflow_id"],
                         "additionalProperties": false}
                        """,
                        schemas.schema("SyncAccepted"),
                        call -> answer(call.arguments())));
    }

    private ReviewListBody list(ToolArguments arguments) {
        int limit = arguments.integer("limit", DEFAULT_LIST, 1, MAX_LIST);
        try {
            return ReviewListBody.from(engine.reviews(arguments.optionalText("cursor"), limit), "/api/v1/reviews");
        } catch (IllegalArgumentException e) {
            throw new ToolArgumentException("cursor is not one list_reviews gave (use next_cursor as it came)");
        }
    }

    private SyncAccepted answer(ToolArguments arguments) {
        String id = arguments.text("workflow_id");
        Map<String, Object> body = new LinkedHashMap<>(arguments.asMap());
        body.remove("workflow_id");
        String uri = ReviewAnswerParser.trackUri(wire.valueToTree(body));
        return switch (engine.answerReview(id, uri)) {
            case ACCEPTED ->
                new SyncAccepted(
                        id,
                        "accepted",
                        uri == null ? "Answered \"not on Spotify\"" : "Answered: the sync adds " + uri,
                        "/api/v1/sync/" + id);
            case NOT_WAITING -> throw new ToolArgumentException("Sync " + id + " is not waiting for a review");
            case NOT_FOUND -> throw new ToolArgumentException("No sync with id " + id);
        };
    }
}
