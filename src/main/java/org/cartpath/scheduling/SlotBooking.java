package org.cartpath.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.OrganisationId;

/**
 * A case's booking of a manufacturing slot and an apheresis day. Never deleted: its status says whether it still
 * holds them.
 *
 * @param apheresisDate    the day of collection; null only for a re-manufacture
 * @param chainOfIdentity  the COI once custody allocates one (not yet)
 * @param labelVersionId   the catalogue label version the plan used, or null if it used defaults only
 * @param endReason        why it was cancelled, rescheduled or superseded (free text: never shown to manufacturers)
 */
public record SlotBooking(UUID id, CaseId caseId, String caseReference, OrganisationId centreId,
        OrganisationId manufacturerId, String productCode, UUID slotId, LocalDate apheresisDate, BookingPurpose purpose,
        BookingStatus status, UUID previousBookingId, String chainOfIdentity, String labelVersionId, Instant bookedAt,
        String bookedByName, Instant endedAt, String endedByName, String endReason, int version) {

    public boolean active() {
        return status == BookingStatus.BOOKED;
    }
}
