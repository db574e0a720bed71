package org.cartpath.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cartpath.shared.OrganisationId;

/**
 * One site's manufacturing capacity for one product and ISO week, as a manufacturer publishes it (or a centre's
 * coordinator mirrors it from the manufacturer's portal). Either slots per weekday or slots for the whole week;
 * exceptions change single days, and an exception with no slots is a site holiday: the site neither receives nor
 * ships cells that day.
 *
 * @param manufacturerId the manufacturer; a manufacturer's own operators may leave it out
 * @param weekStart      the Monday of the week
 * @param mirroredFrom   for a mirrored publication, where it was copied from (the portal page, a reference)
 */
public record CapacityPublication(OrganisationId manufacturerId, String siteCode, String siteName, String productCode,
        LocalDate weekStart, Map<DayOfWeek, Integer> slotsPerDay, Integer slotsPerWeek, List<CapacityException> exceptions,
        String mirroredFrom) {

    /** A day that differs from the rest of the week; {@code slots} 0 (or none) closes the site that day. */
    public record CapacityException(LocalDate date, Integer slots, String reason) {
    }
}
