package org.cartpath.scheduling.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.scheduling.FittingSlot;
import org.cartpath.scheduling.SlotBooking;
import org.cartpath.shared.ProblemException;

/**
 * The refusals of scheduling (ADR 0015): each a specific 409 or 422 that says what would
 * fit instead — open apheresis days, fitting slots, or the bookings in the way — and changes nothing.
 */
public final class SchedulingProblems {

    /** A booking that stands in the way of lowering capacity, as the refusal lists it. */
    public record BookingInTheWay(String bookingId, String caseReference, LocalDate apheresisDate, LocalDate slotStart,
            LocalDate slotEnd) {
    }

    private SchedulingProblems() {
    }

    public static ProblemException apheresisDateInPast(LocalDate date, LocalDate today, List<LocalDate> openDays) {
        return problem("apheresis-date-in-past", 422, "The apheresis date " + date + " is in the past (today is " + today
                + ")" + firstOf(openDays), Map.of("apheresisDate", date, "openApheresisDays", openDays));
    }

    public static ProblemException apheresisDayClosed(LocalDate date, String why, List<LocalDate> openDays) {
        return problem("apheresis-day-closed", 422, "The apheresis unit does not collect on " + date + " (" + why + ")"
                + firstOf(openDays), Map.of("apheresisDate", date, "openApheresisDays", openDays));
    }

    public static ProblemException apheresisDayFull(LocalDate date, int chairs, List<LocalDate> openDays) {
        return problem("apheresis-day-full", 409, "All " + chairs + " apheresis chairs on " + date + " are booked"
                + firstOf(openDays), Map.of("apheresisDate", date, "openApheresisDays", openDays));
    }

    public static ProblemException slotBeforeCellsArrive(LocalDate arrival, LocalDate slotEnd, List<FittingSlot> fitting) {
        return problem("slot-before-cells-arrive", 422, "The cells would reach the site on " + arrival
                + ", after the slot's last day " + slotEnd + ": choose a later slot or an earlier apheresis day"
                + fittingNote(fitting), Map.of("cellsArrive", arrival, "fittingSlots", fitting));
    }

    public static ProblemException slotProductMismatch(String slotProduct, String caseProduct, List<FittingSlot> fitting) {
        return problem("slot-product-mismatch", 422, "The slot is for " + slotProduct + " but the case is for "
                + caseProduct + fittingNote(fitting), Map.of("slotProduct", slotProduct, "caseProduct", caseProduct,
                        "fittingSlots", fitting));
    }

    public static ProblemException slotTaken(List<FittingSlot> fitting) {
        return problem("slot-taken", 409, "Another case has booked this slot" + fittingNote(fitting),
                Map.of("fittingSlots", fitting));
    }

    public static ProblemException slotOffered(String until, List<FittingSlot> fitting) {
        return problem("slot-offered", 409, "This slot is offered to the case at the top of the waitlist until " + until
                + fittingNote(fitting), Map.of("fittingSlots", fitting));
    }

    public static ProblemException slotUnavailable(String why, List<FittingSlot> fitting) {
        return problem("slot-unavailable", 409, "The slot cannot be booked: " + why + fittingNote(fitting),
                Map.of("fittingSlots", fitting));
    }

    public static ProblemException caseNotApproved(String reference, String stage, String stageLabel) {
        return problem("case-not-approved", 409, "Case " + reference + " is at stage '" + stageLabel
                + "': a slot is booked once the national panel has approved it (or after a manufacturing failure)",
                Map.of("currentStage", stage));
    }

    public static ProblemException caseAlreadyBooked(SlotBooking active) {
        return problem("case-already-booked", 409, "Case " + active.caseReference() + " already has a booking"
                + (active.apheresisDate() == null ? "" : " (apheresis " + active.apheresisDate() + ")")
                + ": reschedule or cancel it instead", Map.of("bookingId", active.id().toString()));
    }

    public static ProblemException cellsAlreadyCollected(String reference, String stage) {
        return problem("cells-already-collected", 409, "Case " + reference + " is at stage '" + stage
                + "': the booking can no longer be moved or cancelled", Map.of("currentStage", stage));
    }

    public static ProblemException bookingNotActive(String status) {
        return problem("booking-not-active", 409, "This booking is " + status.toLowerCase(java.util.Locale.ROOT)
                + "; only an active booking can be rescheduled or cancelled", Map.of("status", status));
    }

    public static ProblemException capacityBelowBookings(String what, List<BookingInTheWay> inTheWay) {
        return problem("capacity-below-bookings", 409, what + " would leave fewer places than bookings: "
                + inTheWay.size() + " booking(s) are in the way (" + String.join(", ",
                        inTheWay.stream().map(BookingInTheWay::caseReference).toList())
                + "); move or cancel them first", Map.of("bookingsInTheWay", inTheWay));
    }

    private static ProblemException problem(String type, int status, String detail, Map<String, Object> properties) {
        return new ProblemException(type, status, status == 409 ? "Conflict with the current state"
                : "The request breaks a rule", detail, List.of(), new LinkedHashMap<>(properties));
    }

    private static String firstOf(List<LocalDate> openDays) {
        return openDays.isEmpty() ? "; no open apheresis day with a free chair in the next 8 weeks"
                : "; the next open days with a free chair are " + String.join(", ", openDays.stream().map(LocalDate::toString).toList());
    }

    private static String fittingNote(List<FittingSlot> fitting) {
        return fitting.isEmpty() ? "; no free slot fits this apheresis day" : "; " + fitting.size()
                + " free slot(s) fit, the first from " + fitting.get(0).windowStart() + " at " + fitting.get(0).siteName();
    }
}
