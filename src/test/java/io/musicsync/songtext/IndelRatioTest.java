package io.musicsync.songtext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IndelRatioTest {

    @Test
    void ratioIsTwiceTheCommonSubsequenceOverTotalLength() {
        // LCS("kitten", "sitting") = "ittn": 2 * 4 / 13
        assertThat(IndelRatio.of("kitten", "sitting")).isCloseTo(8.0 / 13, within(1e-9));
        assertThat(IndelRatio.of("sitting", "kitten")).isCloseTo(8.0 / 13, within(1e-9));
    }

    @Test
    void identicalEmptyAndDisjointStrings() {
        assertThat(IndelRatio.of("queen", "queen")).isEqualTo(1.0);
        assertThat(IndelRatio.of("", "")).isEqualTo(1.0);
        assertThat(IndelRatio.of("abc", "")).isEqualTo(0.0);
        assertThat(IndelRatio.of("abc", "xyz")).isEqualTo(0.0);
    }

    @Test
    void featSuffixCostsTheOriginalScorerItsMatch() {
        // The original compared raw titles: this is why "feat." titles were missed.
        assertThat(IndelRatio.of("get lucky (feat. pharrell williams & nile rodgers)", "get lucky"))
                .isLessThan(0.5);
    }
}
