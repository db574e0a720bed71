package org.cartpath.scheduling;

import java.time.LocalDate;

/**
 * One step of a plan: its target day and the window it may fall in (a shipment from departure to arrival, the
 * infusion window a label allows, the bed days), how it was computed, and what no longer fits.
 *
 * @param basis       the numbers behind the dates and their sources, e.g. "shipping 2 days (centre default — check)"
 * @param usesDefault whether any number came from scheduling's defaults rather than the label version
 * @param conflict    why the step no longer fits, or null
 */
public record PlannedStep(PlanStep step, LocalDate plannedOn, LocalDate windowStart, LocalDate windowEnd,
        String basis, boolean usesDefault, String conflict) {

    public boolean hasConflict() {
        return conflict != null;
    }

    public boolean isWindow() {
        return !windowStart.equals(windowEnd);
    }
}
