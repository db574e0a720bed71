package org.cartpath.monitoring.grading;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A CRS grade by the ASTCT consensus.
 *
 * @param grade       0 (no CRS) to 5 (death from CRS)
 * @param drivers     the domains whose grade is the overall grade; empty at grade 0
 * @param explanation why, in words a clinician can check against the inputs
 */
public record CrsGrade(int grade, Set<CrsDriver> drivers, String explanation) {

    public CrsGrade {
        drivers = drivers.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(drivers));
    }
}
