package io.musicsync.mcp;

import java.util.Map;

/**
 * A tool call's arguments. The SDK has already checked them against the tool's input schema; these accessors
 * still refuse what does not fit, so a client that skips validation gets a clear message, not a crash.
 */
final class ToolArguments {

    private final Map<String, Object> values;

    ToolArguments(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    Map<String, Object> asMap() {
        return values;
    }

    String text(String name) {
        String value = optionalText(name);
        if (value == null) {
            throw new ToolArgumentException(name + " is required");
        }
        return value;
    }

    /** The trimmed text, or null when absent or blank. */
    String optionalText(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new ToolArgumentException(name + " must be a string");
        }
        return text.isBlank() ? null : text.strip();
    }

    int integer(String name, int fallback, int min, int max) {
        Object value = values.get(name);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number number)
                || number.doubleValue() != Math.rint(number.doubleValue())
                || number.doubleValue() < min
                || number.doubleValue() > max) {
            throw new ToolArgumentException(name + " must be a whole number from " + min + " to " + max);
        }
        return number.intValue();
    }
}
