package org.cartpath.followup.schedule;

import java.time.LocalDate;

/**
 * A registry time point with its due date and window. Both ends of the window are included; the window is
 * {@code null} at both ends when the registry publishes none (EBMT).
 */
public record RegistryTimepoint(RegistryTimepointName name, LocalDate dueDate, LocalDate windowStart,
        LocalDate windowEnd) {

    public boolean hasWindow() {
        return windowStart != null && windowEnd != null;
    }

    /** Whether {@code day} is inside the window, both ends included; false when there is no window. */
    public boolean inWindowOn(LocalDate day) {
        return hasWindow() && !day.isBefore(windowStart) && !day.isAfter(windowEnd);
    }

    /**
     * Overdue on {@code day}: after the window's end, or, without a window, after the due date.
     */
    public boolean overdueOn(LocalDate day) {
        return day.isAfter(hasWindow() ? windowEnd : dueDate);
    }
}
