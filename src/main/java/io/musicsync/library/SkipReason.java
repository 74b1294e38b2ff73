package io.musicsync.library;

/** Why an entry of a library is not imported: it is not a song, or the person said they do not want it. */
public enum SkipReason {
    VIDEO("video", "a video (music video, movie or TV show), not a song"),
    PODCAST("podcast", "a podcast episode, not a song"),
    AUDIOBOOK("audiobook", "an audiobook, not a song"),
    VOICE_MEMO("voice_memo", "a voice memo, not a song"),
    DOCUMENT("document", "a document (PDF or booklet), not a song"),
    STREAM("stream", "an internet radio stream, not a song"),
    DISLIKED("disliked", "marked Disliked in Apple Music");

    private final String wireName;
    private final String explanation;

    SkipReason(String wireName, String explanation) {
        this.wireName = wireName;
        this.explanation = explanation;
    }

    public String wireName() {
        return wireName;
    }

    public String explanation() {
        return explanation;
    }
}
