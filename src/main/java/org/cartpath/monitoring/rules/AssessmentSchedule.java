package org.cartpath.monitoring.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The days an assessment is due after infusion: every day from day 1 to the end of the daily monitoring
 * period, then every {@code thenEveryDays} days until {@code untilDay}. Each scheduled day is met by an
 * assessment on any day after the previous scheduled day, up to and including it (so daily days need one on
 * the day itself). The daily period is the label's ("at least daily for the first week",
 * docs/clinical/follow-up.md) or, where the catalogue has none, the centre's default; the spacing
 * after it is always the centre's.
 *
 * @param dailyDays    daily assessments from day 1 to this day
 * @param thenEveryDays after the daily period, one assessment every so many days
 * @param untilDay     no assessments are scheduled after this day
 */
public record AssessmentSchedule(LocalDate dayZero, int dailyDays, int thenEveryDays, int untilDay) {

    public AssessmentSchedule {
        if (dailyDays < 0 || thenEveryDays < 1 || untilDay < 0) {
            throw new IllegalArgumentException("daily days, spacing and last day must be positive");
        }
    }

    /** A scheduled day and whether it was met. */
    public record ScheduledDay(int day, LocalDate date, boolean met) {
    }

    /** What is due: the days missed since monitoring started, today's if still open, and the next one. */
    public record Status(List<ScheduledDay> missed, ScheduledDay dueToday, ScheduledDay next) {
    }

    public List<Integer> scheduledDays() {
        List<Integer> days = new ArrayList<>();
        for (int day = 1; day <= Math.min(dailyDays, untilDay); day++) {
            days.add(day);
        }
        for (int day = dailyDays + thenEveryDays; day <= untilDay; day += thenEveryDays) {
            days.add(day);
        }
        return days;
    }

    /**
     * @param assessedOn the days with at least one assessment
     * @param startedOn  the day monitoring was started in cartpath: days before it are never called missed
     * @param today      today in the centre's time zone
     */
    public Status status(Collection<LocalDate> assessedOn, LocalDate startedOn, LocalDate today) {
        List<ScheduledDay> missed = new ArrayList<>();
        ScheduledDay dueToday = null;
        ScheduledDay next = null;
        int previous = 0;
        for (int day : scheduledDays()) {
            LocalDate date = dayZero.plusDays(day);
            LocalDate after = dayZero.plusDays(previous);
            boolean met = assessedOn.stream().anyMatch(d -> d.isAfter(after) && !d.isAfter(date));
            ScheduledDay scheduled = new ScheduledDay(day, date, met);
            if (date.isBefore(today) && !met && !date.isBefore(startedOn)) {
                missed.add(scheduled);
            } else if (date.equals(today) && !met) {
                dueToday = scheduled;
            } else if (date.isAfter(today) && next == null) {
                next = scheduled;
            }
            previous = day;
        }
        return new Status(missed, dueToday, next);
    }

    public int dayNumber(LocalDate day) {
        return (int) ChronoUnit.DAYS.between(dayZero, day);
    }
}
