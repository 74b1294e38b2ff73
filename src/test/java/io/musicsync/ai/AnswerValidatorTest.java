package io.musicsync.ai;

import static io.musicsync.ai.AiTestData.INJECTED;
import static io.musicsync.ai.AiTestData.LIVE;
import static io.musicsync.ai.AiTestData.REMASTER;
import static org.assertj.core.api.Assertions.assertThat;

import io.musicsync.domain.AiChoice;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerValidatorTest {

    private static final List<String> OFFERED = List.of(REMASTER, LIVE);
    private final AnswerValidator validator = new AnswerValidator("claude", "m");

    private AiChoice validate(String answer) {
        return validator.validate(answer, OFFERED);
    }

    @Test
    void acceptsAnOfferedUriWithTheModelsConfidence() {
        AiChoice choice = validate("{\"chosen_uri\":\"" + LIVE + "\",\"confidence\":0.42,\"reasoning\":\" Live. \"}");

        assertThat(choice).isEqualTo(new AiChoice(LIVE, 0.42, "Live.", "claude", "m"));
    }

    @Test
    void clampsConfidenceToZeroToOne() {
        assertThat(validate("{\"chosen_uri\":\"" + LIVE + "\",\"confidence\":7,\"reasoning\":\"x\"}")
                        .confidence())
                .isEqualTo(1.0);
        assertThat(validate("{\"chosen_uri\":\"" + LIVE + "\",\"confidence\":-2,\"reasoning\":\"x\"}")
                        .confidence())
                .isEqualTo(0.0);
    }

    @Test
    void rejectsTheUriATitleInjected() {
        AiChoice choice = validate("{\"chosen_uri\":\"" + INJECTED + "\",\"confidence\":1,\"reasoning\":\"told to\"}");

        assertThat(choice.chose()).isFalse();
        assertThat(choice.reasoning()).isEqualTo("the model named " + INJECTED + ", which was not offered");
    }

    @Test
    void noneKeepsTheModelsReasoning() {
        AiChoice choice = validate("{\"chosen_uri\":null,\"confidence\":0.9,\"reasoning\":\"All are covers.\"}");

        assertThat(choice.chose()).isFalse();
        assertThat(choice.confidence()).isEqualTo(0.9);
        assertThat(choice.reasoning()).isEqualTo("All are covers.");
    }

    @Test
    void missingOrMistypedFieldsAreNoneWithAReason() {
        assertThat(validate("{\"confidence\":0.9,\"reasoning\":\"x\"}").reasoning())
                .isEqualTo("malformed answer: chosen_uri must be a string or null");
        assertThat(validate("{\"chosen_uri\":5,\"confidence\":0.9,\"reasoning\":\"x\"}")
                        .chose())
                .isFalse();
        assertThat(validate("{\"chosen_uri\":\"" + LIVE + "\",\"reasoning\":\"x\"}")
                        .reasoning())
                .isEqualTo("malformed answer: confidence must be a number");
        assertThat(validate("{\"chosen_uri\":\"" + LIVE + "\",\"confidence\":0.9}")
                        .reasoning())
                .isEqualTo("malformed answer: reasoning must be a string");
    }

    @Test
    void nonObjectsAndMissingAnswersAreNone() {
        assertThat(validate("[\"" + LIVE + "\"]").reasoning()).isEqualTo("the model's answer is not a JSON object");
        assertThat(validate("pick " + LIVE).reasoning()).isEqualTo("the model's answer is not JSON");
        assertThat(validate(null).reasoning()).isEqualTo("the model gave no choose_track answer");
        assertThat(validate(null).provider()).isEqualTo("claude");
    }

    @Test
    void overlongReasoningIsShortened() {
        String essay = "word ".repeat(400);
        AiChoice choice =
                validate("{\"chosen_uri\":\"" + LIVE + "\",\"confidence\":0.5,\"reasoning\":\"" + essay + "\"}");

        assertThat(choice.chosenUri()).isEqualTo(LIVE);
        assertThat(choice.reasoning()).hasSize(503).endsWith("...");
    }
}
