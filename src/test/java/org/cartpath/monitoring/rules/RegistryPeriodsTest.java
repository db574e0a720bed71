package org.cartpath.monitoring.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.cartpath.monitoring.rules.RegistryPeriods.Period;
import org.junit.jupiter.api.Test;

/** Registry periods (EBMT Day-100, 6-month, annual; CIBMTR 4100) with their boundaries. */
class RegistryPeriodsTest {

    static final LocalDate DAY0 = LocalDate.of(2026, 1, 31);

    @Test
    void theFirstPeriodsAreDay100SixMonthsAndOneYear() {
        List<Period> periods = RegistryPeriods.upTo(DAY0, DAY0.plusYears(1));
        assertThat(periods).containsExactly(
                new Period("Day 0 to day 100", DAY0, LocalDate.of(2026, 5, 11)),
                new Period("Day 101 to 6 months", LocalDate.of(2026, 5, 12), LocalDate.of(2026, 7, 31)),
                new Period("6 months to 1 year", LocalDate.of(2026, 8, 1), LocalDate.of(2027, 1, 31)));
    }

    @Test
    void theListEndsWithThePeriodHoldingTheDay() {
        assertThat(RegistryPeriods.upTo(DAY0, DAY0)).extracting(Period::label).containsExactly("Day 0 to day 100");
        assertThat(RegistryPeriods.upTo(DAY0, DAY0.plusDays(100))).hasSize(1);
        assertThat(RegistryPeriods.upTo(DAY0, DAY0.plusDays(101))).hasSize(2);
        assertThat(RegistryPeriods.upTo(DAY0, DAY0.plusYears(1).plusDays(1))).extracting(Period::label)
                .endsWith("Year 2");
        List<Period> threeYears = RegistryPeriods.upTo(DAY0, DAY0.plusYears(3));
        assertThat(threeYears).extracting(Period::label).endsWith("Year 2", "Year 3");
        assertThat(threeYears.get(4)).isEqualTo(new Period("Year 3", LocalDate.of(2028, 2, 1), LocalDate.of(2029, 1, 31)));
    }

    @Test
    void periodsFollowOneAnotherWithoutGapsOrOverlap() {
        List<Period> periods = RegistryPeriods.upTo(DAY0, DAY0.plusYears(15));
        for (int i = 1; i < periods.size(); i++) {
            assertThat(periods.get(i).from()).isEqualTo(periods.get(i - 1).to().plusDays(1));
        }
        assertThat(periods.get(periods.size() - 1).label()).isEqualTo("Year 15");
    }
}
