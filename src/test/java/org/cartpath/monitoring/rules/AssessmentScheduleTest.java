package org.cartpath.monitoring.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.cartpath.monitoring.rules.AssessmentSchedule.ScheduledDay;
import org.junit.jupiter.api.Test;

/** The assessment schedule: daily to the label's (or default) day, then every so many days. */
class AssessmentScheduleTest {

    static final LocalDate DAY0 = LocalDate.of(2026, 11, 20);
    final AssessmentSchedule schedule = new AssessmentSchedule(DAY0, 7, 7, 28);

    @Test
    void dailyToTheDailyDayThenEverySoManyDaysToTheLastDay() {
        assertThat(schedule.scheduledDays()).containsExactly(1, 2, 3, 4, 5, 6, 7, 14, 21, 28);
        assertThat(new AssessmentSchedule(DAY0, 14, 7, 28).scheduledDays())
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 21, 28);
        assertThat(new AssessmentSchedule(DAY0, 7, 10, 28).scheduledDays()).containsExactly(1, 2, 3, 4, 5, 6, 7, 17, 27);
        assertThat(new AssessmentSchedule(DAY0, 0, 7, 28).scheduledDays()).containsExactly(7, 14, 21, 28);
    }

    @Test
    void aDailyDayIsMetOnlyOnTheDayAndAPassedUnmetDayIsMissed() {
        List<LocalDate> assessed = List.of(DAY0.plusDays(1), DAY0.plusDays(3));
        AssessmentSchedule.Status status = schedule.status(assessed, DAY0, DAY0.plusDays(4));
        assertThat(status.missed()).extracting(ScheduledDay::day).containsExactly(2);
        assertThat(status.dueToday().day()).isEqualTo(4);
        assertThat(status.next().day()).isEqualTo(5);
    }

    @Test
    void todayIsNotMissedAndAnAssessmentTodayMeetsIt() {
        AssessmentSchedule.Status status = schedule.status(List.of(DAY0.plusDays(4)), DAY0.plusDays(4), DAY0.plusDays(4));
        assertThat(status.missed()).isEmpty();
        assertThat(status.dueToday()).isNull();
        assertThat(status.next().date()).isEqualTo(DAY0.plusDays(5));
    }

    @Test
    void aWeeklyDayIsMetByAnyAssessmentSinceThePreviousScheduledDay() {
        List<LocalDate> assessed = List.of(DAY0.plusDays(1), DAY0.plusDays(2), DAY0.plusDays(3), DAY0.plusDays(4),
                DAY0.plusDays(5), DAY0.plusDays(6), DAY0.plusDays(7), DAY0.plusDays(10));
        AssessmentSchedule.Status status = schedule.status(assessed, DAY0, DAY0.plusDays(22));
        assertThat(status.missed()).extracting(ScheduledDay::day).containsExactly(21);
        assertThat(status.next().day()).isEqualTo(28);
    }

    @Test
    void daysBeforeMonitoringStartedInCartpathAreNeverMissed() {
        AssessmentSchedule.Status status = schedule.status(List.of(), DAY0.plusDays(3), DAY0.plusDays(5));
        assertThat(status.missed()).extracting(ScheduledDay::day).containsExactly(3, 4);
    }

    @Test
    void nothingIsDueAfterTheLastDay() {
        AssessmentSchedule.Status status = schedule.status(List.of(), DAY0.plusDays(40), DAY0.plusDays(40));
        assertThat(status.missed()).isEmpty();
        assertThat(status.dueToday()).isNull();
        assertThat(status.next()).isNull();
    }
}
