package org.cartpath.scheduling;

import java.time.LocalDate;

/**
 * One day of a centre's apheresis unit: its chairs (0 when closed) and how many are booked.
 *
 * @param exceptionReason why the day differs from the unit's usual week (an exceptional day's reason, or the bank
 *                        holiday that closes it), or null
 */
public record ApheresisDay(LocalDate day, int chairs, int booked, String exceptionReason) {

    public boolean open() {
        return chairs > 0;
    }

    public int free() {
        return Math.max(0, chairs - booked);
    }
}
