package io.musicsync.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The engines one can choose with {@code ENGINE}. The composition root builds the engine of each kind (an
 * exhaustive switch there, so a new kind cannot be forgotten); this enum stays in the settings package because the
 * Temporal engine itself reads the settings.
 */
public enum EngineKind {
    /** One process, nothing else to run. */
    STANDALONE("standalone"),
    /** Durable workflows run by worker processes. */
    TEMPORAL("temporal");

    private final String settingName;

    EngineKind(String settingName) {
        this.settingName = settingName;
    }

    /** The value of {@code ENGINE}, also reported as the health's {@code mode}. */
    public String settingName() {
        return settingName;
    }

    public static Optional<EngineKind> fromName(String name) {
        return Arrays.stream(values())
                .filter(kind -> kind.settingName.equals(name))
                .findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(EngineKind::settingName).toList();
    }

    /** The kind {@code USE_TEMPORAL} (the original system's switch, kept as an alias of {@code ENGINE}) names. */
    static EngineKind ofUseTemporal(boolean useTemporal) {
        return useTemporal ? TEMPORAL : STANDALONE;
    }
}
