package io.musicsync.api.dto;

import java.util.List;

/** {@code GET /api/v1/imports}: imports newest first, each without its rows. */
public record ImportListBody(List<ImportBody> imports) {}
