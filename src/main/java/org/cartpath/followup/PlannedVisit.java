package org.cartpath.followup;

import java.time.LocalDate;

/** A clinic visit of a case's plan ("Day 56", "Year 3") with its date; done once the visit is recorded. */
public record PlannedVisit(String key, String label, LocalDate dueDate, boolean done) {

    /** Overdue the day after its date; due soon within {@link TimepointStatus#DUE_SOON_DAYS} days. */
    public TimepointStatus statusOn(LocalDate today) {
        if (done) {
            return TimepointStatus.COMPLETED;
        }
        if (today.isAfter(dueDate)) {
            return TimepointStatus.OVERDUE;
        }
        return !dueDate.isAfter(today.plusDays(TimepointStatus.DUE_SOON_DAYS)) ? TimepointStatus.DUE_SOON
                : TimepointStatus.UPCOMING;
    }
}
