package org.cartpath.scheduling;

import java.time.LocalDate;
import java.util.UUID;
import org.cartpath.journey.CaseId;

/**
 * Booking a slot for a case.
 *
 * @param apheresisDate the collection day; must be absent for a re-manufacture
 * @param remanufacture after a manufacturing failure, manufacture again from cells the site holds (no apheresis)
 */
public record NewBooking(CaseId caseId, UUID slotId, LocalDate apheresisDate, boolean remanufacture) {
}
