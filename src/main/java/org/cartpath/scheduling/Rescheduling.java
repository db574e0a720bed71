package org.cartpath.scheduling;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Moving a booking: a new apheresis day, and optionally another slot (the same slot when {@code slotId} is
 * null). A move that leaves the kept slot out of reach is made and flagged; a newly chosen slot must fit.
 */
public record Rescheduling(LocalDate apheresisDate, UUID slotId, String reason) {
}
