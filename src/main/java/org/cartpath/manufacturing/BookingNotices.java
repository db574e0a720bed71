package org.cartpath.manufacturing;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.manufacturing.internal.BookingNoticeStore;
import org.cartpath.scheduling.BookedManufacturers;
import org.cartpath.scheduling.BookedManufacturers.BookedSlot;
import org.cartpath.scheduling.BookingCancelled;
import org.cartpath.scheduling.BookingRescheduled;
import org.cartpath.scheduling.SlotBooked;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Page;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The manufacturer's notices of bookings of its slots (docs/adr/0022-reactions-through-the-event-publication-registry.md):
 * when the centre books one of its slots, moves a booking, moves it to another manufacturer's slot or cancels it,
 * the manufacturer gets a notice on its booking notices page, so that it plans its suite and its courier by the
 * centre's bookings. Reactions through the event publication registry: they run after the booking is
 * committed, in their own transaction, and are handed to these listeners again after a failure or a restart; one
 * notice per booking, manufacturer and kind however often they run.
 */
@Service
public class BookingNotices {

    private static final Actor REACTION = Actor.system("manufacturer booking notices");

    private final BookedManufacturers bookings;
    private final BookingNoticeStore store;
    private final AuditTrail audit;
    private final Clock clock;

    BookingNotices(BookedManufacturers bookings, BookingNoticeStore store, AuditTrail audit, Clock clock) {
        this.bookings = bookings;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(SlotBooked booked) {
        notice(booked.bookingId(), BookingNotice.Kind.BOOKED, null);
    }

    @ApplicationModuleListener
    void on(BookingRescheduled rescheduled) {
        BookedSlot next = bookings.bookedSlot(rescheduled.bookingId()).orElseThrow();
        bookings.bookedSlot(rescheduled.previousBookingId())
                .filter(previous -> !previous.booking().manufacturerId().equals(next.booking().manufacturerId()))
                .ifPresent(previous -> notice(previous.booking().id(), BookingNotice.Kind.MOVED_ELSEWHERE, previous));
        notice(rescheduled.bookingId(), BookingNotice.Kind.RESCHEDULED, next);
    }

    @ApplicationModuleListener
    void on(BookingCancelled cancelled) {
        notice(cancelled.bookingId(), BookingNotice.Kind.CANCELLED, null);
    }

    private void notice(UUID bookingId, BookingNotice.Kind kind, BookedSlot known) {
        BookedSlot booked = known != null ? known : bookings.bookedSlot(bookingId)
                .orElseThrow(() -> new IllegalStateException("No booking " + bookingId + " for a " + kind + " notice"));
        BookingNotice notice = new BookingNotice(UUID.randomUUID(), bookingId, booked.booking().caseReference(),
                booked.booking().chainOfIdentity(), kind, booked.slot().productCode(), booked.slot().siteName(),
                booked.slot().windowStart(), booked.slot().windowEnd(),
                kind == BookingNotice.Kind.MOVED_ELSEWHERE ? null : booked.booking().apheresisDate(), Instant.now(clock));
        if (store.insertIfAbsent(notice, booked.booking().manufacturerId(), booked.booking().caseId().value())) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("manufacturerId", booked.booking().manufacturerId().toString());
            after.put("bookingId", bookingId.toString());
            after.put("caseReference", notice.caseReference());
            after.put("kind", kind.name());
            after.put("slot", notice.siteName() + " " + notice.windowStart() + " to " + notice.windowEnd());
            after.put("apheresisDate", notice.apheresisDate() == null ? null : notice.apheresisDate().toString());
            audit.record(REACTION, "BOOKING_NOTICE_SENT", "BookingNotice", notice.id().toString(), null, after, null);
        }
    }

    /** The manufacturer's notices, newest first: its operators (people and systems). */
    @Transactional(readOnly = true)
    public Page<BookingNotice> notices(Actor actor, Page.Request request) {
        manufacturer(actor);
        DataScope scope = DataVisibility.clinicalScope(actor);
        return new Page<>(store.ofManufacturer(scope, request.size(), request.offset()), request.page(),
                request.size(), store.countOfManufacturer(scope));
    }

    private static OrganisationId manufacturer(Actor actor) {
        if (actor.organisationKind() != OrganisationKind.MANUFACTURER || !actor.hasRole(Role.MANUFACTURER_OPERATOR)) {
            throw ProblemException.forbidden("Booking notices are for the manufacturer's operators");
        }
        return actor.organisationId();
    }
}
