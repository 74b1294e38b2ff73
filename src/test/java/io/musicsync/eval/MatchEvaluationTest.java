package io.musicsync.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.MatchOutcome;
import io.musicsync.matching.PrecisionMatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchEvaluationTest {

    @TempDir
    Path dir;

    private List<MatchCase> readCases() throws IOException {
        Path file = Files.write(dir.resolve("cases.jsonl"), EvalCases.lines());
        return new MatchCaseReader(new ObjectMapper()).read(file);
    }

    @Test
    void readsSpotifyTrackObjects() throws IOException {
        MatchCase present = readCases().get(0);

        CatalogTrack remaster = present.candidates().get(1);
        assertThat(remaster.uri()).isEqualTo("spotify:track:remaster0000000000000a");
        assertThat(remaster.artists()).containsExactly("Queen");
        assertThat(remaster.album()).isEqualTo("A Night At The Opera (2011 Remaster)");
        assertThat(remaster.durationMs()).isEqualTo(354_320);
        assertThat(remaster.isrc()).isNull();
        assertThat(present.song().durationMs()).isEqualTo(354_947);
        assertThat(present.present()).isTrue();
    }

    @Test
    void judgesEachDecisionAndComputesTheFigures() throws IOException {
        List<CaseResult> results = new MatchEvaluation(new PrecisionMatcher(), 0.85).run(readCases());

        assertThat(results)
                .extracting(CaseResult::verdict)
                .containsExactly(
                        CaseResult.Verdict.CORRECT_ADD,
                        CaseResult.Verdict.CORRECT_NOTHING,
                        CaseResult.Verdict.WRONG_ADD);
        EvaluationMetrics metrics = EvaluationMetrics.of(results);
        assertThat(metrics.adds()).isEqualTo(2);
        assertThat(metrics.precision()).isEqualTo(0.5);
        assertThat(metrics.recall()).isEqualTo(0.5);
        assertThat(metrics.absent()).isEqualTo(1);
        assertThat(metrics.wrongAddRateOnAbsent()).isZero();
        assertThat(metrics.byOutcome()).containsEntry(MatchOutcome.ADD, 2).containsEntry(MatchOutcome.NONE, 1);
        assertThat(MatchEvaluation.worstMistakes(results, 5))
                .extracting(r -> r.matchCase().id())
                .containsExactly("mislabelled");
        assertThat(MatchEvaluation.half(results, 1))
                .extracting(r -> r.matchCase().id())
                .containsExactly("absent");
    }

    @Test
    void badLineNamesItsNumber() throws IOException {
        Path file =
                Files.write(dir.resolve("bad.jsonl"), List.of(EvalCases.lines().get(0), "{\"song\":{}}"));

        assertThatThrownBy(() -> new MatchCaseReader(new ObjectMapper()).read(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("song.title");
    }
}
