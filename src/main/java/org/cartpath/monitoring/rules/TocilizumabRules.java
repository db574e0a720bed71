package org.cartpath.monitoring.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * When another dose of tocilizumab for CRS may be given. Actemra (tocilizumab) US prescribing information,
 * section 2, "Cytokine Release Syndrome": "the interval between consecutive doses should be at least 8
 * hours", up to 3 further doses after the first (4 in all); the CAR-T labels' CRS management tables
 * (e.g. Yescarta and Kymriah US prescribing information, section 2): "limit to a maximum of 3 doses in a
 * 24-hour period; maximum total of 4 doses" (docs/clinical/tocilizumab.md). cartpath applies the total of 4 per CRS
 * episode (the course since the last CRS resolution; docs/clinical/tocilizumab.md).
 *
 * <p>Boundaries: a dose exactly 8 hours after the previous one is allowed; "in 24 hours" is the 24 hours
 * before a dose, excluding the instant exactly 24 hours earlier, so a dose exactly 24 hours after the first
 * of three is allowed. The dose itself is checked against the weight elsewhere ({@code TocilizumabDose}).
 */
public final class TocilizumabRules {

    public static final Duration MIN_INTERVAL = Duration.ofHours(8);
    public static final Duration WINDOW = Duration.ofHours(24);
    public static final int MAX_IN_WINDOW = 3;
    public static final int MAX_PER_EPISODE = 4;

    /** The rules a dose can break; the dose rule is checked by the caller and listed here to be overridden. */
    public enum Rule {
        MIN_INTERVAL_8_HOURS("at least 8 hours between doses"),
        MAX_3_IN_24_HOURS("at most 3 doses in 24 hours"),
        MAX_4_PER_EPISODE("at most 4 doses in a CRS episode"),
        DOSE_ABOVE_WEIGHT_BASED("no more than the dose for the patient's weight");

        private final String label;

        Rule(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A rule a proposed dose breaks.
     *
     * @param earliestAllowed when the rule would allow it; empty when waiting does not help (the episode
     *                        limit, or a later dose already recorded)
     */
    public record Violation(Rule rule, String detail, Optional<Instant> earliestAllowed) {
    }

    private TocilizumabRules() {
    }

    /**
     * The rules a dose at {@code proposed} would break, given the doses already recorded for the case and
     * the start of the current CRS episode's course (doses from then on count towards the 4).
     */
    public static List<Violation> check(List<Instant> given, Instant courseStart, Instant proposed) {
        List<Violation> violations = new ArrayList<>();
        Optional<Instant> earliest = earliestTimingAllowed(given, proposed);
        List<Instant> tooClose = given.stream()
                .filter(d -> d.isAfter(proposed.minus(MIN_INTERVAL)) && d.isBefore(proposed.plus(MIN_INTERVAL)))
                .toList();
        if (!tooClose.isEmpty()) {
            boolean laterDose = tooClose.stream().anyMatch(d -> d.isAfter(proposed));
            violations.add(new Violation(Rule.MIN_INTERVAL_8_HOURS, "Another dose was recorded at " + tooClose.get(0)
                    + ", less than 8 hours " + (laterDose ? "from" : "before") + " this one",
                    laterDose ? Optional.empty() : earliest));
        }
        if (breaksWindow(given, proposed)) {
            violations.add(new Violation(Rule.MAX_3_IN_24_HOURS,
                    "This would be more than 3 doses within 24 hours", earliest));
        }
        long inCourse = given.stream().filter(d -> !d.isBefore(courseStart)).count();
        if (inCourse >= MAX_PER_EPISODE) {
            violations.add(new Violation(Rule.MAX_4_PER_EPISODE, inCourse + " doses have already been given in this"
                    + " CRS episode (since " + courseStart + ")", Optional.empty()));
        }
        return violations;
    }

    /**
     * The earliest time, from {@code now}, at which a further dose breaks no timing rule; empty when the
     * episode's 4 doses have been given.
     */
    public static Optional<Instant> earliestNext(List<Instant> given, Instant courseStart, Instant now) {
        if (given.stream().filter(d -> !d.isBefore(courseStart)).count() >= MAX_PER_EPISODE) {
            return Optional.empty();
        }
        return earliestTimingAllowed(given, now);
    }

    /** The earliest allowed time is always now or a boundary: 8 or 24 hours after a recorded dose. */
    private static Optional<Instant> earliestTimingAllowed(List<Instant> given, Instant from) {
        TreeSet<Instant> candidates = new TreeSet<>();
        candidates.add(from);
        for (Instant dose : given) {
            candidates.add(dose.plus(MIN_INTERVAL));
            candidates.add(dose.plus(WINDOW));
        }
        return candidates.tailSet(from, true).stream().filter(t -> timingAllows(given, t)).findFirst();
    }

    private static boolean timingAllows(List<Instant> given, Instant at) {
        boolean spaced = given.stream()
                .noneMatch(d -> d.isAfter(at.minus(MIN_INTERVAL)) && d.isBefore(at.plus(MIN_INTERVAL)));
        return spaced && !breaksWindow(given, at);
    }

    /** Whether any 24-hour window holding the proposed dose would then hold more than 3. */
    private static boolean breaksWindow(List<Instant> given, Instant proposed) {
        List<Instant> all = new ArrayList<>(given);
        all.add(proposed);
        for (Instant end : all) {
            if (end.isBefore(proposed) || !end.minus(WINDOW).isBefore(proposed)) {
                continue; // a window ending at `end` and holding the proposed dose
            }
            long inWindow = all.stream().filter(d -> d.isAfter(end.minus(WINDOW)) && !d.isAfter(end)).count();
            if (inWindow > MAX_IN_WINDOW) {
                return true;
            }
        }
        return false;
    }
}
