package org.cartpath.scheduling;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.cartpath.audit.AuditTrail;
import org.cartpath.journey.CaseId;
import org.cartpath.scheduling.internal.BookingStore;
import org.cartpath.scheduling.internal.CapacityStore;
import org.cartpath.shared.Actor;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.OrganisationKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who manufactures a case now: the manufacturer and site of its active booking (ADR 18). Custody and manufacturing ask
 * it before a manufacturer receives the cells, reports, releases or ships back, so that a case booked at one
 * manufacturer can never be made, or returned, by another. Earlier bookings stay as history with every record their
 * manufacturer made; only the current one acts.
 *
 * <p>Its answers are not scoped to an actor: they decide, they are never shown to another organisation.
 */
@Service
public class BookedManufacturers {

    /** The audit action of a refusal: an organisation acted on a case it does not manufacture (or carry) now. */
    public static final String REFUSED = "CASE_ACTION_REFUSED";

    private final BookingStore bookings;
    private final CapacityStore capacity;
    private final AuditTrail audit;

    BookedManufacturers(BookingStore bookings, CapacityStore capacity, AuditTrail audit) {
        this.bookings = bookings;
        this.capacity = capacity;
        this.audit = audit;
    }

    /** The manufacturer and site of the case's active booking; empty when the case holds no booking. */
    @Transactional(readOnly = true)
    public Optional<BookedManufacturer> current(CaseId caseId) {
        return bookings.activeOfCase(caseId).flatMap(booking -> capacity.slot(booking.slotId())
                .map(slot -> new BookedManufacturer(booking.id(), booking.caseId(), booking.caseReference(),
                        booking.manufacturerId(), slot.siteId(), slot.siteCode(), slot.siteName(), booking.purpose())));
    }

    /** A booking (active or ended) with the slot it holds or held, as its manufacturer is told of it. */
    public record BookedSlot(SlotBooking booking, ManufacturingSlot slot) {
    }

    /**
     * A booking and its slot by the booking's id, whatever its status: for manufacturing's notices of a booking made,
     * moved or cancelled (ADR 0022). Not scoped to an actor, like {@link #current}; the caller shows only what the
     * booked manufacturer may see (never the free-text reasons).
     */
    @Transactional(readOnly = true)
    public Optional<BookedSlot> bookedSlot(java.util.UUID bookingId) {
        return bookings.find(bookingId).flatMap(booking -> capacity.slot(booking.slotId())
                .map(slot -> new BookedSlot(booking, slot)));
    }

    /**
     * For a manufacturer's staff or system: passes only if its organisation holds the case's active booking. Any other
     * manufacturer gets 404, as if the case did not exist, and the refusal is audited (in its own transaction, so that
     * it outlives the refused one). Other organisations pass: their own rules apply.
     *
     * @param action what was attempted, e.g. {@code STATUS_REPORT}, {@code RELEASE}, {@code RECEIPT}
     */
    @Transactional(readOnly = true)
    public void requireCurrentManufacturer(Actor actor, CaseId caseId, String action) {
        if (actor.organisationKind() != OrganisationKind.MANUFACTURER) {
            return;
        }
        Optional<BookedManufacturer> booked = current(caseId);
        if (booked.isPresent() && booked.get().manufacturerId().equals(actor.organisationId())) {
            return;
        }
        throw refused(actor, caseId, action, booked.isEmpty() ? "the case holds no manufacturing booking"
                : "another manufacturer holds the case's booking", new NotFoundException("case", caseId));
    }

    /**
     * Records that {@code actor}'s organisation was refused {@code action} on a case it does not manufacture or carry
     * now, and returns {@code answer} (a 404 that tells the caller nothing) for the caller to throw.
     */
    public <E extends RuntimeException> E refused(Actor actor, CaseId caseId, String action, String why, E answer) {
        Map<String, Object> attempt = new LinkedHashMap<>();
        attempt.put("action", action);
        attempt.put("organisationId", actor.organisationId() == null ? null : actor.organisationId().toString());
        attempt.put("organisationName", actor.organisationName());
        attempt.put("organisationKind", actor.organisationKind() == null ? null : actor.organisationKind().name());
        attempt.put("caseId", caseId.toString());
        audit.recordIndependently(actor, REFUSED, "TherapyCase", caseId.toString(), attempt, why);
        return answer;
    }
}
