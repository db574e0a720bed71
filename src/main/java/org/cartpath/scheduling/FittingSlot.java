package org.cartpath.scheduling;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A free slot that fits an apheresis day: the cells reach its site by the end of its window. With the dates
 * the plan would give, so that a coordinator can choose by the infusion day.
 */
public record FittingSlot(UUID slotId, String siteCode, String siteName, String productCode, LocalDate windowStart,
        LocalDate windowEnd, LocalDate cellsArrive, LocalDate plannedRelease, LocalDate plannedInfusion) {
}
