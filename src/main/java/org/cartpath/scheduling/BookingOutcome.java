package org.cartpath.scheduling;

import java.util.List;

/**
 * A booking with its plan. After a reschedule, {@code conflicts} lists the steps that no longer fit and
 * {@code alternatives} the free slots that would.
 */
public record BookingOutcome(SlotBooking booking, BookingPlan plan, List<PlannedStep> conflicts,
        List<FittingSlot> alternatives) {

    public BookingOutcome {
        conflicts = List.copyOf(conflicts);
        alternatives = List.copyOf(alternatives);
    }
}
