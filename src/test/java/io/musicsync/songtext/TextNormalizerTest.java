package io.musicsync.songtext;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void foldsCaseAccentsAndWidth() {
        assertThat(TextNormalizer.key("Beyoncé")).isEqualTo("beyonce");
        assertThat(TextNormalizer.key("Motörhead")).isEqualTo("motorhead");
        assertThat(TextNormalizer.key("ＹＯＡＳＯＢＩ")).isEqualTo("yoasobi");
        assertThat(TextNormalizer.key("Straße")).isEqualTo("strasse");
    }

    @Test
    void unifiesQuotesAndBracketsIncludingFullWidth() {
        assertThat(TextNormalizer.key("Don’t Stop Me Now")).isEqualTo(TextNormalizer.key("Don't Stop Me Now"));
        assertThat(TextNormalizer.fold("Lemon（Live）")).isEqualTo("lemon(live)");
        assertThat(TextNormalizer.fold("Lemon【Live】")).isEqualTo("lemon[live]");
        assertThat(TextNormalizer.fold("Song – Live")).isEqualTo("song - live");
    }

    @Test
    void ampersandReadsAsAnd() {
        assertThat(TextNormalizer.key("Rock & Roll")).isEqualTo(TextNormalizer.key("Rock and Roll"));
    }

    @Test
    void keepsOtherScriptsAndTheirMarks() {
        assertThat(TextNormalizer.key("夜に駆ける")).isEqualTo("夜に駆ける");
        assertThat(TextNormalizer.key("ПЬЯНЫЙ МАСТЕР")).isEqualTo("пьяный мастер");
        assertThat(TextNormalizer.key("हिन्दी")).isEqualTo("हिन्दी");
    }

    @Test
    void symbolOnlyNamesKeepTheirSymbols() {
        assertThat(TextNormalizer.key("･－･･ ･ －")).isNotEmpty();
    }

    @Test
    void detectsNonLatinText() {
        assertThat(TextNormalizer.isNonLatin("夜に駆ける")).isTrue();
        assertThat(TextNormalizer.isNonLatin("Yoru ni Kakeru")).isFalse();
        assertThat(TextNormalizer.isNonLatin("1999")).isFalse();
    }
}
