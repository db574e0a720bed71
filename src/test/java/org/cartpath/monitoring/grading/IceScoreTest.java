package org.cartpath.monitoring.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.cartpath.shared.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IceScoreTest {

    @ParameterizedTest(name = "{0}+{1}+{2}+{3}+{4} = {5}")
    @CsvSource(delimiter = '|', textBlock = IceScoreCases.SCORES)
    void addsTheFiveItems(int orientation, int naming, int followsCommands, int writing, int attention, int score) {
        assertThat(new IceScore(orientation, naming, followsCommands, writing, attention).total()).isEqualTo(score);
    }

    @ParameterizedTest(name = "{0} = {1} is refused")
    @CsvSource(delimiter = '|', textBlock = IceScoreCases.REFUSED)
    void refusesAnItemOutsideItsRange(String field, int value) {
        Map<String, Integer> items = new HashMap<>(Map.of("orientation", 4, "naming", 3, "followsCommands", 1,
                "writing", 1, "attention", 1));
        items.put(field, value);
        assertThatThrownBy(() -> new IceScore(items.get("orientation"), items.get("naming"), items.get("followsCommands"),
                items.get("writing"), items.get("attention")))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.fieldProblems().get(0).field()).isEqualTo(field));
    }
}
