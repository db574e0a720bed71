package org.cartpath.monitoring.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.cartpath.catalogue.TocilizumabParameters;

/**
 * When another dose of tocilizumab for CRS may be given, by the numbers of the case's label version or the catalogue's
 * tocilizumab document ({@link TocilizumabParameters}; docs/clinical/tocilizumab.md). For the RoActemra SmPC, section
 * 4.2 "Cytokine release syndrome": "the interval between consecutive doses should be at least 8 hours", up to 3 further
 * doses after the first (4 in all); the CAR-T labels' CRS management tables (e.g. Yescarta and Kymriah US prescribing
 * information, section 2): "limit to a maximum of 3 doses in a 24-hour period; maximum total of 4 doses". cartpath
 * applies the total per CRS episode (the course since the last CRS resolution).
 *
 * <p>Boundaries: a dose exactly the minimum interval after the previous one is allowed; "in 24 hours" is the 24 hours
 * before a dose, excluding the instant exactly 24 hours earlier, so a dose exactly 24 hours after the first of three is
 * allowed. The dose itself is checked against the weight elsewhere ({@code TocilizumabDose}).
 */
public final class TocilizumabRules {

    /** The window of the count per 24 hours: the 24 hours are the rule's name, not a label number. */
    public static final Duration WINDOW = Duration.ofHours(24);

    /** The rules a dose can break; the dose rule is checked by the caller and listed here to be overridden. */
    public enum Rule {
        /** The names are kept as first written (stored with overridden doses); the numbers are the label's. */
        MIN_INTERVAL_8_HOURS,
        MAX_3_IN_24_HOURS,
        MAX_4_PER_EPISODE,
        DOSE_ABOVE_WEIGHT_BASED;

        /** The rule in words, with the label's numbers: "at least 8 hours between doses". */
        public String label(TocilizumabParameters label) {
            return switch (this) {
                case MIN_INTERVAL_8_HOURS -> "at least " + hours(label) + " between doses";
                case MAX_3_IN_24_HOURS -> "at most " + label.maxIn24Hours() + " doses in 24 hours";
                case MAX_4_PER_EPISODE -> "at most " + label.maxPerEpisode() + " doses in a CRS episode";
                case DOSE_ABOVE_WEIGHT_BASED -> "no more than the dose for the patient's weight";
            };
        }
    }

    /** The minimum interval in words: "8 hours", "7.5 hours". */
    public static String hours(TocilizumabParameters label) {
        BigDecimal h = label.minIntervalHours().value().stripTrailingZeros();
        String plain = (h.scale() < 0 ? h.setScale(0) : h).toPlainString();
        return plain + (h.compareTo(BigDecimal.ONE) == 0 ? " hour" : " hours");
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
    public static List<Violation> check(List<Instant> given, Instant courseStart, Instant proposed,
            TocilizumabParameters label) {
        List<Violation> violations = new ArrayList<>();
        Duration interval = label.minInterval();
        Optional<Instant> earliest = earliestTimingAllowed(given, proposed, label);
        List<Instant> tooClose = given.stream()
                .filter(d -> d.isAfter(proposed.minus(interval)) && d.isBefore(proposed.plus(interval)))
                .toList();
        if (!tooClose.isEmpty()) {
            boolean laterDose = tooClose.stream().anyMatch(d -> d.isAfter(proposed));
            violations.add(new Violation(Rule.MIN_INTERVAL_8_HOURS, "Another dose was recorded at " + tooClose.get(0)
                    + ", less than " + hours(label) + " " + (laterDose ? "from" : "before") + " this one",
                    laterDose ? Optional.empty() : earliest));
        }
        if (breaksWindow(given, proposed, label.maxIn24Hours())) {
            violations.add(new Violation(Rule.MAX_3_IN_24_HOURS,
                    "This would be more than " + label.maxIn24Hours() + " doses within 24 hours", earliest));
        }
        long inCourse = given.stream().filter(d -> !d.isBefore(courseStart)).count();
        if (inCourse >= label.maxPerEpisode()) {
            violations.add(new Violation(Rule.MAX_4_PER_EPISODE, inCourse + " doses have already been given in this"
                    + " CRS episode (since " + courseStart + ")", Optional.empty()));
        }
        return violations;
    }

    /**
     * The earliest time, from {@code now}, at which a further dose breaks no timing rule; empty when the
     * episode's doses (4) have been given.
     */
    public static Optional<Instant> earliestNext(List<Instant> given, Instant courseStart, Instant now,
            TocilizumabParameters label) {
        if (given.stream().filter(d -> !d.isBefore(courseStart)).count() >= label.maxPerEpisode()) {
            return Optional.empty();
        }
        return earliestTimingAllowed(given, now, label);
    }

    /** The earliest allowed time is always now or a boundary: the interval (8 hours) or 24 hours after a dose. */
    private static Optional<Instant> earliestTimingAllowed(List<Instant> given, Instant from,
            TocilizumabParameters label) {
        TreeSet<Instant> candidates = new TreeSet<>();
        candidates.add(from);
        for (Instant dose : given) {
            candidates.add(dose.plus(label.minInterval()));
            candidates.add(dose.plus(WINDOW));
        }
        return candidates.tailSet(from, true).stream().filter(t -> timingAllows(given, t, label)).findFirst();
    }

    private static boolean timingAllows(List<Instant> given, Instant at, TocilizumabParameters label) {
        Duration interval = label.minInterval();
        boolean spaced = given.stream()
                .noneMatch(d -> d.isAfter(at.minus(interval)) && d.isBefore(at.plus(interval)));
        return spaced && !breaksWindow(given, at, label.maxIn24Hours());
    }

    /** Whether any 24-hour window holding the proposed dose would then hold more than the label allows (3). */
    private static boolean breaksWindow(List<Instant> given, Instant proposed, int maxInWindow) {
        List<Instant> all = new ArrayList<>(given);
        all.add(proposed);
        for (Instant end : all) {
            if (end.isBefore(proposed) || !end.minus(WINDOW).isBefore(proposed)) {
                continue; // a window ending at `end` and holding the proposed dose
            }
            long inWindow = all.stream().filter(d -> d.isAfter(end.minus(WINDOW)) && !d.isAfter(end)).count();
            if (inWindow > maxInWindow) {
                return true;
            }
        }
        return false;
    }
}
