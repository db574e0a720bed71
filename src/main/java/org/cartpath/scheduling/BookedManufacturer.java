package org.cartpath.scheduling;

import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.OrganisationId;

/**
 * The manufacturer and site that hold a case's active booking: the manufacturer of the current attempt. Only it may
 * receive the case's cells, report on them, release them and ship the product back; a different manufacturer needs a
 * re-booking (docs/adr/0018-one-manufacturer-per-attempt.md).
 */
public record BookedManufacturer(UUID bookingId, CaseId caseId, String caseReference, OrganisationId manufacturerId,
        UUID siteId, String siteCode, String siteName, BookingPurpose purpose) {
}
