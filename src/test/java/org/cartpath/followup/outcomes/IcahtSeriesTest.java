package org.cartpath.followup.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ICAHT counting rules on worked daily ANC series (cells/µL, days 0 to 30; docs/clinical/outcomes-calculators.md):
 * cumulative days, unstable recovery of fewer than 3 days counted in, and no grade from an incomplete series (H-28).
 */
class IcahtSeriesTest {

    /** A series from a compact pattern: one character a day, L = 50, M = 300, H = 1500 cells/µL, '.' = no count. */
    static Map<Integer, Double> series(String pattern) {
        Map<Integer, Double> anc = new HashMap<>();
        for (int day = 0; day < pattern.length(); day++) {
            switch (pattern.charAt(day)) {
                case 'L' -> anc.put(day, 50.0);
                case 'M' -> anc.put(day, 300.0);
                case 'H' -> anc.put(day, 1500.0);
                default -> {
                }
            }
        }
        return anc;
    }

    static final String SERIES = """
            # days 0 to 30, 31 characters                | ≤500 | ≤100 | grade
            HHHHHHHHHHHHHHHHHHHHHHHHHHHHHHH             | 0    | 0    | 0
            HHHHHMHHHHHHHHHHHHHHHHHHHHHHHHH             | 1    | 0    | 1
            HHMMMMMMHHHHHHHHHHHHHHHHHHHHHHH             | 6    | 0    | 1
            HHMMMMMMMHHHHHHHHHHHHHHHHHHHHHH             | 7    | 0    | 2
            # two dips with a stable recovery (3 days) between: 4 + 3 = 7 days, the recovery not counted
            HMMMMHHHMMMHHHHHHHHHHHHHHHHHHHH             | 7    | 0    | 2
            # the same dips with an unstable recovery (2 days) between: 4 + 2 + 3 = 9 days
            HMMMMHHMMMHHHHHHHHHHHHHHHHHHHHH             | 9    | 0    | 2
            # a 1-day recovery between two dips: 13 → 14 days (grade 3 boundary)
            HMMMMMMMHMMMMMMHHHHHHHHHHHHHHHH             | 14   | 0    | 3
            HMMMMMMMMMMMMMHHHHHHHHHHHHHHHHH             | 13   | 0    | 2
            # 7 days ≤ 100 within the dip: grade 3 even with fewer than 14 days ≤ 500
            HMLLLLLLLMHHHHHHHHHHHHHHHHHHHHH             | 9    | 7    | 3
            HMLLLLLLMMHHHHHHHHHHHHHHHHHHHHH             | 9    | 6    | 2
            # ≥ 14 days ≤ 100: grade 4
            LLLLLLLLLLLLLLHHHHHHHHHHHHHHHHH             | 14   | 14   | 4
            # never above 500 in days 0 to 30: grade 4
            MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM             | 31   | 0    | 4
            # biphasic: a second dip after a stable recovery still counts (cumulative)
            HMMMMMHHHHHHHHHHHHHHHHHMMMMMMMM             | 13   | 0    | 2
            """;

    @ParameterizedTest(name = "{0}: {1} days ≤ 500, {2} days ≤ 100 → grade {3}")
    @CsvSource(delimiter = '|', textBlock = SERIES, commentCharacter = '#')
    void countsTheDaysCumulativelyWithUnstableRecoveryCountedIn(String pattern, int days500, int days100,
            int grade) {
        IcahtSeries.Early early = IcahtSeries.early(series(pattern));
        assertThat(early.complete()).isTrue();
        assertThat(early.daysAtOrBelow500()).isEqualTo(days500);
        assertThat(early.daysAtOrBelow100()).isEqualTo(days100);
        assertThat(early.grade()).isEqualTo(grade);
    }

    @Test
    void aSeriesWithGapsIsNotGradedAndNamesTheMissingDaysWithTheGradeTheRecordedDaysAlreadyProve() {
        // day 5 and days 28–30 missing: the truth could be anything from the recorded 8 days up
        IcahtSeries.Early early = IcahtSeries.early(series("HMMMM.MMMMHHHHHHHHHHHHHHHHHH"));
        assertThat(early.grade()).as("no grade from an incomplete series").isNull();
        assertThat(early.complete()).isFalse();
        assertThat(early.missingDays()).containsExactly(5, 28, 29, 30);
        assertThat(early.atLeast()).isEqualTo(2);
        assertThat(early.neverAbove500()).isFalse();
    }

    @Test
    void aMissingDayIsNeverTakenAsARecoveryNorAsADipSoTheLowerBoundOnlyGrows() {
        // ANC ≤ 500 on every recorded day: but with one day missing it is not "never above 500" (grade 4)
        Map<Integer, Double> anc = series("MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM");
        anc.remove(15);
        IcahtSeries.Early early = IcahtSeries.early(anc);
        assertThat(early.grade()).isNull();
        assertThat(early.neverAbove500()).isFalse();
        // the gap of one day is bridged as unstable recovery: 31 days proven, grade 4 at least
        assertThat(early.atLeast()).isEqualTo(4);
    }

    @Test
    void severalResultsOnADayCountAsTheLowestAndDaysOutsideTheEarlyPhaseAreLeftOut() {
        Map<Integer, Double> anc = series("HHHHHHHHHHHHHHHHHHHHHHHHHHHHHHH");
        anc.put(40, 100.0);
        assertThat(IcahtSeries.early(anc).grade()).isZero();
        assertThat(IcahtSeries.late(List.of(1400.0, 1500.0, 1600.0)).grade()).isEqualTo(1);
        assertThat(IcahtSeries.late(List.of(1400.0)).grade()).isZero();
        assertThat(IcahtSeries.late(List.of()).grade()).isNull();
    }

    @Test
    void refusesANegativeCount() {
        Map<Integer, Double> anc = series("HHHHH");
        anc.put(3, -1.0);
        assertThatThrownBy(() -> IcahtSeries.early(anc)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("day 3");
        assertThatThrownBy(() -> IcahtSeries.late(List.of(-5.0))).isInstanceOf(IllegalArgumentException.class);
    }
}
