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
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Booking a manufacturing slot for a case, and the case's bookings as the actor may see them (ADR 0015). A booking
 * fixes the apheresis day, the slot and the plan of every later step; it takes the slot and a chair of the day
 * atomically, or nothing. Exactly one case holds a slot (a row lock on the slot, a unique booking per slot) and never
 * more cases than chairs collect on a day (a counter that a single statement increments only while a chair is free,
 * with a CHECK behind it). Rows are locked in one order — booking, slots by id, chair days by date, then the case and
 * the audit chain — so that concurrent bookings on any number of instances wait for each other rather than deadlock.
 * Which slots fit is {@link SlotAvailability}'s; moving and cancelling a booking are {@link BookingChanges}'.
 */
@Service
public class SlotBookings {

    private final BookingStore store;
    private final CapacityStore capacity;
    private final Waitlist waitlist;
    private final CaseJourney journey;
    private final CaseAccess access;
    private final CasePlanning planning;
    private final SlotFinder finder;
    private final BookingChecks checks;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Today today;

    SlotBookings(BookingStore store, CapacityStore capacity, Waitlist waitlist, CaseJourney journey, CaseAccess access,
            CasePlanning planning, SlotFinder finder, BookingChecks checks, AuditTrail audit,
            ApplicationEventPublisher events, Today today) {
        this.store = store;
        this.capacity = capacity;
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
            checks.checkApheresisDay(DataVisibility.clinicalScope(actor), c.treatingCentre(), day);
        }
        Supplier<List<FittingSlot>> fitting = checks.fitting(basis, day, c.id());
        ManufacturingSlot slot = capacity.lockSlot(command.slotId())
                .orElseThrow(() -> new NotFoundException("manufacturing slot", command.slotId()));
        checks.checkSlot(slot, basis, c.id(), fitting);
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
            checks.takeChair(DataVisibility.clinicalScope(actor), c.treatingCentre(), day);
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

    private static SlotBooking withoutReason(SlotBooking b) {
        return new SlotBooking(b.id(), b.caseId(), b.caseReference(), b.centreId(), b.manufacturerId(), b.productCode(),
                b.slotId(), b.apheresisDate(), b.purpose(), b.status(), b.previousBookingId(), b.chainOfIdentity(),
                b.labelVersionId(), b.bookedAt(), b.bookedByName(), b.endedAt(), b.endedByName(), null, b.version());
    }

    static String window(ManufacturingSlot slot) {
        return slot.windowStart().equals(slot.windowEnd()) ? slot.windowStart().toString()
                : slot.windowStart() + " to " + slot.windowEnd();
    }

    static Map<String, Object> auditView(SlotBooking b, BookingPlan plan) {
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
