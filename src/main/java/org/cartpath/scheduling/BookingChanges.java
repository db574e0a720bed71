package org.cartpath.scheduling;

import static org.cartpath.scheduling.SlotBookings.auditView;
import static org.cartpath.scheduling.SlotBookings.window;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.cartpath.audit.AuditTrail;
import org.cartpath.journey.CaseEnded;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseTask;
import org.cartpath.journey.PartyRole;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.scheduling.internal.BookingStore;
import org.cartpath.scheduling.internal.CapacityStore;
import org.cartpath.scheduling.internal.CaseAccess;
import org.cartpath.scheduling.internal.CasePlanning;
import org.cartpath.scheduling.internal.SchedulingProblems;
import org.cartpath.scheduling.internal.SlotFinder;
import org.cartpath.scheduling.internal.Today;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A booking changed before the cells are collected (ADR 0015): moved to another apheresis day or slot, cancelled by
 * the coordinator, or released because the case ended. A move keeps the row lock order of {@link SlotBookings}
 * (booking, slots by id, chair days by date, then the case and the audit chain); what a move or a cancellation frees
 * is offered to the waitlist.
 */
@Service
public class BookingChanges {

    private final BookingStore store;
    private final CapacityStore capacity;
    private final ApheresisCapacity apheresis;
    private final Waitlist waitlist;
    private final CaseJourney journey;
    private final CaseAccess access;
    private final CasePlanning planning;
    private final SlotFinder finder;
    private final BookingChecks checks;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Today today;

    BookingChanges(BookingStore store, CapacityStore capacity, ApheresisCapacity apheresis, Waitlist waitlist,
            CaseJourney journey, CaseAccess access, CasePlanning planning, SlotFinder finder, BookingChecks checks,
            AuditTrail audit, ApplicationEventPublisher events, Today today) {
        this.store = store;
        this.capacity = capacity;
        this.apheresis = apheresis;
        this.waitlist = waitlist;
        this.journey = journey;
        this.access = access;
        this.planning = planning;
        this.finder = finder;
        this.checks = checks;
        this.audit = audit;
        this.events = events;
        this.today = today;
    }

    /**
     * Moves a booking to another apheresis day (and optionally another slot). The old booking ends as RESCHEDULED
     * and a new one with a new plan replaces it. If the kept slot is now out of reach, the move is made, the plan's
     * conflicts are returned with the slots that would fit, and the coordinator gets a task to resolve them.
     */
    @Transactional
    public BookingOutcome reschedule(Actor actor, UUID bookingId, Rescheduling command) {
        SlotBooking found = store.find(bookingId).orElseThrow(() -> new NotFoundException("booking", bookingId));
        TherapyCase c = journey.get(actor, found.caseId()).therapyCase();
        CaseAccess.requireCentre(actor, c, Role.COORDINATOR);
        String reason = requiredReason(command.reason());
        LocalDate day = command.apheresisDate();
        if (found.purpose() == BookingPurpose.REMANUFACTURE && day != null) {
            throw ProblemException.invalid("apheresisDate", "a re-manufacture has no apheresis: send only a new slot");
        }
        if (found.purpose() != BookingPurpose.REMANUFACTURE && day == null) {
            throw ProblemException.invalid("apheresisDate", "is required");
        }
        SlotBooking current = store.lock(bookingId).orElseThrow();
        if (!current.active()) {
            throw SchedulingProblems.bookingNotActive(current.status().name());
        }
        if (c.stage() != Stage.SLOT_BOOKED) {
            throw SchedulingProblems.cellsAlreadyCollected(c.reference(), c.stage().label());
        }
        UUID slotId = command.slotId() == null ? current.slotId() : command.slotId();
        boolean slotChanged = !slotId.equals(current.slotId());
        if (!slotChanged && java.util.Objects.equals(day, current.apheresisDate())) {
            throw ProblemException.invalid(day == null ? "slotId" : "apheresisDate",
                    "is what is booked already; choose another day or slot");
        }
        CasePlanning.Basis basis = planning.basis(c);
        if (day != null && !day.equals(current.apheresisDate())) {
            checks.checkApheresisDay(DataVisibility.clinicalScope(actor), c.treatingCentre(), day);
        }
        Supplier<List<FittingSlot>> fitting = checks.fitting(basis, day, c.id());
        ManufacturingSlot slot = lockSlots(current.slotId(), slotId);
        if (slotChanged) {
            checks.checkSlot(slot, basis, c.id(), fitting);
        }
        BookingPlan plan = finder.plan(basis, day, slot);
        if (slotChanged && !plan.fits()) {
            throw SchedulingProblems.slotBeforeCellsArrive(plan.step(PlanStep.SHIPMENT_TO_SITE).orElseThrow().plannedOn(),
                    slot.windowEnd(), fitting.get());
        }
        moveChair(DataVisibility.clinicalScope(actor), c.treatingCentre(), current.apheresisDate(), day);
        store.end(current.id(), BookingStatus.RESCHEDULED, reason, actor.displayName(), today.now());
        SlotBooking next = new SlotBooking(UUID.randomUUID(), c.id(), c.reference(), c.treatingCentre(),
                slot.manufacturerId(), slot.productCode(), slot.id(), day, current.purpose(), BookingStatus.BOOKED,
                current.id(), current.chainOfIdentity(), basis.labelVersionId(), today.now(), actor.displayName(), null,
                null, null, 0);
        store.insert(next, actor.id(), plan);
        if (slotChanged) {
            capacity.freeSlot(current.slotId());
        }
        capacity.assignBooking(slot.id(), next.id());
        if (slotChanged) {
            waitlist.caseBooked(actor, c.id(), slot.id());
            waitlist.offerFreedSlot(current.slotId());
            journey.addParty(actor, c.id(), slot.manufacturerId(), PartyRole.MANUFACTURER);
        }
        List<PlannedStep> conflicts = plan.conflicts();
        journey.note(actor, c.id(), "BOOKING_RESCHEDULED", "Booking moved: " + (day == null ? "" : "apheresis on " + day + ", ")
                + "slot " + window(slot) + " at " + slot.siteName()
                + (conflicts.isEmpty() ? "" : "; " + conflicts.size() + " step(s) of the plan no longer fit"));
        access.closeTasks(actor, c.id(), CaseAccess.RESOLVE);
        access.closeTasks(actor, c.id(), day == null ? CaseTask.Closure.CANCELLED : CaseTask.Closure.REPLACED,
                CaseAccess.COLLECT);
        if (day != null) {
            journey.openTask(actor, c.id(), CaseAccess.COLLECT + day, Role.APHERESIS_NURSE, day, Stage.SLOT_BOOKED);
        }
        if (!conflicts.isEmpty()) {
            journey.openTask(actor, c.id(), CaseAccess.RESOLVE + conflicts.get(0).conflict(), Role.COORDINATOR, today.date());
        }
        List<FittingSlot> alternatives = conflicts.isEmpty() ? List.of() : fitting.get();
        audit.record(actor, "BOOKING_RESCHEDULED", "SlotBooking", next.id().toString(), auditView(current, null),
                auditView(next, plan), reason);
        events.publishEvent(new BookingRescheduled(current.id(), next.id(), c.id(), day, conflicts.size()));
        return new BookingOutcome(next, plan, conflicts, alternatives);
    }

    /**
     * Cancels a booking before the cells are collected: the slot and the chair are free again, the freed slot is
     * offered to the top of its waitlist, and the case keeps its stage with a task to rebook (ADR 15).
     */
    @Transactional
    public SlotBooking cancel(Actor actor, UUID bookingId, String reasonText) {
        SlotBooking found = store.find(bookingId).orElseThrow(() -> new NotFoundException("booking", bookingId));
        TherapyCase c = journey.get(actor, found.caseId()).therapyCase();
        CaseAccess.requireCentre(actor, c, Role.COORDINATOR);
        String reason = requiredReason(reasonText);
        SlotBooking current = store.lock(bookingId).orElseThrow();
        if (!current.active()) {
            throw SchedulingProblems.bookingNotActive(current.status().name());
        }
        // a case that ended (withdrawn, deceased, declined) releases what it holds; collected cells keep their slot
        if (c.stage() != Stage.SLOT_BOOKED && !c.stage().isEnding()) {
            throw SchedulingProblems.cellsAlreadyCollected(c.reference(), c.stage().label());
        }
        SlotBooking after = release(actor, c, current, reason);
        if (c.stage() == Stage.SLOT_BOOKED) {
            access.closeTasks(actor, c.id(), CaseTask.Closure.CANCELLED, CaseAccess.COLLECT, CaseAccess.RESOLVE);
            journey.openTask(actor, c.id(), CaseAccess.REBOOK, Role.COORDINATOR, today.date().plusDays(2));
        }
        return after;
    }

    /**
     * A case that ends before its cells are collected releases its booking in the same transaction: the booking is
     * cancelled with the case's reason, the slot and a future apheresis chair are free again and the slot is offered
     * to the waitlist. Once cells are collected the slot is the manufacturer's work in progress: it stays, and the
     * manufacturer sees that the case ended.
     */
    @EventListener
    void onCaseEnded(CaseEnded ended) {
        waitlist.caseEnded(ended);
        if (ended.from() != Stage.SLOT_BOOKED) {
            return;
        }
        store.activeOfCase(ended.caseId()).flatMap(booking -> store.lock(booking.id())).filter(SlotBooking::active)
                .ifPresent(current -> release(ended.actor(), journey.get(ended.actor(), ended.caseId()).therapyCase(),
                        current, "The case ended (" + ended.ending().label() + "): " + ended.reason()));
    }

    /** Cancels a locked, active booking: frees its slot and a future chair, offers the slot on, and records it. */
    private SlotBooking release(Actor actor, TherapyCase c, SlotBooking current, String reason) {
        ManufacturingSlot slot = capacity.lockSlot(current.slotId()).orElseThrow();
        store.end(current.id(), BookingStatus.CANCELLED, reason, actor.displayName(), today.now());
        capacity.freeSlot(slot.id());
        if (current.apheresisDate() != null && !current.apheresisDate().isBefore(today.date())) {
            apheresis.releaseChair(c.treatingCentre(), current.apheresisDate());
        }
        journey.note(actor, c.id(), "BOOKING_CANCELLED", "Booking cancelled: the " + slot.productCode() + " slot ("
                + window(slot) + ") and the apheresis chair are free again");
        waitlist.offerFreedSlot(slot.id());
        SlotBooking after = store.find(current.id()).orElseThrow();
        audit.record(actor, "BOOKING_CANCELLED", "SlotBooking", current.id().toString(), auditView(current, null),
                auditView(after, null), reason);
        events.publishEvent(new BookingCancelled(current.id(), c.id(), slot.id()));
        return after;
    }

    // --- rules ---------------------------------------------------------------------------------------------

    /** Releases the old day's chair and takes the new day's, earlier day first (one lock order for every move). */
    private void moveChair(DataScope scope, OrganisationId centre, LocalDate from, LocalDate to) {
        if (java.util.Objects.equals(from, to)) {
            return;
        }
        boolean releaseFirst = to == null || (from != null && from.isBefore(to));
        if (releaseFirst) {
            release(centre, from);
            if (to != null) {
                checks.takeChair(scope, centre, to);
            }
        } else {
            checks.takeChair(scope, centre, to);
            release(centre, from);
        }
    }

    private void release(OrganisationId centre, LocalDate day) {
        if (day != null && !day.isBefore(today.date())) {
            apheresis.releaseChair(centre, day);
        }
    }

    /** Locks the booked slot and the requested one in id order; returns the requested one. */
    private ManufacturingSlot lockSlots(UUID bookedSlot, UUID requested) {
        if (bookedSlot.equals(requested)) {
            return capacity.lockSlot(requested).orElseThrow();
        }
        UUID first = bookedSlot.compareTo(requested) < 0 ? bookedSlot : requested;
        UUID second = first.equals(bookedSlot) ? requested : bookedSlot;
        Optional<ManufacturingSlot> a = capacity.lockSlot(first);
        Optional<ManufacturingSlot> b = capacity.lockSlot(second);
        return (first.equals(requested) ? a : b).orElseThrow(() -> new NotFoundException("manufacturing slot", requested));
    }

    private static String requiredReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "is required");
        }
        if (reason.trim().length() > 1000) {
            throw ProblemException.invalid("reason", "must be at most 1000 characters");
        }
        return reason.trim();
    }

}
