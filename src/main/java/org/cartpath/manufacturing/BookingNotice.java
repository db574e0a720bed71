package org.cartpath.manufacturing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a manufacturer is told about a booking of one of its slots (docs/adr/0022-reactions-through-the-event-publication-registry.md):
 * the case reference and chain of identity (never the patient's identity), the slot, the apheresis day, and whether
 * it was booked, moved, moved to another manufacturer or cancelled. Never the centre's free-text reasons.
 */
public record BookingNotice(UUID id, UUID bookingId, String caseReference, String chainOfIdentity, Kind kind,
        String productCode, String siteName, LocalDate windowStart, LocalDate windowEnd, LocalDate apheresisDate,
        Instant noticedAt) {

    public enum Kind {
        BOOKED("Booked"),
        RESCHEDULED("Moved"),
        MOVED_ELSEWHERE("Moved to another manufacturer"),
        CANCELLED("Cancelled");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
