package org.cartpath.scheduling;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.cartpath.shared.OrganisationId;

/** A centre's apheresis unit: how many chairs it has a day and on which weekdays it collects. */
public record ApheresisUnit(OrganisationId centreId, int chairsPerDay, Set<DayOfWeek> openingDays, int version,
        Instant updatedAt, String updatedBy) {

    public ApheresisUnit {
        openingDays = openingDays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(openingDays));
    }
}
