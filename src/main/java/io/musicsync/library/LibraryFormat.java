package io.musicsync.library;

/** The kinds of file {@link LibraryReader} reads, recognised by their content. */
public enum LibraryFormat {
    /** Music.app or iTunes "Export Library…" / "Export Playlist…" XML (an Apple property list). */
    APPLE_XML("apple-xml", "Music.app / iTunes library XML"),
    /** A table with a header row naming at least the title and artist columns. */
    CSV("csv", "CSV with a header row"),
    /** One song a line, "Artist - Title". */
    TEXT_LIST("text", "'Artist - Title' text list");

    private final String wireName;
    private final String description;

    LibraryFormat(String wireName, String description) {
        this.wireName = wireName;
        this.description = description;
    }

    public String wireName() {
        return wireName;
    }

    public String description() {
        return description;
    }
}
