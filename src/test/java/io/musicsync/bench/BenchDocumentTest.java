package io.musicsync.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchDocumentTest {

    private static final String HAND_WRITTEN = "# Benchmarks\n\n## Matching\n\nby hand\n";

    @Test
    void appendsTheGeneratedPartWithMarkersToADocumentWithoutThem() {
        String document = BenchDocument.splice(HAND_WRITTEN, "## Service\n\nfigures\n");

        assertThat(document)
                .startsWith(HAND_WRITTEN.strip())
                .contains(BenchDocument.BEGIN + "\n## Service\n\nfigures\n" + BenchDocument.END)
                .endsWith(BenchDocument.END + "\n");
    }

    @Test
    void replacesOnlyWhatIsBetweenTheMarkers() {
        String first = BenchDocument.splice(HAND_WRITTEN, "old figures");
        String withMoreByHand = first + "\n## Journal\n\nalso by hand\n";

        String second = BenchDocument.splice(withMoreByHand, "new figures");

        assertThat(second)
                .contains("## Matching\n\nby hand")
                .contains("## Journal\n\nalso by hand")
                .contains("new figures")
                .doesNotContain("old figures");
        assertThat(second.indexOf(BenchDocument.BEGIN)).isEqualTo(second.lastIndexOf(BenchDocument.BEGIN));
    }

    @Test
    void aRerunWithTheSameFiguresChangesNothing() {
        String once = BenchDocument.splice(HAND_WRITTEN, "figures");

        assertThat(BenchDocument.splice(once, "figures")).isEqualTo(once);
    }

    @Test
    void anEmptyDocumentBecomesTheGeneratedPart() {
        assertThat(BenchDocument.splice("", "figures"))
                .isEqualTo(BenchDocument.BEGIN + "\nfigures\n" + BenchDocument.END + "\n");
    }

    @Test
    void refusesADocumentWhoseEndMarkerIsMissing() {
        String broken = HAND_WRITTEN + BenchDocument.BEGIN + "\nfigures\n";

        assertThatThrownBy(() -> BenchDocument.splice(broken, "new"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bench:end");
    }
}
