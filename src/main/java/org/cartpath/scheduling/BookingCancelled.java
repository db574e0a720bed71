package org.cartpath.scheduling;

import java.util.UUID;
import org.cartpath.journey.CaseId;

/** A booking was cancelled: its slot and apheresis chair are free again. */
public record BookingCancelled(UUID bookingId, CaseId caseId, UUID slotId) {
}
