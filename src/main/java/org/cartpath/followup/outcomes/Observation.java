package org.cartpath.followup.outcomes;

/**
 * One subject's follow-up: the time of the event or of censoring (any unit, ≥ 0) and whether it was an event
 * ({@code true}: death, relapse, progression) or right-censoring ({@code false}).
 */
public record Observation(double time, boolean event) {

    public Observation {
        if (!Double.isFinite(time) || time < 0) {
            throw new IllegalArgumentException("time must be a finite number ≥ 0: " + time);
        }
    }

    public static Observation event(double time) {
        return new Observation(time, true);
    }

    public static Observation censored(double time) {
        return new Observation(time, false);
    }
}
