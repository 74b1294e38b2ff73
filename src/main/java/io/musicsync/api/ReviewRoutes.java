package io.musicsync.api;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.musicsync.api.dto.ErrorBody;
import io.musicsync.api.dto.ErrorBody.FieldError;
import io.musicsync.api.dto.ReviewListBody;
import io.musicsync.api.dto.SyncAccepted;
import io.musicsync.engine.SyncEngine;
import io.musicsync.sync.ReviewPage;
import io.musicsync.sync.SyncListQuery;
import java.io.IOException;
import java.time.Clock;
import java.util.List;

/**
 * The review queue: {@code GET /api/v1/reviews} lists the syncs waiting for a person's choice, {@code POST
 * /api/v1/reviews/{id}} answers one with a track ({@code track_uri}) or "not on Spotify". They know only {@link
 * SyncEngine}.
 */
public final class ReviewRoutes implements ApiRoutes {

    static final String BASE = "/api/v1/reviews";

    private final SyncEngine engine;
    private final ObjectMapper mapper = ApiJson.newMapper();
    private final Clock clock;

    public ReviewRoutes(SyncEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    @Override
    public void declare(TokenAccess access) {
        path(BASE, () -> {
            get(this::list, ApiRole.CLIENT);
            post("{id}", this::answer, ApiRole.CLIENT);
        });
    }

    private void list(Context ctx) {
        int limit = SyncListQuery.DEFAULT_LIMIT;
        String limitText = ctx.queryParam("limit");
        if (limitText != null) {
            limit = limitText.matches("\\d{1,3}") ? Integer.parseInt(limitText) : -1;
            if (limit < 1 || limit > SyncListQuery.MAX_LIMIT) {
                badRequest(
                        ctx,
                        "invalid_query",
                        new FieldError("limit", "must be a whole number from 1 to " + SyncListQuery.MAX_LIMIT));
                return;
            }
        }
        ReviewPage page;
        try {
            page = engine.reviews(ctx.queryParam("cursor"), limit);
        } catch (IllegalArgumentException e) {
            badRequest(
                    ctx,
                    "invalid_query",
                    new FieldError("cursor", "is not a cursor this API gave (use next_cursor as it came)"));
            return;
        }
        ctx.json(ReviewListBody.from(page, BASE));
    }

    private void answer(Context ctx) {
        String id = ctx.pathParam("id");
        JsonNode body;
        try {
            body = mapper.readTree(ctx.bodyAsBytes());
        } catch (IOException e) {
            ctx.status(HttpStatus.BAD_REQUEST)
                    .json(new ErrorBody("invalid_json", "The request body is not valid JSON", null, clock.instant()));
            return;
        }
        String uri;
        try {
            uri = ReviewAnswerParser.trackUri(body);
        } catch (ValidationException e) {
            badRequest(ctx, "invalid_request", e.errors().getFirst());
            return;
        }
        switch (engine.answerReview(id, uri)) {
            case ACCEPTED ->
                ctx.status(HttpStatus.ACCEPTED)
                        .json(new SyncAccepted(
                                id,
                                "accepted",
                                uri == null
                                        ? "Answered \"not on Spotify\": the sync ends so, and the same song is not asked"
                                                + " about again"
                                        : "Answered: the sync adds " + uri + ", and the same song gets it from now on",
                                SyncRoutes.BASE + "/" + id));
            case NOT_WAITING ->
                ctx.status(HttpStatus.CONFLICT)
                        .json(new ErrorBody(
                                "not_waiting",
                                "Sync " + id + " is not waiting for a review (it never did, it was answered, or it"
                                        + " ended)",
                                null,
                                clock.instant()));
            case NOT_FOUND ->
                ctx.status(HttpStatus.NOT_FOUND)
                        .json(new ErrorBody("not_found", "No sync with id " + id, null, clock.instant()));
        }
    }

    private void badRequest(Context ctx, String error, FieldError field) {
        ctx.status(HttpStatus.BAD_REQUEST)
                .json(new ErrorBody(
                        error,
                        "Invalid request: " + field.field() + " " + field.message(),
                        List.of(field),
                        clock.instant()));
    }
}
