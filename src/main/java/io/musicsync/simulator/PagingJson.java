package io.musicsync.simulator;

import java.util.List;

/** Spotify's paging object; {@code next} and {@code previous} are null at the ends. */
record PagingJson<T>(String href, List<T> items, int limit, String next, int offset, String previous, int total) {}
