package io.musicsync.config;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads typed values from the environment, falling back to a {@code .env} file, and collects every problem so
 * that one start reports all of them.
 */
final class EnvReader {

    private final Map<String, String> values;
    private final List<String> problems = new ArrayList<>();

    EnvReader(Map<String, String> environment, Map<String, String> dotenv) {
        Map<String, String> merged = new HashMap<>(dotenv);
        merged.putAll(environment);
        this.values = merged;
    }

    /** Parses {@code KEY=VALUE} lines; blank lines and {@code #} comments are skipped, quotes stripped. */
    static Map<String, String> parseDotenv(Path file) {
        Map<String, String> result = new HashMap<>();
        if (file == null || !Files.isRegularFile(file)) {
            return result;
        }
        try {
            for (String raw : Files.readAllLines(file)) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("export ")) {
                    line = line.substring("export ".length()).strip();
                }
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String value = line.substring(eq + 1).strip();
                if (value.length() >= 2
                        && ((value.startsWith("\"") && value.endsWith("\""))
                                || (value.startsWith("'") && value.endsWith("'")))) {
                    value = value.substring(1, value.length() - 1);
                }
                result.put(line.substring(0, eq).strip(), value);
            }
        } catch (IOException e) {
            throw new SettingsException(List.of("cannot read " + file + ": " + e.getMessage()));
        }
        return result;
    }

    List<String> problems() {
        return problems;
    }

    void problem(String message) {
        problems.add(message);
    }

    /** The value, or null when unset or blank. */
    String optional(String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    String string(String key, String fallback) {
        String value = optional(key);
        return value == null ? fallback : value;
    }

    boolean bool(String key, boolean fallback) {
        String value = optional(key);
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> {
                problem(key + "=" + value + " is not a boolean (use true or false)");
                yield fallback;
            }
        };
    }

    int integer(String key, int fallback, int min, int max) {
        String value = optional(key);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problem(key + "=" + value + " must be a whole number from " + min + " to " + max);
        return fallback;
    }

    double decimal(String key, double fallback, double min, double max) {
        String value = optional(key);
        if (value == null) {
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problem(key + "=" + value + " must be a number from " + min + " to " + max);
        return fallback;
    }

    Duration seconds(String key, Duration fallback, long min, long max) {
        String value = optional(key);
        return value == null
                ? fallback
                : Duration.ofSeconds(integer(key, (int) fallback.toSeconds(), (int) min, (int) max));
    }

    String oneOf(String key, String fallback, Set<String> allowed) {
        String value = optional(key);
        if (value == null) {
            return fallback;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (allowed.contains(lower)) {
            return lower;
        }
        problem(key + "=" + value + " must be one of "
                + String.join(", ", allowed.stream().sorted().toList()));
        return fallback;
    }

    URI httpUrl(String key, String fallback) {
        String value = string(key, fallback);
        try {
            URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        problem(key + "=" + value + " must be an http(s) URL, e.g. " + fallback);
        return URI.create(fallback);
    }
}
