package io.musicsync.songtext;

/**
 * A version marker parsed from a title or album suffix. Some only say how the same recording was released
 * (remastered, mono, the album version); the others mean another recording, which must never be added in place of
 * the requested one.
 */
public enum VersionTag {
    REMASTER(false),
    ALBUM_VERSION(false),
    SINGLE_VERSION(false),
    MONO(false),
    STEREO(false),
    EXPLICIT(false),
    CLEAN(false),
    LIVE(true),
    REMIX(true),
    EDIT(true),
    ACOUSTIC(true),
    INSTRUMENTAL(true),
    KARAOKE(true),
    COVER(true),
    DEMO(true),
    SPED_UP_OR_SLOWED(true),
    RE_RECORDED(true),
    LANGUAGE_VERSION(true),
    OTHER_VERSION(true);

    private final boolean differentRecording;

    VersionTag(boolean differentRecording) {
        this.differentRecording = differentRecording;
    }

    /** True when a track carrying this tag is a different recording from one without it. */
    public boolean differentRecording() {
        return differentRecording;
    }

    /** Lower-case label for reasons, e.g. "sped_up_or_slowed" becomes "sped up or slowed". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
