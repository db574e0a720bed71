package org.cartpath.monitoring;

import java.time.Instant;

/**
 * A CRS or ICANS episode derived from the current assessments: onset (first grade 1 or more after grade 0),
 * highest grade, and resolution (the first grade 0 after it), with their day numbers.
 */
public record ToxicityEpisode(
        Syndrome syndrome,
        int sequence,
        Instant onsetAt,
        int onsetDay,
        int highestGrade,
        Instant highestAt,
        Instant resolvedAt,
        Integer resolvedDay) {

    public enum Syndrome { CRS, ICANS }

    public boolean isOpen() {
        return resolvedAt == null;
    }
}
