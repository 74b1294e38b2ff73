package io.musicsync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildVersionTest {

    @Test
    void theVersionIsThePomsReadAtRunTime() {
        // Surefire passes the pom's ${project.version}; the code reads the resource the build filtered.
        String pomVersion = System.getProperty("musicsync.expected.version");

        assertThat(pomVersion).isNotBlank();
        assertThat(BuildVersion.read()).isEqualTo(pomVersion);
        assertThat(AppComponents.VERSION).isEqualTo(pomVersion);
    }
}
