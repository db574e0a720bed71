package org.cartpath.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.cartpath.journey.CaseId;

/**
 * A freed slot offered to the case at the top of its product's waitlist. The slot is held for that case until
 * the offer expires, is declined or the case books it; nothing is booked automatically.
 *
 * @param latestApheresis the last apheresis day from which the cells still reach the slot
 */
public record SlotOffer(UUID id, UUID slotId, UUID waitlistEntryId, CaseId caseId, Instant offeredAt, Instant expiresAt,
        LocalDate latestApheresis, Status status, Instant closedAt, String closedReason) {

    public enum Status { OPEN, ACCEPTED, DECLINED, EXPIRED, WITHDRAWN }

    public boolean openAt(Instant now) {
        return status == Status.OPEN && expiresAt.isAfter(now);
    }
}
