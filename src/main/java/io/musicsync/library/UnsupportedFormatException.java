package io.musicsync.library;

/** The file is none of the formats we read; the message says what was found and what is expected. */
public final class UnsupportedFormatException extends RuntimeException {

    public static final String EXPECTED = "expected a Music.app / iTunes library or playlist XML export"
            + " (File > Library > Export Library…), a CSV with a header row naming the title and artist columns"
            + " (e.g. from Exportify, TuneMyMusic or Soundiiz), or a text file of 'Artist - Title' lines";

    public UnsupportedFormatException(String found) {
        super(found + "; " + EXPECTED);
    }
}
