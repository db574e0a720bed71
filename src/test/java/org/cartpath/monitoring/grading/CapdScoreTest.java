package org.cartpath.monitoring.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.cartpath.shared.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CapdScoreTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = CapdScoreCases.SCORES)
    void scoresItemsOneToFourInReverse(String answers, int score, boolean positive) {
        CapdScore capd = new CapdScore(answers(answers));
        assertThat(capd.total()).isEqualTo(score);
        assertThat(capd.positive()).isEqualTo(positive);
    }

    @Test
    void needsExactlyEightAnswers() {
        assertRefused(Collections.nCopies(7, CapdAnswer.NEVER), "answers");
        assertRefused(Collections.nCopies(9, CapdAnswer.NEVER), "answers");
        assertRefused(null, "answers");
        List<CapdAnswer> withAGap = new ArrayList<>(Collections.nCopies(8, CapdAnswer.NEVER));
        withAGap.set(2, null);
        assertRefused(withAGap, "answers[2]");
    }

    static List<CapdAnswer> answers(String spaced) {
        return Arrays.stream(spaced.trim().split("\\s+")).map(CapdAnswer::valueOf).toList();
    }

    private static void assertRefused(List<CapdAnswer> answers, String field) {
        assertThatThrownBy(() -> new CapdScore(answers)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.fieldProblems().get(0).field()).isEqualTo(field));
    }
}
