package org.cartpath.scheduling.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.scheduling.Availability;
import org.cartpath.scheduling.BookingChanges;
import org.cartpath.scheduling.BookingOutcome;
import org.cartpath.scheduling.BookingPlan;
import org.cartpath.scheduling.FittingSlot;
import org.cartpath.scheduling.NewBooking;
import org.cartpath.scheduling.PlannedStep;
import org.cartpath.scheduling.Rescheduling;
import org.cartpath.scheduling.SlotBooking;
import org.cartpath.scheduling.SlotAvailability;
import org.cartpath.scheduling.SlotBookings;
import org.cartpath.scheduling.internal.Fields;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Ids;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.RequestFields;
import org.cartpath.shared.TextLimits;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Bookings", description = "Slots that fit an apheresis day; booking, rescheduling and cancelling; the plan")
class BookingApiController {

    record BookingRequest(
            @Size(max = TextLimits.SHORT) String caseId,
            @Size(max = TextLimits.SHORT) String slotId,
            @Size(max = TextLimits.SHORT) String apheresisDate,
            Boolean remanufacture) {
    }

    record ReschedulingRequest(
            @Size(max = TextLimits.SHORT) String apheresisDate,
            @Size(max = TextLimits.SHORT) String slotId,
            @Size(max = TextLimits.LONG) String reason) {
    }

    record CancellationRequest(@Size(max = TextLimits.LONG) String reason) {
    }

    /** A booking with its plan; after a reschedule, the steps that no longer fit and the slots that would. */
    record BookingResponse(SlotBooking booking, BookingPlan plan, List<PlannedStep> conflicts, List<FittingSlot> alternatives) {
        static BookingResponse of(BookingOutcome outcome) {
            return new BookingResponse(outcome.booking(), outcome.plan(), outcome.conflicts(), outcome.alternatives());
        }
    }

    private final SlotAvailability availability;
    private final SlotBookings bookings;
    private final BookingChanges changes;

    BookingApiController(SlotAvailability availability, SlotBookings bookings, BookingChanges changes) {
        this.availability = availability;
        this.bookings = bookings;
        this.changes = changes;
    }

    @GetMapping("/cases/{id}/slot-availability")
    @Operation(summary = "The free slots of the case's product that fit an apheresis day, earliest infusion first",
            description = "422 apheresis-date-in-past or apheresis-day-closed with the next open days. "
                    + "The apheresis day's chairs are in apheresisDay.")
    Availability availability(Actor actor, @PathVariable String id, @RequestParam(required = false) String apheresisDate,
            @RequestParam(required = false) BigDecimal weeks) {
        return availability.availability(actor, CaseId.of(id), Fields.date(apheresisDate, "apheresisDate"),
                RequestFields.wholeNumber(weeks, "weeks"));
    }

    @PostMapping("/bookings")
    @Operation(summary = "Book a slot and an apheresis day for a panel-approved case (the treating centre's coordinators)",
            description = "Moves the case to SLOT_BOOKED and makes the manufacturer a party. Refusals write nothing: "
                    + "409 case-not-approved, slot-taken, slot-offered, slot-unavailable, apheresis-day-full, "
                    + "case-already-booked; 422 apheresis-date-in-past, apheresis-day-closed, slot-before-cells-arrive, "
                    + "slot-product-mismatch — each with the open days or fitting slots. After a manufacturing failure "
                    + "(case IN_MANUFACTURING) it books the re-collection, or with remanufacture=true a re-manufacture "
                    + "without apheresis. Accepts Idempotency-Key.")
    ResponseEntity<BookingResponse> book(Actor actor, @RequestBody(required = false) BookingRequest body) {
        if (body == null) {
            throw ProblemException.invalid("body", "send caseId, slotId and apheresisDate");
        }
        // a blank caseId is a missing one: the booking names the field (400), never a null id
        java.util.UUID caseId = Fields.id(body.caseId(), "caseId");
        NewBooking command = new NewBooking(caseId == null ? null : new CaseId(caseId),
                Fields.id(body.slotId(), "slotId"), Fields.date(body.apheresisDate(), "apheresisDate"),
                Boolean.TRUE.equals(body.remanufacture()));
        return ResponseEntity.status(HttpStatus.CREATED).body(BookingResponse.of(bookings.book(actor, command)));
    }

    @GetMapping("/bookings/{id}")
    @Operation(summary = "A booking and its plan (manufacturers: their own bookings, without free-text reasons)")
    BookingResponse booking(Actor actor, @PathVariable String id) {
        SlotBooking booking = bookings.booking(actor, uuid(id));
        BookingPlan plan = bookings.plan(actor, booking.id());
        return new BookingResponse(booking, plan, plan.conflicts(), List.of());
    }

    @GetMapping("/cases/{id}/bookings")
    @Operation(summary = "Every booking of a case, newest first: its booking history")
    List<SlotBooking> history(Actor actor, @PathVariable String id) {
        return bookings.history(actor, CaseId.of(id));
    }

    @PostMapping("/bookings/{id}/rescheduling")
    @Operation(summary = "Move a booking to another apheresis day (and optionally another slot), with a reason",
            description = "The booking ends as RESCHEDULED and a new one replaces it, with a new plan. If the kept slot "
                    + "is now before the cells can arrive, the move is made and 'conflicts' lists what no longer fits, "
                    + "with 'alternatives'. Accepts Idempotency-Key.")
    BookingResponse reschedule(Actor actor, @PathVariable String id, @RequestBody(required = false) ReschedulingRequest body) {
        if (body == null) {
            throw ProblemException.invalid("body", "send apheresisDate and reason");
        }
        return BookingResponse.of(changes.reschedule(actor, uuid(id), new Rescheduling(
                Fields.date(body.apheresisDate(), "apheresisDate"), Fields.id(body.slotId(), "slotId"), body.reason())));
    }

    @PostMapping("/bookings/{id}/cancellation")
    @Operation(summary = "Cancel a booking before collection, with a reason; the slot is offered to the waitlist",
            description = "The case keeps its stage and gets a task to rebook (ADR 15). Accepts Idempotency-Key.")
    SlotBooking cancel(Actor actor, @PathVariable String id, @RequestBody(required = false) CancellationRequest body) {
        return changes.cancel(actor, uuid(id), body == null ? null : body.reason());
    }

    static UUID uuid(String id) {
        return Ids.parse(id, "booking");
    }
}
