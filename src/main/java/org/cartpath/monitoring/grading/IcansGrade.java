package org.cartpath.monitoring.grading;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * An ICANS grade by the ASTCT consensus.
 *
 * @param grade       0 (no ICANS) to 4
 * @param tool        the encephalopathy assessment the grade used: ICE or CAPD
 * @param drivers     the domains whose grade is the overall grade; empty at grade 0
 * @param explanation why, in words a clinician can check against the inputs
 */
public record IcansGrade(int grade, AssessmentTool tool, Set<IcansDriver> drivers, String explanation) {

    public IcansGrade {
        drivers = drivers.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(drivers));
    }
}
