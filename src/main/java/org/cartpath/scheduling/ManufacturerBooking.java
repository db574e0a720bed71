package org.cartpath.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.cartpath.journey.CaseId;

/**
 * A booking as its manufacturer sees it: the case by reference (and chain-of-identity identifier once custody
 * allocates one), the booking centre's name and the dates. Never the patient, never a free-text reason.
 */
public record ManufacturerBooking(UUID bookingId, CaseId caseId, String caseReference, String chainOfIdentity,
        String centreName, String productCode, String siteCode, String siteName, LocalDate slotStart, LocalDate slotEnd,
        LocalDate apheresisDate, LocalDate cellsArrive, LocalDate plannedRelease, BookingPurpose purpose,
        BookingStatus status, Instant bookedAt) {
}
