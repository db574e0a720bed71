package org.cartpath.followup.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The registry time points of docs/clinical/follow-up-schedule.md, from the shared table {@link ScheduleCases}. */
class RegistryScheduleTest {

    @ParameterizedTest(name = "{0} {1} {2}: due {3}, window {4} to {5}")
    @MethodSource("org.cartpath.followup.schedule.ScheduleCases#timepoints")
    void aTimepointIsDueOnItsDayWithItsWindow(String dayZero, String track, String name, String due, String start,
            String end) {
        RegistryTimepoint timepoint = RegistrySchedule.timepoints(LocalDate.parse(dayZero), RegistryTrack.valueOf(track))
                .stream().filter(t -> t.name().code().equals(name)).findFirst().orElseThrow();

        assertThat(timepoint.dueDate()).isEqualTo(due);
        assertThat(timepoint.windowStart()).isEqualTo("-".equals(start) ? null : LocalDate.parse(start));
        assertThat(timepoint.windowEnd()).isEqualTo("-".equals(end) ? null : LocalDate.parse(end));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("org.cartpath.followup.schedule.ScheduleCases#tracks")
    void eachTrackHasItsTimepointsInChronologicalOrder(String track, String names) {
        List<RegistryTimepoint> timepoints = RegistrySchedule.timepoints(LocalDate.of(2024, 2, 29),
                RegistryTrack.valueOf(track));

        assertThat(timepoints).extracting(t -> t.name().code()).containsExactlyElementsOf(Arrays.asList(names.split(" ")));
        for (int i = 1; i < timepoints.size(); i++) {
            assertThat(timepoints.get(i).dueDate()).isAfter(timepoints.get(i - 1).dueDate());
        }
    }

    @ParameterizedTest(name = "{0}: in window {1}, overdue {2}")
    @CsvSource({
            "2026-03-26, false, false", // day 84: the day before the window
            "2026-03-27, true, false",  // day 85: the window's first day is inside
            "2026-04-26, true, false",  // day 115: the window's last day is inside
            "2026-04-27, false, true"}) // day 116: overdue
    void theDay100WindowIncludesBothEnds(LocalDate day, boolean inWindow, boolean overdue) {
        RegistryTimepoint day100 = RegistrySchedule.timepoints(LocalDate.of(2026, 1, 1), RegistryTrack.CIBMTR_15_YEAR)
                .get(0);

        assertThat(day100.inWindowOn(day)).isEqualTo(inWindow);
        assertThat(day100.overdueOn(day)).isEqualTo(overdue);
    }

    @Test
    void withoutAWindowAnEbmtTimepointIsOverdueTheDayAfterItIsDue() {
        RegistryTimepoint day100 = RegistrySchedule.timepoints(LocalDate.of(2026, 1, 1), RegistryTrack.EBMT).get(0);

        assertThat(day100.inWindowOn(day100.dueDate())).isFalse();
        assertThat(day100.overdueOn(day100.dueDate())).isFalse();
        assertThat(day100.overdueOn(day100.dueDate().plusDays(1))).isTrue();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "2024-02-29, ",
            "2023-02-29, is not a valid calendar date",
            "2024-13-01, is not a valid calendar date",
            "2024-04-31, is not a valid calendar date",
            "2024-1-01, must be a date written YYYY-MM-DD",
            "20240101, must be a date written YYYY-MM-DD",
            "2024-01-01T00:00, 'must be a calendar date only, YYYY-MM-DD, without a time'",
            "2024-01-01T00:00:00Z, 'must be a calendar date only, YYYY-MM-DD, without a time'"})
    void dayZeroIsReadStrictlyAsACalendarDate(String text, String problem) {
        ScheduleRequests.DateOrProblem parsed = ScheduleRequests.calendarDate(text);

        assertThat(parsed.problem()).isEqualTo(problem);
        assertThat(parsed.date() == null).isEqualTo(problem != null);
    }

    @Test
    void theDefaultClinicScheduleIsWeeklyToDay28ThenSpacedThenYearlyToYear15() {
        List<ClinicSchedule.Visit> visits = ClinicSchedule.DEFAULT.visits(LocalDate.of(2024, 2, 29));

        assertThat(visits).extracting(ClinicSchedule.Visit::key).containsExactly("DAY_7", "DAY_14", "DAY_21", "DAY_28",
                "DAY_56", "DAY_90", "DAY_180", "DAY_270", "DAY_365", "YEAR_2", "YEAR_3", "YEAR_4", "YEAR_5", "YEAR_6",
                "YEAR_7", "YEAR_8", "YEAR_9", "YEAR_10", "YEAR_11", "YEAR_12", "YEAR_13", "YEAR_14", "YEAR_15");
        assertThat(visits.get(0).dueDate()).isEqualTo("2024-03-07");
        assertThat(visits.get(8).dueDate()).isEqualTo("2025-02-28");
        assertThat(visits.get(9).dueDate()).isEqualTo("2026-02-28");
        assertThat(visits.get(22).dueDate()).isEqualTo("2039-02-28");
    }
}
