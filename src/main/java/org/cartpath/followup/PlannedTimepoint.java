package org.cartpath.followup;

import java.time.Instant;
import java.time.LocalDate;
import org.cartpath.followup.schedule.RegistryTimepoint;
import org.cartpath.followup.schedule.RegistryTimepointName;

/**
 * A registry time point of a case's plan: its due date and window (both ends included; none for EBMT) and whether
 * the registry form was completed.
 */
public record PlannedTimepoint(RegistryTimepointName name, LocalDate dueDate, LocalDate windowStart,
        LocalDate windowEnd, boolean completed, Instant completedAt, String completedBy) {

    public String label() {
        return name.label();
    }

    /**
     * Completed; overdue after the window's end (after the due date without a window); in the window; due within
     * {@link TimepointStatus#DUE_SOON_DAYS} days (its due date or its window's start); else upcoming.
     */
    public TimepointStatus statusOn(LocalDate today) {
        if (completed) {
            return TimepointStatus.COMPLETED;
        }
        RegistryTimepoint timepoint = new RegistryTimepoint(name, dueDate, windowStart, windowEnd);
        if (timepoint.overdueOn(today)) {
            return TimepointStatus.OVERDUE;
        }
        if (timepoint.inWindowOn(today)) {
            return TimepointStatus.IN_WINDOW;
        }
        LocalDate horizon = today.plusDays(TimepointStatus.DUE_SOON_DAYS);
        LocalDate opens = windowStart != null ? windowStart : dueDate;
        return !opens.isAfter(horizon) ? TimepointStatus.DUE_SOON : TimepointStatus.UPCOMING;
    }
}
