package io.musicsync.simulator;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads {@code limit}/{@code offset} the way Spotify validates them, and builds paging objects. */
record Paging(int limit, int offset) {

    static Paging read(Context ctx, int maxLimit, int defaultLimit, int maxOffset) {
        int limit = integer(ctx.queryParam("limit"), defaultLimit, "Invalid limit");
        if (limit < 1 || limit > maxLimit) {
            throw ApiException.badRequest("Invalid limit");
        }
        int offset = integer(ctx.queryParam("offset"), 0, "Invalid offset");
        if (offset < 0 || offset > maxOffset) {
            throw ApiException.badRequest("Invalid offset");
        }
        return new Paging(limit, offset);
    }

    private static int integer(String value, int fallback, String error) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(error);
        }
    }

    /**
     * The page of {@code all} this paging selects.
     *
     * @param baseHref the endpoint URL without query
     * @param query other query parameters to repeat in href/next/previous, in order
     */
    <S, T> PagingJson<T> page(List<S> all, Function<S, T> render, String baseHref, Map<String, String> query) {
        int from = Math.min(offset, all.size());
        int to = Math.min(offset + limit, all.size());
        List<T> items = all.subList(from, to).stream().map(render).toList();
        String next = to < all.size() ? href(baseHref, query, to) : null;
        String previous = offset > 0 ? href(baseHref, query, Math.max(0, offset - limit)) : null;
        return new PagingJson<>(href(baseHref, query, offset), items, limit, next, offset, previous, all.size());
    }

    private String href(String base, Map<String, String> query, int atOffset) {
        String rest = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return base + "?" + (rest.isEmpty() ? "" : rest + "&") + "offset=" + atOffset + "&limit=" + limit;
    }
}
