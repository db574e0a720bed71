package org.cartpath.scheduling;

import java.time.LocalDate;

/**
 * A line of a product's waitlist as one actor may see it. Another centre's case shows only its position, score
 * and centre: its reference, reasons and case belong to the parties of that case.
 *
 * @param entry            the entry, or null when the actor's organisation is not a party to the case
 * @param centreName       the treating centre
 * @param daysWaiting      whole days since the case joined
 * @param offer            the open offer of a slot to this case, if any
 * @param expectedSlotDate the first day of the slot this case would get if every free slot went down the list
 *                         in order, or null when not enough capacity is published
 */
public record RankedEntry(int position, WaitlistEntry entry, String centreName, String productCode, long daysWaiting,
        PriorityScore score, boolean committeeOverride, SlotOffer offer, LocalDate expectedSlotDate,
        LocalDate expectedInfusionDate) {

    public boolean visible() {
        return entry != null;
    }
}
