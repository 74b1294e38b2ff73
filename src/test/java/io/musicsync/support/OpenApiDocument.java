package io.musicsync.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The service's OpenAPI document (the one it serves at {@code /openapi.json}), and real answers checked against its
 * response schemas with networknt's JSON Schema validator in the OpenAPI 3.1 dialect.
 */
public final class OpenApiDocument {

    private static final String LOCATION = "classpath:api/openapi.json";

    private final JsonNode document;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31());
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenApiDocument(JsonNode document) {
        this.document = document;
    }

    public static OpenApiDocument load() {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream("api/openapi.json")) {
            return new OpenApiDocument(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode json() {
        return document;
    }

    /** Every documented operation as "METHOD /path/{param}". */
    public List<String> operations() {
        List<String> operations = new ArrayList<>();
        document.get("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .fieldNames()
                        .forEachRemaining(
                                method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return operations;
    }

    /** The documented path template a concrete path belongs to, e.g. {@code /api/v1/sync/{id}}. */
    public Optional<String> template(String concretePath) {
        for (Iterator<String> it = document.get("paths").fieldNames(); it.hasNext(); ) {
            String template = it.next();
            String regex = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            if (concretePath.matches(regex)) {
                return Optional.of(template);
            }
        }
        return Optional.empty();
    }

    /**
     * The schema problems of a JSON answer, empty when it conforms.
     *
     * @throws AssertionError when the document does not describe this answer at all (path, method or status)
     */
    public List<String> problems(String method, String concretePath, int status, String json) {
        String template =
                template(concretePath).orElseThrow(() -> new AssertionError("undocumented path " + concretePath));
        String operation = method.toLowerCase(Locale.ROOT);
        JsonNode responses =
                document.path("paths").path(template).path(operation).path("responses");
        if (!responses.has(Integer.toString(status))) {
            throw new AssertionError("undocumented answer " + status + " for " + method + " " + template);
        }
        String pointer = "#/paths/" + escape(template) + "/" + operation + "/responses/" + status
                + "/content/application~1json/schema";
        Schema schema = schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(LOCATION + p)));
        return schema.validate(json, InputFormat.JSON).stream()
                .map(Error::toString)
                .toList();
    }

    /** Whether the document lists this status for the operation with a JSON body. */
    public boolean documentsJson(String method, String concretePath, int status) {
        return template(concretePath)
                .map(t -> document.path("paths")
                        .path(t)
                        .path(method.toLowerCase(Locale.ROOT))
                        .path("responses")
                        .path(Integer.toString(status))
                        .path("content")
                        .has("application/json"))
                .orElse(false);
    }

    private static String escape(String template) {
        return template.replace("~", "~0").replace("/", "~1");
    }
}
