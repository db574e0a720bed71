package org.cartpath.treatment.lymphodepletion;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How old a measurement may be when lymphodepletion doses are calculated from it (ADR 0017: doses computed
 * from a weight older than a configurable number of days are refused). The limit is a centre setting
 * ({@code cartpath.treatment.ld-max-measurement-age-days}); a measurement taken {@code maxDays} days before
 * the calculation is still used, one a day older is not.
 */
public final class MeasurementAge {

    private MeasurementAge() {
    }

    /** Whole days from the measurement to the day of the calculation. */
    public static long days(LocalDate measuredOn, LocalDate calculatedOn) {
        return ChronoUnit.DAYS.between(measuredOn, calculatedOn);
    }

    /** Whether a measurement is too old to dose by; a missing one is not "too old" but missing. */
    public static boolean tooOld(LocalDate measuredOn, LocalDate calculatedOn, int maxDays) {
        if (maxDays < 0) {
            throw new IllegalArgumentException("the maximum age of a measurement cannot be negative");
        }
        return measuredOn != null && days(measuredOn, calculatedOn) > maxDays;
    }
}
