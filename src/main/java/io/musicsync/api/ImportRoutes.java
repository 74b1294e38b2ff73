package io.musicsync.api;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import io.musicsync.api.dto.ErrorBody;
import io.musicsync.api.dto.ErrorBody.FieldError;
import io.musicsync.api.dto.ImportAccepted;
import io.musicsync.api.dto.ImportBody;
import io.musicsync.api.dto.ImportListBody;
import io.musicsync.config.Settings;
import io.musicsync.domain.SongQuery;
import io.musicsync.imports.ImportRequest;
import io.musicsync.imports.ImportRow;
import io.musicsync.imports.ImportStatus;
import io.musicsync.imports.Imports;
import io.musicsync.library.Library;
import io.musicsync.library.LibraryEntry;
import io.musicsync.library.LibraryReader;
import io.musicsync.library.UnsupportedFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The import endpoints: {@code POST /api/v1/imports} (a library file as a multipart upload, or JSON rows),
 * {@code GET /api/v1/imports/{id}} (counts and a cursor-paged page of rows) and {@code GET /api/v1/imports}. They
 * know only {@link Imports}; the file is read by the library readers, recognised by its content.
 */
public final class ImportRoutes implements ApiRoutes {

    static final String BASE = "/api/v1/imports";
    /** The most JSON rows one request may carry (a bigger library is uploaded as its file). */
    static final int MAX_JSON_ROWS = 5_000;
    /** JSON rows are at most a few hundred bytes each. */
    static final long MAX_JSON_BYTES = 2L * 1024 * 1024;

    private static final int DEFAULT_ROWS = 100;
    private static final int DEFAULT_LIST = 20;
    private static final int MAX_LIST = 100;
    private static final int MAX_LISTED_ERRORS = 20;
    private static final int MAX_FILE_NAME = 200;

    private final Imports imports;
    private final String defaultPlaylistId;
    private final ObjectMapper mapper = ApiJson.newMapper();
    private final Clock clock;

    public ImportRoutes(Imports imports, String defaultPlaylistId, Clock clock) {
        this.imports = imports;
        this.defaultPlaylistId = defaultPlaylistId;
        this.clock = clock;
    }

    @Override
    public void declare(TokenAccess access) {
        path(BASE, () -> {
            post(this::submit, ApiRole.CLIENT);
            get(this::list, ApiRole.CLIENT);
            get("{id}", this::status, ApiRole.CLIENT);
        });
    }

    /** What a submission asks for besides its rows. */
    private record Target(String playlistId, String createName, boolean dryRun) {}

    private void submit(Context ctx) throws IOException {
        ImportRequest request = ctx.isMultipartFormData() ? fromUpload(ctx) : fromJson(ctx);
        if (request == null) {
            return; // answered already
        }
        ImportStatus status = imports.start(keyed(request, ctx.header("Idempotency-Key")));
        ctx.status(HttpStatus.ACCEPTED)
                .json(new ImportAccepted(
                        status.importId(),
                        "accepted",
                        "Import started: " + status.counts().total() + " rows"
                                + (request.dryRun() ? " (dry run: nothing is added)" : ""),
                        BASE + "/" + status.importId(),
                        status.counts().byWireName()));
    }

    /**
     * With an {@code Idempotency-Key} the import's id is derived from the key and the request, so a retried upload
     * answers with the import it started instead of starting a second one; a key reused for other rows or another
     * target is another import.
     */
    private ImportRequest keyed(ImportRequest request, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return request;
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((idempotencyKey.strip() + "\n").getBytes(StandardCharsets.UTF_8));
            // The request under a fixed id: the id is what is derived, not part of what is compared.
            digest.update(mapper.writeValueAsBytes(request.withId("x")));
            return request.withId("import-" + HexFormat.of().formatHex(digest.digest(), 0, 16));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("SHA-256 and our records always serialise", e);
        }
    }

    private ImportRequest fromUpload(Context ctx) throws IOException {
        if (ctx.contentLength() > ApiLimits.MAX_UPLOAD_BYTES) {
            tooLarge(ctx, "file", "the upload is larger than " + ApiLimits.MAX_UPLOAD_BYTES / (1024 * 1024) + " MB");
            return null;
        }
        UploadedFile upload;
        try {
            upload = ctx.uploadedFile("file");
        } catch (RuntimeException e) {
            // The multipart parser refuses a part over its limits, or a body that is not multipart at all.
            throw new ValidationException(List.of(new FieldError("file", "could not be read: " + e.getMessage())));
        }
        List<FieldError> errors = new ArrayList<>();
        Target target = target(
                ctx.formParam("playlist_id"),
                ctx.formParam("create_playlist"),
                formBool(ctx, "dry_run", errors),
                errors);
        if (upload == null) {
            errors.add(new FieldError("file", "is required: the library file (Library.xml, CSV or a text list)"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Library library = read(upload);
        String applePlaylist = blankToNull(ctx.formParam("apple_playlist"));
        List<LibraryEntry> entries = library.entries();
        if (applePlaylist != null) {
            entries = library.playlist(applePlaylist)
                    .orElseThrow(() -> new ValidationException(List.of(new FieldError(
                            "apple_playlist",
                            "the file has no Apple Music playlist named \"" + applePlaylist + "\"; it has: "
                                    + (library.playlists().isEmpty()
                                            ? "none"
                                            : String.join(
                                                    ", ", library.playlists().keySet()))))));
        }
        if (entries.isEmpty()) {
            throw new ValidationException(List.of(new FieldError("file", "holds no entries to import")));
        }
        return new ImportRequest(
                ImportRequest.newId(),
                target.playlistId(),
                target.createName(),
                fileName(upload.filename()),
                library.format().wireName(),
                ImportRow.of(entries),
                library.problems(),
                target.dryRun());
    }

    /** The uploaded file's own name, without a client's folders or control characters (it is shown back). */
    static String fileName(String given) {
        if (given == null) {
            return null;
        }
        String name = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1)
                .codePoints()
                .filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .strip();
        return name.isEmpty() ? null : name.substring(0, Math.min(name.length(), MAX_FILE_NAME));
    }

    /** The upload, read from an owner-only temporary file (a large library is streamed, never held whole). */
    private static Library read(UploadedFile upload) throws IOException {
        Path file = Files.createTempFile("music-sync-import-", ".upload");
        try {
            try (InputStream in = upload.content()) {
                Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return new LibraryReader().read(file);
        } catch (UnsupportedFormatException e) {
            throw new ValidationException(List.of(new FieldError("file", "cannot be imported: " + e.getMessage())));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private ImportRequest fromJson(Context ctx) throws IOException {
        if (ctx.contentLength() > MAX_JSON_BYTES) {
            tooLarge(
                    ctx, "rows", "JSON rows are limited to " + MAX_JSON_BYTES / 1024 + " KiB: upload the file instead");
            return null;
        }
        byte[] bytes;
        try (InputStream in = ctx.bodyInputStream()) {
            bytes = in.readNBytes((int) MAX_JSON_BYTES + 1);
        }
        if (bytes.length > MAX_JSON_BYTES) {
            tooLarge(
                    ctx, "rows", "JSON rows are limited to " + MAX_JSON_BYTES / 1024 + " KiB: upload the file instead");
            return null;
        }
        JsonNode body;
        try {
            body = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            ctx.status(HttpStatus.BAD_REQUEST)
                    .json(new ErrorBody(
                            "invalid_json",
                            "The request body is not valid JSON: " + e.getOriginalMessage(),
                            null,
                            clock.instant()));
            return null;
        }
        if (body == null || !body.isObject()) {
            throw new ValidationException(List.of(new FieldError("body", "must be a JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        Target target = target(
                text(body, "playlist_id", errors), text(body, "create_playlist", errors), bool(body, errors), errors);
        List<ImportRow> rows = jsonRows(body.get("rows"), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(
                    errors.size() > MAX_LISTED_ERRORS ? errors.subList(0, MAX_LISTED_ERRORS) : errors);
        }
        return new ImportRequest(
                ImportRequest.newId(),
                target.playlistId(),
                target.createName(),
                null,
                "json",
                rows,
                List.of(),
                target.dryRun());
    }

    private static List<ImportRow> jsonRows(JsonNode node, List<FieldError> errors) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            errors.add(new FieldError("rows", "is required: an array of songs ({\"track_name\", \"artist\", …})"));
            return List.of();
        }
        if (node.size() > MAX_JSON_ROWS) {
            errors.add(new FieldError("rows", "at most " + MAX_JSON_ROWS + " rows: upload the file instead"));
            return List.of();
        }
        List<ImportRow> rows = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode row = node.get(i);
            String where = "rows[" + i + "]";
            if (!row.isObject()) {
                errors.add(new FieldError(where, "must be an object"));
                continue;
            }
            List<FieldError> own = new ArrayList<>();
            SongQuery song = SyncRequestParser.song(row, own);
            own.forEach(e -> errors.add(new FieldError(where + "." + e.field(), e.message())));
            if (own.isEmpty()) {
                rows.add(ImportRow.song(i + 1, "row " + (i + 1), song, List.of()));
            }
        }
        return rows;
    }

    private Target target(String playlistId, String createName, boolean dryRun, List<FieldError> errors) {
        playlistId = blankToNull(playlistId);
        createName = blankToNull(createName);
        if (playlistId != null && createName != null) {
            errors.add(new FieldError("create_playlist", "give playlist_id or create_playlist, not both"));
        } else if (playlistId != null
                && !Settings.PLAYLIST_ID.matcher(playlistId).matches()) {
            errors.add(new FieldError("playlist_id", "must be a Spotify playlist id: 22 letters and digits"));
        } else if (createName != null && createName.length() > 100) {
            errors.add(new FieldError("create_playlist", "must be at most 100 characters"));
        } else if (playlistId == null && createName == null) {
            playlistId = defaultPlaylistId;
            if (playlistId == null && !dryRun) {
                errors.add(new FieldError(
                        "playlist_id", "is required (or create_playlist; no DEFAULT_PLAYLIST_ID is configured)"));
            }
        }
        return new Target(playlistId, createName, dryRun);
    }

    private static String text(JsonNode body, String field, List<FieldError> errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        return node.asText();
    }

    private static boolean bool(JsonNode body, List<FieldError> errors) {
        JsonNode node = body.get("dry_run");
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            errors.add(new FieldError("dry_run", "must be true or false"));
            return false;
        }
        return node.asBoolean();
    }

    private static boolean formBool(Context ctx, String field, List<FieldError> errors) {
        String value = blankToNull(ctx.formParam(field));
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        errors.add(new FieldError(field, "must be true or false"));
        return false;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private void status(Context ctx) {
        List<FieldError> errors = new ArrayList<>();
        int cursor = intParam(ctx, "cursor", 0, 0, Integer.MAX_VALUE, errors);
        int limit = intParam(ctx, "limit", DEFAULT_ROWS, 0, Imports.MAX_ROWS_PER_PAGE, errors);
        if (!errors.isEmpty()) {
            invalidQuery(ctx, errors);
            return;
        }
        String id = ctx.pathParam("id");
        imports.status(id, cursor, limit)
                .ifPresentOrElse(
                        status -> ctx.json(ImportBody.from(status, true)),
                        () -> ctx.status(HttpStatus.NOT_FOUND)
                                .json(new ErrorBody("not_found", "No import with id " + id, null, clock.instant())));
    }

    private void list(Context ctx) {
        List<FieldError> errors = new ArrayList<>();
        int limit = intParam(ctx, "limit", DEFAULT_LIST, 1, MAX_LIST, errors);
        if (!errors.isEmpty()) {
            invalidQuery(ctx, errors);
            return;
        }
        ctx.json(new ImportListBody(imports.list(limit).stream()
                .map(status -> ImportBody.from(status, false))
                .toList()));
    }

    private static int intParam(Context ctx, String name, int fallback, int min, int max, List<FieldError> errors) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
        return fallback;
    }

    private void invalidQuery(Context ctx, List<FieldError> errors) {
        ctx.status(HttpStatus.BAD_REQUEST)
                .json(new ErrorBody(
                        "invalid_query",
                        "Invalid query: "
                                + errors.stream()
                                        .map(e -> e.field() + ": " + e.message())
                                        .reduce((a, b) -> a + "; " + b)
                                        .orElse(""),
                        errors,
                        clock.instant()));
    }

    private void tooLarge(Context ctx, String field, String message) {
        ctx.status(HttpStatus.CONTENT_TOO_LARGE)
                .json(new ErrorBody(
                        "content_too_large", message, List.of(new FieldError(field, message)), clock.instant()));
    }
}
