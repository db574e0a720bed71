package org.cartpath.reporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.cartpath.reporting.Disclosure.Count;
import org.cartpath.reporting.measures.FunnelLimits;
import org.cartpath.shared.ProblemException;

/**
 * The commissioner's comparison of centres: a funnel plot of one outcome rate against the number of patients, with
 * 95 % and 99.8 % exact binomial control limits around the national rate (Spiegelhalter, Stat Med
 * 2005;24:1185–1202; docs/clinical/outcome-measures.md, "Comparing centres"; ADR 0032). Plain Java.
 */
public final class CentreComparison {

    /** The rates a funnel plot compares: a proportion of the infused patients, each with its own definition. */
    public enum Measure {
        SEVERE_CRS("Severe CRS (grade 3 or more)", p -> p.crsGrade() >= OutcomeMeasures.SEVERE_GRADE),
        SEVERE_ICANS("Severe ICANS (grade 3 or more)", p -> p.icansGrade() >= OutcomeMeasures.SEVERE_GRADE),
        DEATH_BY_DAY_100("Death by day 100", p -> p.diedOn() != null && !p.diedOn().isAfter(p.dayZero().plusDays(100)));

        private final String label;
        private final Predicate<CohortPatient> event;

        Measure(String label, Predicate<CohortPatient> event) {
            this.label = label;
            this.event = event;
        }

        public String label() {
            return label;
        }

        /** Reads the measure from a request parameter (default: severe CRS); refuses anything else with 400. */
        public static Measure parse(String value) {
            if (value == null || value.isBlank()) {
                return SEVERE_CRS;
            }
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid(List.of(new ProblemException.FieldProblem("measure",
                        "Choose a measure from the list")));
            }
        }
    }

    /** One centre's point: its rate and where it lies (null rate: fewer than 5 patients, not plotted). */
    public record Centre(String name, Count patients, Count events, Double rate, String position) {
    }

    /** The funnel: the national rate, each centre, and the limits at every number of patients up to the largest. */
    public record Funnel(Measure measure, String label, Count patients, Count events, Double nationalRate,
            List<Centre> centres, List<FunnelLimits.Limits> limits, String note) {
    }

    static final String NOTE = "Each centre's rate against its number of infused patients. The national rate is every "
            + "centre's patients together; the inner lines are 95 % and the outer 99.8 % exact binomial control "
            + "limits (Spiegelhalter 2005), as NHS national clinical audits draw them. A centre outside the 99.8 % "
            + "limits is unlikely to differ by chance alone; case mix is not adjusted for. Centres with fewer than 5 "
            + "patients are not plotted, and event counts of 1 to 4 are shown as \"<5\".";

    private CentreComparison() {
    }

    /** {@code byCentre}: each centre's name and its infused patients in the filters. */
    static Funnel funnel(Measure measure, Map<String, List<CohortPatient>> byCentre) {
        Disclosure disclosure = Disclosure.SUPPRESSED;
        long patients = byCentre.values().stream().mapToLong(List::size).sum();
        long events = byCentre.values().stream().flatMap(List::stream).filter(measure.event).count();
        if (patients == 0) {
            return new Funnel(measure, measure.label(), disclosure.count(0), disclosure.count(0), null, List.of(),
                    List.of(), NOTE);
        }
        double national = (double) events / patients;
        // 1–4 events (or non-events) in the whole country: the national rate, and the limits drawn from it, would
        // reveal them, so nothing is compared
        boolean comparable = disclosure.shows(events) && disclosure.shows(patients - events);
        List<Centre> centres = new ArrayList<>();
        int largest = 0;
        for (Map.Entry<String, List<CohortPatient>> centre : byCentre.entrySet()) {
            int n = centre.getValue().size();
            if (n == 0) {
                continue;
            }
            long r = centre.getValue().stream().filter(measure.event).count();
            if (disclosure.suppressed(n) || !comparable) {
                centres.add(new Centre(centre.getKey(), disclosure.count(n), disclosure.count(r), null,
                        comparable ? "Fewer than 5 patients: not plotted" : "Not compared: too few events nationally"));
                continue;
            }
            largest = Math.max(largest, n);
            double rate = (double) r / n;
            centres.add(new Centre(centre.getKey(), disclosure.count(n), disclosure.count(r), rate,
                    position(rate, FunnelLimits.at(n, national))));
        }
        centres.sort(Comparator.comparing(Centre::name));
        List<FunnelLimits.Limits> limits = new ArrayList<>();
        for (int n = Disclosure.SMALLEST_SHOWN; comparable && n <= largest; n++) {
            limits.add(FunnelLimits.at(n, national));
        }
        return new Funnel(measure, measure.label(), disclosure.count(patients), disclosure.count(events),
                comparable ? national : null, List.copyOf(centres), List.copyOf(limits), NOTE);
    }

    /** Where a rate lies against the limits at its number of patients (on a limit counts as within). */
    static String position(double rate, FunnelLimits.Limits at) {
        if (rate > at.upper998()) {
            return "Above the 99.8 % limit (alarm)";
        }
        if (rate > at.upper95()) {
            return "Above the 95 % limit (alert)";
        }
        if (rate < at.lower998()) {
            return "Below the 99.8 % limit";
        }
        if (rate < at.lower95()) {
            return "Below the 95 % limit";
        }
        return "Within the 95 % limits";
    }
}
