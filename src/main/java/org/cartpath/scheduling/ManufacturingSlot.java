package org.cartpath.scheduling;

import java.time.LocalDate;
import java.util.UUID;
import org.cartpath.shared.OrganisationId;

/**
 * One manufacturing slot: the site accepts one case's cells from {@code windowStart} to {@code windowEnd} (a
 * single day for daily capacity, the week's working days for weekly capacity).
 *
 * @param bookingId the booking that holds it, or null when free
 * @param withdrawn whether a later publication took it away (only free slots are ever withdrawn)
 */
public record ManufacturingSlot(UUID id, UUID siteId, String siteCode, String siteName, OrganisationId manufacturerId,
        String productCode, LocalDate weekStart, LocalDate windowStart, LocalDate windowEnd, int ordinal,
        boolean withdrawn, UUID bookingId) {

    public boolean free() {
        return !withdrawn && bookingId == null;
    }
}
