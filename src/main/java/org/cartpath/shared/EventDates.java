package org.cartpath.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules that make a case's recorded dates agree with its booked plan, with each other and with the clock
 * (docs/clinical/dates.md gives each rule, its source and whether it refuses or asks for a signed reason). Plain
 * Java, used by custody (collections, shipments) and treatment (lymphodepletion plans, infusions).
 *
 * <ul>
 *   <li><b>Refused</b> — nothing clinical can make them true: an event in the future (beyond {@link #CLOCK_TOLERANCE}),
 *   a shipment of cells before they were collected, lymphodepletion starting before the cells were collected, an
 *   infusion before the product was received at the centre.</li>
 *   <li><b>Accepted with a signed reason</b> — clinical reality allows it: cells collected on another day than the
 *   booked apheresis day (the apheresis moved by a day because the patient was unwell, counts were low or a machine
 *   failed). The person recording it signs the reason with their password; it is audited and shown on the case.</li>
 * </ul>
 */
public final class EventDates {

    /**
     * How far ahead of cartpath's clock a recorded time may be: the sender's clock (a ward PC, a courier's handset)
     * may run a little fast, and a form is filled in a minute or two. Anything later is refused as in the future.
     */
    public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    /** Where a collection's day stands against the booked apheresis day. */
    public enum CollectionDay {
        /** Collected on the booked apheresis day. */
        ON_BOOKED_DAY,
        /** No booking names an apheresis day (nothing to reconcile, e.g. a re-collection arranged outside a booking). */
        NOTHING_BOOKED,
        /** Collected on another day: accepted only with a signed reason. */
        OFF_BOOKED_DAY
    }

    private EventDates() {
    }

    /** Whether {@code at} lies beyond {@code now} plus the tolerance (exactly now + tolerance is still accepted). */
    public static boolean inFuture(Instant at, Instant now) {
        return at.isAfter(now.plus(CLOCK_TOLERANCE));
    }

    /** 422 {@code timestamp-in-future} naming {@code field} when {@code at} is in the future. */
    public static void requireNotInFuture(String field, Instant at, Instant now, String what) {
        if (at != null && inFuture(at, now)) {
            throw refusal("timestamp-in-future", field, "must not be in the future: record " + what + " once it has happened",
                    what.substring(0, 1).toUpperCase() + what.substring(1) + " is dated " + at + ", after cartpath's time "
                            + now + " (allowing " + CLOCK_TOLERANCE.toMinutes() + " minutes for clocks that run fast)");
        }
    }

    public static CollectionDay collectionDay(LocalDate collectedOn, LocalDate bookedOn) {
        if (bookedOn == null) {
            return CollectionDay.NOTHING_BOOKED;
        }
        return collectedOn.equals(bookedOn) ? CollectionDay.ON_BOOKED_DAY : CollectionDay.OFF_BOOKED_DAY;
    }

    /**
     * The refusal of a step dated before the step it follows (an instant), or empty when it is in order. The same
     * instant as the previous step is in order.
     *
     * @param type  the problem type, e.g. {@code shipment-before-collection}
     * @param field the request's field that carries the time
     */
    public static Optional<ProblemException> before(String type, String field, Instant at, Instant previous,
            String message) {
        if (at == null || previous == null || !at.isBefore(previous)) {
            return Optional.empty();
        }
        return Optional.of(refusal(type, field, message, message.substring(0, 1).toUpperCase() + message.substring(1)));
    }

    /**
     * The refusal of a day before the day of the step it follows, or empty when it is in order. The same day is in
     * order: a calendar day says nothing of the hour.
     */
    public static Optional<ProblemException> dayBefore(String type, String field, LocalDate day, LocalDate previous,
            String message, String detail) {
        if (day == null || previous == null || !day.isBefore(previous)) {
            return Optional.empty();
        }
        return Optional.of(refusal(type, field, message, detail));
    }

    /** A 422 refusal with its own problem type that names the field, so a form shows it in that field's label. */
    public static ProblemException refusal(String type, String field, String message, String detail) {
        return new ProblemException(type, 422, "The request breaks a rule", detail,
                List.of(new ProblemException.FieldProblem(field, message)), Map.of());
    }
}
