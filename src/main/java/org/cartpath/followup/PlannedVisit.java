package org.cartpath.followup;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A clinic visit of a case's plan ("Day 56", "Year 3") with its date, and once closed how: attended or not (with the
 * date and, when not attended, the reason), or no longer due because the patient died (docs/clinical/follow-up.md).
 */
public record PlannedVisit(String key, String label, LocalDate dueDate, State state, LocalDate outcomeOn,
        String outcomeNote, String recordedBy, Instant recordedAt) {

    /** Where the visit stands. */
    public enum State {
        PLANNED, ATTENDED, NOT_ATTENDED, CANCELLED
    }

    /** A visit not yet recorded. */
    public static PlannedVisit planned(String key, String label, LocalDate dueDate) {
        return new PlannedVisit(key, label, dueDate, State.PLANNED, null, null, null, null);
    }

    /** Whether the visit is closed (attended, not attended or cancelled): it is no longer due. */
    @JsonProperty("done")
    public boolean done() {
        return state != State.PLANNED;
    }

    /** Overdue the day after its date; due soon within {@link TimepointStatus#DUE_SOON_DAYS} days. */
    public TimepointStatus statusOn(LocalDate today) {
        switch (state) {
            case ATTENDED:
                return TimepointStatus.COMPLETED;
            case NOT_ATTENDED:
                return TimepointStatus.NOT_ATTENDED;
            case CANCELLED:
                return TimepointStatus.CANCELLED;
            default:
                break;
        }
        if (today.isAfter(dueDate)) {
            return TimepointStatus.OVERDUE;
        }
        return !dueDate.isAfter(today.plusDays(TimepointStatus.DUE_SOON_DAYS)) ? TimepointStatus.DUE_SOON
                : TimepointStatus.UPCOMING;
    }
}
