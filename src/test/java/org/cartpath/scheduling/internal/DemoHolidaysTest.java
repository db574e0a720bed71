package org.cartpath.scheduling.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** England's Christmas and New Year bank holidays, with substitute days (gov.uk/bank-holidays), for the demo sites. */
class DemoHolidaysTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(nullValues = "none", value = {
            "2026-12-25, Christmas Day (bank holiday)",
            "2026-12-26, none",                          // a Saturday
            "2026-12-28, Boxing Day (bank holiday)",     // substitute for Saturday 26
            "2027-01-01, New Year's Day (bank holiday)",
            "2027-12-27, Christmas Day (bank holiday)",  // 25 December 2027 is a Saturday
            "2027-12-28, Boxing Day (bank holiday)",
            "2027-12-24, none",
            "2028-01-03, New Year's Day (bank holiday)", // 1 January 2028 is a Saturday
            "2026-11-30, none"})
    void theHolidayOfADay(LocalDate day, String holiday) {
        assertThat(DemoCapacitySeed.holiday(day)).isEqualTo(holiday);
    }
}
