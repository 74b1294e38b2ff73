package io.musicsync.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Spotify-style 22-character base62 ids. Catalog ids are synthetic: derived from a SHA-256 of the track's
 * identifying text, so they are stable across runs but are NOT the ids real Spotify uses.
 */
final class SpotifyIds {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    static final int LENGTH = 22;

    private final SecureRandom random = new SecureRandom();

    /** A stable id for the given text (same text, same id). */
    static String derived(String text) {
        byte[] digest = sha256(text.getBytes(StandardCharsets.UTF_8));
        StringBuilder id = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            id.append(BASE62.charAt((digest[i] & 0xff) % 62));
        }
        return id.toString();
    }

    /** A fresh random id, for playlists and snapshots. */
    String random() {
        StringBuilder id = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            id.append(BASE62.charAt(random.nextInt(62)));
        }
        return id.toString();
    }

    static boolean isId(String candidate) {
        if (candidate == null || candidate.length() != LENGTH) {
            return false;
        }
        return candidate.chars().allMatch(c -> BASE62.indexOf(c) >= 0);
    }

    static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
