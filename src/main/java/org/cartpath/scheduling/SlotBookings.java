package org.cartpath.scheduling;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.cartpath.audit.AuditTrail;
import org.cartpath.journey.CaseEnded;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseTask;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.PartyRole;
import org.cartpath.journey.Stage;
import org.cartpath.journey.StageTasks;
import org.cartpath.journey.TherapyCase;
import org.cartpath.scheduling.internal.BookingStore;
import org.cartpath.scheduling.internal.CapacityStore;
import org.cartpath.scheduling.internal.CaseAccess;
import org.cartpath.scheduling.internal.CasePlanning;
import org.cartpath.scheduling.internal.SchedulingProblems;
import org.cartpath.scheduling.internal.SlotFinder;
import org.cartpath.scheduling.internal.Today;
import org.cartpath.shared.Actor;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Booking, rescheduling and cancelling (ADR 0015). A booking fixes the apheresis day, the slot and
 * the plan of every later step; it takes the slot and a chair of the day atomically, or nothing. Exactly one case
 * holds a slot (a row lock on the slot, a unique booking per slot) and never more cases than chairs collect on a
 * day (a counter that a single statement increments only while a chair is free, with a CHECK behind it). Rows are
 * locked in one order — booking, slots by id, chair days by date, then the case and the audit chain — so that
 * concurrent bookings on any number of instances wait for each other rather than deadlock.
 */
@Service
public class SlotBookings {

    static final int MAX_DAYS_AHEAD = 366;
    static final int SUGGESTIONS = 10;

    private final BookingStore store;
    private final CapacityStore capacity;
    private final ApheresisCapacity apheresis;
    private final Waitlist waitlist;
    private final CaseJourney journey;
    private final CaseAccess access;
    private final CasePlanning planning;
    private final SlotFinder finder;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Today today;

    SlotBookings(BookingStore store, CapacityStore capacity, ApheresisCapacity apheresis, Waitlist waitlist,
            CaseJourney journey, CaseAccess access, CasePlanning planning, SlotFinder finder, AuditTrail audit,
            ApplicationEventPublisher events, Today today) {
        this.store = store;
        this.capacity = capacity;
        this.apheresis = apheresis;
        this.waitlist = waitlist;
        this.journey = journey;
        this.access = access;
        this.planning = planning;
        this.finder = finder;
        this.audit = audit;
        this.events = events;
        this.today = today;
    }

    /** The free slots that fit a case and an apheresis day, with the day's chairs (the treating centre's staff). */
    @Transactional(readOnly = true)
    public Availability availability(Actor actor, CaseId caseId, LocalDate apheresisDate, Integer horizonWeeks) {
        TherapyCase c = journey.get(actor, caseId).therapyCase();
        CaseAccess.requireCentre(actor, c, Role.COORDINATOR, Role.CONSULTANT, Role.APHERESIS_NURSE);
        if (apheresisDate == null) {
            throw ProblemException.invalid("apheresisDate", "is required");
        }
        int weeks = horizonWeeks == null ? SlotFinder.DEFAULT_HORIZON_DAYS / 7 : horizonWeeks;
        if (weeks < 1 || weeks > 26) {
            throw ProblemException.invalid("weeks", "must be from 1 to 26");
        }
        CasePlanning.Basis basis = planning.basis(c);
        checkApheresisDay(c.treatingCentre(), apheresisDate);
        List<FittingSlot> slots = finder.fitting(basis, apheresisDate, c.id().value(), weeks * 7, 50);
        return new Availability(c.id(), c.reference(), c.productCode(), apheresis.day(c.treatingCentre(), apheresisDate),
                slots, basis.labelVersionId(), basis.usesDefaults());
    }

    /** How many days the booking calendar shows. */
    public static final int CALENDAR_DAYS = 42;

    /**
     * The case's booking calendar from tomorrow: each day's free chairs beside the slots the cells could reach from it
     * (the treating centre's staff, as {@link #availability}). Closed days say why (a weekday the unit does not
     * collect, a bank holiday, an exceptional day).
     */
    @Transactional(readOnly = true)
    public List<BookingDay> calendar(Actor actor, CaseId caseId) {
        TherapyCase c = journey.get(actor, caseId).therapyCase();
        CaseAccess.requireCentre(actor, c, Role.COORDINATOR, Role.CONSULTANT, Role.APHERESIS_NURSE);
        CasePlanning.Basis basis = planning.basis(c);
        LocalDate from = today.date().plusDays(1);
        List<BookingDay> days = new ArrayList<>();
        for (ApheresisDay day : apheresis.days(c.treatingCentre(), from, from.plusDays(CALENDAR_DAYS - 1))) {
            List<FittingSlot> slots = day.free() > 0
                    ? finder.fitting(basis, day.day(), c.id().value(), SlotFinder.DEFAULT_HORIZON_DAYS, 50) : List.of();
            days.add(new BookingDay(day.day(), day, slots.size(), slots.stream().map(FittingSlot::plannedInfusion)
                    .filter(java.util.Objects::nonNull).min(LocalDate::compareTo).orElse(null)));
        }
        return days;
    }

    /** Books a slot and an apheresis day for a case; the case moves to SLOT_BOOKED in the same transaction. */
    @Transactional
    public BookingOutcome book(Actor actor, NewBooking command) {
        if (command.caseId() == null || command.slotId() == null) {
            List<ProblemException.FieldProblem> missing = new ArrayList<>();
            if (command.caseId() == null) {
                missing.add(new ProblemException.FieldProblem("caseId", "is required"));
            }
            if (command.slotId() == null) {
                missing.add(new ProblemException.FieldProblem("slotId", "is required"));
            }
            throw ProblemException.invalid(missing);
        }
        CaseView view = journey.get(actor, command.caseId());
        TherapyCase c = view.therapyCase();
        CaseAccess.requireCentre(actor, c, Role.COORDINATOR);
        Optional<SlotBooking> active = store.activeOfCase(c.id());
        BookingPurpose purpose = purpose(c, active, command.remanufacture());
        LocalDate day = command.apheresisDate();
        if (purpose == BookingPurpose.REMANUFACTURE && day != null) {
            throw ProblemException.invalid("apheresisDate", "a re-manufacture uses cells the site holds: send no apheresis date");
        }
        if (purpose != BookingPurpose.REMANUFACTURE && day == null) {
            throw ProblemException.invalid("apheresisDate", "is required");
        }
        CasePlanning.Basis basis = planning.basis(c);
        if (day != null) {
            checkApheresisDay(c.treatingCentre(), day);
        }
        Supplier<List<FittingSlot>> fitting = () -> finder.fitting(basis, day, c.id().value(),
                SlotFinder.DEFAULT_HORIZON_DAYS, SUGGESTIONS);
        ManufacturingSlot slot = capacity.lockSlot(command.slotId())
                .orElseThrow(() -> new NotFoundException("manufacturing slot", command.slotId()));
        checkSlot(slot, basis, c.id(), fitting);
        if (purpose == BookingPurpose.REMANUFACTURE && active.isPresent()
                && !active.get().manufacturerId().equals(slot.manufacturerId())) {
            // the cells are at the manufacturer of the failed attempt; another manufacturer needs new cells (ADR 18)
            throw ProblemException.unprocessable("remanufacture-at-another-manufacturer", "A re-manufacture uses the "
                    + "cells the manufacturer of the failed attempt holds: choose one of its slots, or book a "
                    + "re-collection to change manufacturer");
        }
        BookingPlan plan = finder.plan(basis, day, slot);
        if (!plan.fits()) {
            throw SchedulingProblems.slotBeforeCellsArrive(plan.step(PlanStep.SHIPMENT_TO_SITE).orElseThrow().plannedOn(),
                    slot.windowEnd(), fitting.get());
        }
        if (day != null) {
            takeChair(c.treatingCentre(), day);
        }
        active.ifPresent(previous -> store.end(previous.id(), BookingStatus.SUPERSEDED,
                "replaced by a " + purpose.name().toLowerCase(java.util.Locale.ROOT) + " booking after a manufacturing failure",
                actor.displayName(), today.now()));
        SlotBooking booking = new SlotBooking(UUID.randomUUID(), c.id(), c.reference(), c.treatingCentre(),
                slot.manufacturerId(), slot.productCode(), slot.id(), day, purpose, BookingStatus.BOOKED,
                active.map(SlotBooking::id).orElse(null), null, basis.labelVersionId(), today.now(), actor.displayName(),
                null, null, null, 0);
        try {
            store.insert(booking, actor.id(), plan);
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("case-already-booked", "Another booking of case " + c.reference()
                    + " was made at the same moment; reload the case");
        }
        capacity.assignBooking(slot.id(), booking.id());
        waitlist.caseBooked(actor, c.id(), slot.id());
        String summary = "Slot booked: " + slot.productCode() + " at " + slot.siteName() + " (" + window(slot) + ")"
                + (day == null ? ", re-manufacture from cells at the site" : "; apheresis on " + day);
        if (c.stage() == Stage.SLOT_BOOKED) {
            journey.note(actor, c.id(), "SLOT_REBOOKED", summary);
        } else {
            journey.advance(actor, c.id(), Stage.SLOT_BOOKED, summary);
        }
        journey.addParty(actor, c.id(), slot.manufacturerId(), PartyRole.MANUFACTURER);
        access.closeTasks(actor, c.id(), CaseAccess.REBOOK, CaseAccess.RESOLVE, StageTasks.RECOLLECTION_BOOKING);
        // nothing was collected yet: the booking's dated collection task replaces the stage's default one (and an
        // earlier day's), which must not read "Done"; the collection check closes it when the case leaves SLOT_BOOKED
        access.closeTasks(actor, c.id(), day == null ? CaseTask.Closure.CANCELLED : CaseTask.Closure.REPLACED,
                CaseAccess.COLLECT, StageTasks.forStage(Stage.SLOT_BOOKED).orElseThrow().title());
        if (day != null) {
            journey.openTask(actor, c.id(), CaseAccess.COLLECT + day, Role.APHERESIS_NURSE, day, Stage.SLOT_BOOKED);
        }
        audit.record(actor, "SLOT_BOOKED", "SlotBooking", booking.id().toString(), null, auditView(booking, plan), null);
        events.publishEvent(new SlotBooked(booking.id(), c.id(), slot.id(), day, purpose));
        return new BookingOutcome(booking, plan, List.of(), List.of());
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
            checkApheresisDay(c.treatingCentre(), day);
        }
        Supplier<List<FittingSlot>> fitting = () -> finder.fitting(basis, day, c.id().value(),
                SlotFinder.DEFAULT_HORIZON_DAYS, SUGGESTIONS);
        ManufacturingSlot slot = lockSlots(current.slotId(), slotId);
        if (slotChanged) {
            checkSlot(slot, basis, c.id(), fitting);
        }
        BookingPlan plan = finder.plan(basis, day, slot);
        if (slotChanged && !plan.fits()) {
            throw SchedulingProblems.slotBeforeCellsArrive(plan.step(PlanStep.SHIPMENT_TO_SITE).orElseThrow().plannedOn(),
                    slot.windowEnd(), fitting.get());
        }
        moveChair(c.treatingCentre(), current.apheresisDate(), day);
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

    // --- reading ------------------------------------------------------------------------------------------

    /**
     * A case's bookings, newest first, as the actor may see them: a manufacturer sees only its own bookings and
     * never the free-text reasons; anyone who is not a party gets 404.
     */
    @Transactional(readOnly = true)
    public List<SlotBooking> history(Actor actor, CaseId caseId) {
        CaseView view = journey.get(actor, caseId);
        List<SlotBooking> all = store.ofCase(caseId);
        if (view.identityVisible()) {
            return all;
        }
        return all.stream().filter(b -> b.manufacturerId().equals(actor.organisationId())).map(SlotBookings::withoutReason)
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<SlotBooking> activeBooking(Actor actor, CaseId caseId) {
        return history(actor, caseId).stream().filter(SlotBooking::active).findFirst();
    }

    @Transactional(readOnly = true)
    public SlotBooking booking(Actor actor, UUID bookingId) {
        SlotBooking booking = store.find(bookingId).orElseThrow(() -> new NotFoundException("booking", bookingId));
        return history(actor, booking.caseId()).stream().filter(b -> b.id().equals(bookingId)).findFirst()
                .orElseThrow(() -> new NotFoundException("booking", bookingId));
    }

    @Transactional(readOnly = true)
    public BookingPlan plan(Actor actor, UUID bookingId) {
        return store.plan(booking(actor, bookingId).id());
    }

    @Transactional(readOnly = true)
    public Optional<ManufacturingSlot> slotOf(SlotBooking booking) {
        return capacity.slot(booking.slotId());
    }

    // --- rules ---------------------------------------------------------------------------------------------

    /** Why the case needs a slot now, or the refusal: approved by the panel, or back after a manufacturing failure. */
    private BookingPurpose purpose(TherapyCase c, Optional<SlotBooking> active, boolean remanufacture) {
        switch (c.stage()) {
            case PANEL_APPROVED -> {
                if (remanufacture) {
                    throw ProblemException.invalid("remanufacture", "is only for a case whose manufacturing failed");
                }
                if (active.isPresent()) {
                    throw SchedulingProblems.caseAlreadyBooked(active.get());
                }
                return BookingPurpose.COLLECTION;
            }
            case SLOT_BOOKED -> {
                if (active.isPresent()) {
                    throw SchedulingProblems.caseAlreadyBooked(active.get());
                }
                boolean again = store.ofCase(c.id()).stream().anyMatch(b -> b.purpose() != BookingPurpose.COLLECTION);
                return remanufacture ? BookingPurpose.REMANUFACTURE
                        : again ? BookingPurpose.RECOLLECTION : BookingPurpose.COLLECTION;
            }
            case IN_MANUFACTURING -> {
                return remanufacture ? BookingPurpose.REMANUFACTURE : BookingPurpose.RECOLLECTION;
            }
            default -> throw SchedulingProblems.caseNotApproved(c.reference(), c.stage().name(), c.stage().label());
        }
    }

    /** 422 unless the centre collects on the day: not in the past, not closed, within a year. */
    private void checkApheresisDay(OrganisationId centre, LocalDate day) {
        LocalDate now = today.date();
        if (day.isBefore(now)) {
            throw SchedulingProblems.apheresisDateInPast(day, now, apheresis.nextOpenDays(centre, now));
        }
        if (day.isAfter(now.plusDays(MAX_DAYS_AHEAD))) {
            throw ProblemException.invalid("apheresisDate", "must be within a year");
        }
        String closed = apheresis.whyClosed(centre, day);
        if (closed != null) {
            throw SchedulingProblems.apheresisDayClosed(day, closed, apheresis.nextOpenDays(centre, day));
        }
    }

    private void checkSlot(ManufacturingSlot slot, CasePlanning.Basis basis, CaseId caseId,
            Supplier<List<FittingSlot>> fitting) {
        if (!slot.productCode().equals(basis.product().name())) {
            throw SchedulingProblems.slotProductMismatch(slot.productCode(), basis.product().name(), fitting.get());
        }
        if (slot.withdrawn()) {
            throw SchedulingProblems.slotUnavailable("the manufacturer withdrew it", fitting.get());
        }
        if (slot.windowEnd().isBefore(today.date())) {
            throw SchedulingProblems.slotUnavailable("its last day, " + slot.windowEnd() + ", has passed", fitting.get());
        }
        if (slot.bookingId() != null) {
            throw SchedulingProblems.slotTaken(fitting.get());
        }
        waitlist.openOfferOfSlot(slot.id()).filter(o -> !o.caseId().equals(caseId)).ifPresent(o -> {
            throw SchedulingProblems.slotOffered(o.expiresAt().atZone(today.zone()).toLocalDate().toString(), fitting.get());
        });
    }

    private void takeChair(OrganisationId centre, LocalDate day) {
        if (!apheresis.takeChair(centre, day)) {
            throw SchedulingProblems.apheresisDayFull(day, apheresis.day(centre, day).chairs(),
                    apheresis.nextOpenDays(centre, day.plusDays(1)));
        }
    }

    /** Releases the old day's chair and takes the new day's, earlier day first (one lock order for every move). */
    private void moveChair(OrganisationId centre, LocalDate from, LocalDate to) {
        if (java.util.Objects.equals(from, to)) {
            return;
        }
        boolean releaseFirst = to == null || (from != null && from.isBefore(to));
        if (releaseFirst) {
            release(centre, from);
            if (to != null) {
                takeChair(centre, to);
            }
        } else {
            takeChair(centre, to);
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

    private static SlotBooking withoutReason(SlotBooking b) {
        return new SlotBooking(b.id(), b.caseId(), b.caseReference(), b.centreId(), b.manufacturerId(), b.productCode(),
                b.slotId(), b.apheresisDate(), b.purpose(), b.status(), b.previousBookingId(), b.chainOfIdentity(),
                b.labelVersionId(), b.bookedAt(), b.bookedByName(), b.endedAt(), b.endedByName(), null, b.version());
    }

    static String window(ManufacturingSlot slot) {
        return slot.windowStart().equals(slot.windowEnd()) ? slot.windowStart().toString()
                : slot.windowStart() + " to " + slot.windowEnd();
    }

    private static Map<String, Object> auditView(SlotBooking b, BookingPlan plan) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("caseId", b.caseId().toString());
        view.put("caseReference", b.caseReference());
        view.put("slotId", b.slotId().toString());
        view.put("apheresisDate", b.apheresisDate() == null ? null : b.apheresisDate().toString());
        view.put("purpose", b.purpose().name());
        view.put("status", b.status().name());
        if (plan != null) {
            Map<String, Object> steps = new LinkedHashMap<>();
            plan.steps().forEach(s -> steps.put(s.step().name(), s.plannedOn().toString()));
            view.put("plan", steps);
            view.put("conflicts", plan.conflicts().size());
        }
        return view;
    }
}
