package io.musicsync.api.dto;

import io.musicsync.domain.SongQuery;
import io.musicsync.sync.PendingReview;
import io.musicsync.sync.ReviewPage;
import java.time.Instant;
import java.util.List;

/** The answer to {@code GET /api/v1/reviews}: waiting longest first; {@code next_cursor} is null on the last page. */
public record ReviewListBody(List<Item> reviews, String nextCursor) {

    /**
     * One sync waiting for a person's choice.
     *
     * @param message why nothing was added without a person ("no confident match …")
     * @param candidates the choices offered, best first, with the matcher's scores, signals and notes
     * @param ai the AI's answer when it was asked and unsure, else null
     * @param answerUrl where to {@code POST} the choice
     */
    public record Item(
            String workflowId,
            Song song,
            String playlistId,
            String message,
            List<String> reasons,
            List<SyncStatusBody.Candidate> candidates,
            SyncStatusBody.Ai ai,
            Instant waitingSince,
            Instant expiresAt,
            String answerUrl) {}

    /** The song as it was asked for. */
    public record Song(String trackName, String artist, String album, Integer durationMs, String isrc) {}

    /** @param base the path of the review routes, e.g. {@code /api/v1/reviews} */
    public static ReviewListBody from(ReviewPage page, String base) {
        return new ReviewListBody(
                page.reviews().stream().map(r -> item(r, base)).toList(), page.nextCursor());
    }

    private static Item item(PendingReview review, String base) {
        SongQuery song = review.song();
        return new Item(
                review.syncId(),
                new Song(song.title(), song.artist(), song.album(), song.durationMs(), song.isrc()),
                review.playlistId(),
                review.message(),
                review.decision().reasons(),
                review.candidates().stream().map(SyncStatusBody::candidate).toList(),
                SyncStatusBody.ai(review.ai()),
                Instant.ofEpochMilli(review.waitingSinceMillis()),
                Instant.ofEpochMilli(review.expiresAtMillis()),
                base + "/" + review.syncId());
    }
}
