package org.cartpath.scheduling;

import java.time.LocalDate;
import java.util.UUID;
import org.cartpath.journey.CaseId;

/** A booking was replaced by a new one with another apheresis day or slot; {@code conflicts} steps no longer fit. */
public record BookingRescheduled(UUID previousBookingId, UUID bookingId, CaseId caseId, LocalDate apheresisDate,
        int conflicts) {
}
