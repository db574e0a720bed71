package org.cartpath.followup.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IcahtGradeTest {

    @ParameterizedTest(name = "{0} days ≤ 500, {1} days ≤ 100, never above 500: {2} → grade {3}")
    @CsvSource(delimiter = '|', textBlock = IcahtGradeCases.EARLY)
    void gradesEarlyIcahtByTheConsensusTable(int daysAtOrBelow500, int daysAtOrBelow100, boolean neverAbove500,
            int grade) {
        assertThat(IcahtGrade.early(daysAtOrBelow500, daysAtOrBelow100, neverAbove500)).isEqualTo(grade);
    }

    @ParameterizedTest(name = "ANC {0} → grade {1}")
    @CsvSource(delimiter = '|', textBlock = IcahtGradeCases.LATE)
    void gradesLateIcahtWhenTwoOrMoreResultsMeetTheThreshold(String results, int grade) {
        assertThat(IcahtGrade.late(anc(results))).isEqualTo(grade);
    }

    @Test
    void theOrderOfTheLateResultsChangesNothing() {
        assertThat(IcahtGrade.late(List.of(5000.0, 90.0, 1400.0, 80.0))).isEqualTo(4);
        assertThat(IcahtGrade.late(List.of(80.0, 1400.0, 90.0, 5000.0))).isEqualTo(4);
    }

    @Test
    void refusesContradictoryEarlyCounts() {
        assertThatThrownBy(() -> IcahtGrade.early(5, 6, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IcahtGrade.early(0, 0, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IcahtGrade.early(32, 0, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IcahtGrade.late(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    static List<Double> anc(String results) {
        return Arrays.stream(results.trim().split("\\s+")).map(Double::valueOf).toList();
    }
}
