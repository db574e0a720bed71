package org.cartpath.scheduling;

import java.time.LocalDate;

/**
 * One day of a case's booking calendar: the centre's apheresis chairs that day and the free manufacturing slots the
 * cells collected that day could reach, so that a coordinator sees chairs and slots together before choosing a day.
 *
 * @param fittingSlots     free slots of the case's product that fit, 0 when the unit is closed or full
 * @param earliestInfusion the earliest planned infusion among them, or null when none fits
 */
public record BookingDay(LocalDate day, ApheresisDay apheresis, int fittingSlots, LocalDate earliestInfusion) {

    /** A day a coordinator can book: a free chair and at least one slot that fits. */
    public boolean bookable() {
        return apheresis.free() > 0 && fittingSlots > 0;
    }
}
