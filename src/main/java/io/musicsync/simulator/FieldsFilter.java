package io.musicsync.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Spotify's {@code fields} parameter: a comma-separated list of field names, {@code a.b} for a field inside
 * another and {@code a(b,c)} for several; arrays are filtered element by element. Fields the answer lacks are left
 * out, so a wrong field name gets an answer without the data asked for, as on Spotify. Malformed syntax is a 400.
 */
final class FieldsFilter {

    /** The selected sub-fields of each selected field; an empty map keeps the whole value. */
    private final Map<String, FieldsFilter> selected;

    private FieldsFilter(Map<String, FieldsFilter> selected) {
        this.selected = selected;
    }

    /** @throws ApiException 400 for malformed syntax */
    static FieldsFilter parse(String fields) {
        Parser parser = new Parser(fields.replace(" ", ""));
        FieldsFilter filter = parser.list();
        if (parser.at < parser.text.length() || filter.selected.isEmpty()) {
            throw ApiException.badRequest("Invalid fields");
        }
        return filter;
    }

    JsonNode apply(JsonNode node) {
        if (selected.isEmpty()) {
            return node;
        }
        if (node.isArray()) {
            ArrayNode filtered = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> filtered.add(apply(element)));
            return filtered;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode filtered = JsonNodeFactory.instance.objectNode();
        selected.forEach((name, sub) -> {
            if (node.has(name)) {
                filtered.set(name, sub.apply(node.get(name)));
            }
        });
        return filtered;
    }

    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        FieldsFilter list() {
            Map<String, FieldsFilter> fields = new LinkedHashMap<>();
            while (true) {
                entry(fields);
                if (!peek(',')) {
                    return new FieldsFilter(fields);
                }
                at++;
            }
        }

        /** {@code a}, {@code a.b...} or {@code a(list)}, merged into {@code into}. */
        private void entry(Map<String, FieldsFilter> into) {
            String name = name();
            FieldsFilter sub = new FieldsFilter(Map.of());
            if (peek('.')) {
                at++;
                Map<String, FieldsFilter> inner = new LinkedHashMap<>();
                entry(inner);
                sub = new FieldsFilter(inner);
            } else if (peek('(')) {
                at++;
                sub = list();
                expect(')');
            }
            into.merge(name, sub, FieldsFilter::union);
        }

        private String name() {
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            if (start == at) {
                throw ApiException.badRequest("Invalid fields");
            }
            return text.substring(start, at);
        }

        private boolean peek(char c) {
            return at < text.length() && text.charAt(at) == c;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw ApiException.badRequest("Invalid fields");
            }
            at++;
        }
    }

    private static FieldsFilter union(FieldsFilter a, FieldsFilter b) {
        if (a.selected.isEmpty() || b.selected.isEmpty()) {
            return new FieldsFilter(Map.of());
        }
        Map<String, FieldsFilter> both = new LinkedHashMap<>(a.selected);
        b.selected.forEach((name, sub) -> both.merge(name, sub, FieldsFilter::union));
        return new FieldsFilter(both);
    }
}
