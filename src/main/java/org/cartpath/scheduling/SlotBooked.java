package org.cartpath.scheduling;

import java.time.LocalDate;
import java.util.UUID;
import org.cartpath.journey.CaseId;

/** A case booked a manufacturing slot (and, unless re-manufacturing, an apheresis day). */
public record SlotBooked(UUID bookingId, CaseId caseId, UUID slotId, LocalDate apheresisDate, BookingPurpose purpose) {
}
