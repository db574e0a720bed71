package org.cartpath.scheduling;

import java.util.List;
import org.cartpath.journey.CaseId;

/**
 * What fits a case and an apheresis day: the day's chairs and the free slots of the case's product that the
 * cells can reach in time, earliest infusion first.
 *
 * @param labelVersionId the label version the dates are planned with, or null when only defaults were used
 */
public record Availability(CaseId caseId, String caseReference, String productCode, ApheresisDay apheresisDay,
        List<FittingSlot> slots, String labelVersionId, boolean usesDefaults) {

    public Availability {
        slots = List.copyOf(slots);
    }
}
