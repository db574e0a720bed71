package org.cartpath.followup.schedule;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The registry schedule's table (docs/clinical/follow-up-schedule.md; CIBMTR Form 4100 approximate ranges), shared by
 * the unit test and the HTTP test so that the API and the rule cannot drift: day 0, track, time point, due date,
 * window start and end ("-" for none).
 */
public final class ScheduleCases {

    private ScheduleCases() {
    }

    public static Stream<Arguments> timepoints() {
        return Stream.of(
                // day 100: day 85 to day 115
                Arguments.of("2026-01-01", "CIBMTR_15_YEAR", "DAY_100", "2026-04-11", "2026-03-27", "2026-04-26"),
                // month 6: day 180, day 150 to day 210
                Arguments.of("2026-01-01", "CIBMTR_15_YEAR", "MONTH_6", "2026-06-30", "2026-05-31", "2026-07-30"),
                // year 1: day 365 (not the anniversary), window day 365 to day 425
                Arguments.of("2026-01-01", "CIBMTR_15_YEAR", "YEAR_1", "2027-01-01", "2027-01-01", "2027-03-02"),
                // year 1 across a 29 February: day 365 is the day before the anniversary
                Arguments.of("2027-06-01", "CIBMTR_15_YEAR", "YEAR_1", "2028-05-31", "2028-05-31", "2028-07-30"),
                // year n ≥ 2: the anniversary ± 30 days
                Arguments.of("2026-01-01", "CIBMTR_15_YEAR", "YEAR_2", "2028-01-01", "2027-12-02", "2028-01-31"),
                Arguments.of("2026-01-01", "CIBMTR_15_YEAR", "YEAR_15", "2041-01-01", "2040-12-02", "2041-01-31"),
                // day 0 on 29 February: an anniversary in a common year falls on 28 February
                Arguments.of("2024-02-29", "CIBMTR_15_YEAR", "YEAR_2", "2026-02-28", "2026-01-29", "2026-03-30"),
                Arguments.of("2024-02-29", "CIBMTR_15_YEAR", "YEAR_4", "2028-02-29", "2028-01-30", "2028-03-30"),
                Arguments.of("2024-02-29", "CIBMTR_STANDARD", "YEAR_5", "2029-02-28", "2029-01-29", "2029-03-30"),
                // day 100 across the 29 February of a leap year
                Arguments.of("2023-12-01", "CIBMTR_STANDARD", "DAY_100", "2024-03-10", "2024-02-24", "2024-03-25"),
                Arguments.of("2024-02-29", "CIBMTR_100_DAY_ONLY", "DAY_100", "2024-06-08", "2024-05-24", "2024-06-23"),
                // EBMT: the same due dates, no windows
                Arguments.of("2024-02-29", "EBMT", "DAY_100", "2024-06-08", "-", "-"),
                Arguments.of("2024-02-29", "EBMT", "YEAR_1", "2025-02-28", "-", "-"),
                Arguments.of("2024-02-29", "EBMT", "YEAR_3", "2027-02-28", "-", "-"),
                Arguments.of("2026-01-01", "EBMT", "MONTH_6", "2026-06-30", "-", "-"));
    }

    /** Each track's time points in order. */
    public static Stream<Arguments> tracks() {
        return Stream.of(
                Arguments.of("CIBMTR_15_YEAR", "DAY_100 MONTH_6 YEAR_1 YEAR_2 YEAR_3 YEAR_4 YEAR_5 YEAR_6 YEAR_7 YEAR_8"
                        + " YEAR_9 YEAR_10 YEAR_11 YEAR_12 YEAR_13 YEAR_14 YEAR_15"),
                Arguments.of("CIBMTR_STANDARD", "DAY_100 MONTH_6 YEAR_1 YEAR_2 YEAR_3 YEAR_4 YEAR_5 YEAR_6 YEAR_8"
                        + " YEAR_10 YEAR_12 YEAR_14"),
                Arguments.of("CIBMTR_100_DAY_ONLY", "DAY_100"),
                Arguments.of("EBMT", "DAY_100 MONTH_6 YEAR_1 YEAR_2 YEAR_3 YEAR_4 YEAR_5 YEAR_6 YEAR_7 YEAR_8"
                        + " YEAR_9 YEAR_10 YEAR_11 YEAR_12 YEAR_13 YEAR_14 YEAR_15"));
    }
}
