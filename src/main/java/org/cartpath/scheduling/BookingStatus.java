package org.cartpath.scheduling;

/**
 * Where a booking stands. Only BOOKED holds a slot and an apheresis chair; the others are history, kept with
 * the reason: a reschedule ends the booking as RESCHEDULED and books anew, a cancellation as CANCELLED, a
 * re-collection after a manufacturing failure ends the used booking as SUPERSEDED.
 */
public enum BookingStatus {
    BOOKED, RESCHEDULED, CANCELLED, SUPERSEDED
}
