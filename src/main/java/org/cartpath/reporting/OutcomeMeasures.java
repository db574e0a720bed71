package org.cartpath.reporting;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.cartpath.followup.outcomes.ConfidenceInterval;
import org.cartpath.followup.outcomes.KaplanMeier;
import org.cartpath.followup.outcomes.Observation;
import org.cartpath.reporting.Disclosure.Count;
import org.cartpath.reporting.measures.ClopperPearson;
import org.cartpath.reporting.measures.Quartiles;

/**
 * The measures of docs/clinical/outcome-measures.md computed from a cohort's patients: plain Java, no database, so each
 * definition is tested on small hand-computed cohorts ({@code OutcomeMeasuresTest}).
 */
final class OutcomeMeasures {

    /** ASTCT 2019 (Lee et al., Biol Blood Marrow Transplant 2019;25:625–638): grade 3 or more is severe. */
    static final int SEVERE_GRADE = 3;
    /** Days after infusion at which the numbers at risk are shown: the registries' day 100, 6 months, years 1 and 2. */
    static final int[] AT_RISK_DAYS = {0, 100, 183, 365, 730};
    static final String[] AT_RISK_LABELS = {"Day 0", "Day 100", "6 months", "1 year", "2 years"};
    static final int BIN_WIDTH_DAYS = 14;
    static final double LEVEL = 0.95;

    private static final Map<String, String> FAILURE_REASONS = Map.of("POOR_GROWTH", "Poor growth", "LOW_VIABILITY",
            "Low viability", "LOW_PURITY", "Low purity", "OTHER", "Other reason");

    private OutcomeMeasures() {
    }

    // --- toxicity ----------------------------------------------------------------------------------------------

    static Outcomes.Toxicity toxicity(List<CohortPatient> patients, Disclosure disclosure) {
        long toci = patients.stream().filter(CohortPatient::tocilizumab).count();
        return new Outcomes.Toxicity(
                syndrome("Cytokine release syndrome (CRS)", patients, CohortPatient::crsGrade,
                        CohortPatient::crsOnsetDay, disclosure),
                syndrome("Immune effector cell-associated neurotoxicity syndrome (ICANS)", patients,
                        CohortPatient::icansGrade, CohortPatient::icansOnsetDay, disclosure),
                proportion(toci, patients.size(), disclosure), null,
                "Steroid doses are not yet recorded in cartpath (only the steroid guidance is shown), so steroid use "
                        + "cannot be counted.", null,
                "Admission to intensive care is not recorded in cartpath (monitoring records grades, assessments and "
                        + "tocilizumab, not where the patient was cared for), so ICU admission cannot be counted.",
                windows(patients, disclosure));
    }

    /** The registry windows (monitoring's RegistryPeriods; docs/clinical/follow-up.md): label, first day, last day. */
    static final String[] WINDOW_LABELS = {"Day 0 to day 100", "Day 101 to 6 months", "6 months to 1 year",
            "After 1 year"};

    /**
     * CRS and ICANS by the registry window their episode began in: of the patients followed into the window (their
     * last day known alive, or their death, on or after its first day), those with an episode of any grade, and of
     * grade 3 or more, beginning in it. The windows are calendar periods from day 0, as the registry forms count them.
     */
    static List<Outcomes.Window> windows(List<CohortPatient> patients, Disclosure disclosure) {
        List<Outcomes.Window> windows = new ArrayList<>();
        for (int w = 0; w < WINDOW_LABELS.length; w++) {
            int window = w;
            List<CohortPatient> followed = patients.stream()
                    .filter(p -> !lastKnown(p).isBefore(windowStart(p.dayZero(), window))).toList();
            windows.add(new Outcomes.Window(WINDOW_LABELS[w], WINDOW_FIRST_DAYS[w],
                    w == WINDOW_LABELS.length - 1 ? null : WINDOW_FIRST_DAYS[w + 1] - 1, disclosure.count(followed.size()),
                    proportion(withEpisode(followed, "CRS", 1, w), followed.size(), disclosure),
                    proportion(withEpisode(followed, "CRS", SEVERE_GRADE, w), followed.size(), disclosure),
                    proportion(withEpisode(followed, "ICANS", 1, w), followed.size(), disclosure),
                    proportion(withEpisode(followed, "ICANS", SEVERE_GRADE, w), followed.size(), disclosure)));
        }
        return List.copyOf(windows);
    }

    /** The windows' first days as nominal days after infusion (for the API; the dates are calendar periods). */
    static final int[] WINDOW_FIRST_DAYS = {0, 101, 183, 366};

    static java.time.LocalDate windowStart(java.time.LocalDate dayZero, int window) {
        return switch (window) {
            case 0 -> dayZero;
            case 1 -> dayZero.plusDays(101);
            case 2 -> dayZero.plusMonths(6).plusDays(1);
            default -> dayZero.plusYears(1).plusDays(1);
        };
    }

    static int windowOf(java.time.LocalDate dayZero, int onsetDay) {
        java.time.LocalDate onset = dayZero.plusDays(onsetDay);
        int window = 0;
        for (int w = 1; w < WINDOW_LABELS.length; w++) {
            if (!onset.isBefore(windowStart(dayZero, w))) {
                window = w;
            }
        }
        return window;
    }

    private static java.time.LocalDate lastKnown(CohortPatient p) {
        return p.diedOn() != null && p.diedOn().isAfter(p.lastContactOn()) ? p.diedOn() : p.lastContactOn();
    }

    private static long withEpisode(List<CohortPatient> patients, String kind, int atLeast, int window) {
        return patients.stream().filter(p -> p.episodes().stream().anyMatch(e -> e.kind().equals(kind)
                && e.grade() >= atLeast && windowOf(p.dayZero(), e.onsetDay()) == window)).count();
    }

    private static Outcomes.Syndrome syndrome(String name, List<CohortPatient> patients,
            Function<CohortPatient, Integer> grade, Function<CohortPatient, Integer> onset, Disclosure disclosure) {
        int highest = Math.max(4, patients.stream().mapToInt(grade::apply).max().orElse(0));
        List<Long> counts = new ArrayList<>();
        for (int g = 0; g <= highest; g++) {
            int gradeNow = g;
            counts.add(patients.stream().filter(p -> grade.apply(p) == gradeNow).count());
        }
        Set<Integer> withheld = withheld(counts, disclosure);
        List<Outcomes.GradeRow> rows = new ArrayList<>();
        for (int g = 0; g <= highest; g++) {
            long n = counts.get(g);
            boolean hide = withheld.contains(g);
            rows.add(new Outcomes.GradeRow(g, g == 0 ? "None" : "Grade " + g,
                    hide ? new Count(null, "<" + Disclosure.SMALLEST_SHOWN) : new Count(n, Long.toString(n)),
                    hide ? null : percent(n, patients.size())));
        }
        long any = patients.stream().filter(p -> grade.apply(p) >= 1).count();
        long severe = patients.stream().filter(p -> grade.apply(p) >= SEVERE_GRADE).count();
        List<Integer> onsets = patients.stream().map(onset).filter(Objects::nonNull).toList();
        return new Outcomes.Syndrome(name, rows, proportion(any, patients.size(), disclosure),
                proportion(severe, patients.size(), disclosure), spread(onsets, 1, disclosure));
    }

    /**
     * The cells of one distribution that are withheld: those of 1–4 patients, and, when exactly one is, the next
     * smallest non-zero cell too, so that it cannot be worked out from the total (secondary suppression).
     */
    static Set<Integer> withheld(List<Long> counts, Disclosure disclosure) {
        Set<Integer> hidden = new HashSet<>();
        for (int i = 0; i < counts.size(); i++) {
            if (disclosure.suppressed(counts.get(i))) {
                hidden.add(i);
            }
        }
        if (hidden.size() == 1) {
            int smallest = -1;
            for (int i = 0; i < counts.size(); i++) {
                if (!hidden.contains(i) && counts.get(i) > 0 && (smallest < 0 || counts.get(i) < counts.get(smallest))) {
                    smallest = i;
                }
            }
            if (smallest >= 0) {
                hidden.add(smallest);
            }
        }
        return hidden;
    }

    // --- service -------------------------------------------------------------------------------------------------

    static Outcomes.Service service(List<CohortPatient> patients, List<ManufacturingAttempt> attempts,
            Disclosure disclosure) {
        List<Long> referralToInfusion = patients.stream()
                .map(p -> ChronoUnit.DAYS.between(p.referredOn(), p.dayZero())).toList();
        List<Long> veinToVein = patients.stream().filter(p -> p.apheresisOn() != null)
                .map(p -> ChronoUnit.DAYS.between(p.apheresisOn(), p.dayZero())).toList();
        return new Outcomes.Service(spread(referralToInfusion, BIN_WIDTH_DAYS, disclosure),
                spread(veinToVein, BIN_WIDTH_DAYS, disclosure), manufacturing(attempts, disclosure));
    }

    static Outcomes.Manufacturing manufacturing(List<ManufacturingAttempt> attempts, Disclosure disclosure) {
        List<ManufacturingAttempt> reported = attempts.stream().filter(a -> a.outcome() != null).toList();
        Map<String, Long> failures = new LinkedHashMap<>();
        for (String reason : List.of("POOR_GROWTH", "LOW_VIABILITY", "LOW_PURITY", "OTHER")) {
            failures.put(reason, 0L);
        }
        reported.stream().filter(a -> a.outcome().equals("FAILED"))
                .forEach(a -> failures.merge(a.failureReason() == null ? "OTHER" : a.failureReason(), 1L, Long::sum));
        List<String> reasons = new ArrayList<>(failures.keySet());
        Set<Integer> withheld = withheld(new ArrayList<>(failures.values()), disclosure);
        List<Outcomes.ReasonRow> rows = new ArrayList<>();
        for (int i = 0; i < reasons.size(); i++) {
            long n = failures.get(reasons.get(i));
            rows.add(new Outcomes.ReasonRow(reasons.get(i), FAILURE_REASONS.getOrDefault(reasons.get(i), reasons.get(i)),
                    withheld.contains(i) ? new Count(null, "<" + Disclosure.SMALLEST_SHOWN) : disclosure.count(n)));
        }
        return new Outcomes.Manufacturing(disclosure.count(reported.size()),
                disclosure.count(count(reported, a -> a.outcome().equals("RELEASED"))),
                disclosure.count(count(reported, a -> a.outcome().equals("OUT_OF_SPECIFICATION"))),
                disclosure.count(count(reported, a -> a.outcome().equals("FAILED"))), rows);
    }

    static Outcomes.Spread spread(List<? extends Number> days, int binWidth, Disclosure disclosure) {
        Count patients = disclosure.count(days.size());
        Quartiles quartiles = Quartiles.of(days);
        if (quartiles == null || patients.isSuppressed()) {
            return new Outcomes.Spread(patients, null, null, null, binWidth, List.of());
        }
        int lowest = days.stream().mapToInt(Number::intValue).min().orElse(0);
        int highest = days.stream().mapToInt(Number::intValue).max().orElse(0);
        int first = Math.floorDiv(lowest, binWidth) * binWidth;
        List<Outcomes.Bin> bins = new ArrayList<>();
        for (int from = first; from <= highest; from += binWidth) {
            int lo = from;
            long n = days.stream().filter(d -> d.intValue() >= lo && d.intValue() < lo + binWidth).count();
            bins.add(new Outcomes.Bin(from, from + binWidth - 1, disclosure.count(n)));
        }
        return new Outcomes.Spread(patients, quartiles.median(), quartiles.lowerQuartile(), quartiles.upperQuartile(),
                binWidth, bins);
    }

    // --- survival ------------------------------------------------------------------------------------------------

    /** Overall survival from infusion: death recorded is the event; everyone else is censored at last contact. */
    static Outcomes.Survival survival(List<CohortPatient> patients, Disclosure disclosure) {
        long deaths = patients.stream().filter(p -> p.diedOn() != null).count();
        String note = "Death is the day the case was ended as deceased; everyone else is censored at the last day they "
                + "were seen (an assessment, a response or a registry form). Limits are 95 % (log-log).";
        if (patients.isEmpty() || !disclosure.shows(patients.size())) {
            return new Outcomes.Survival(disclosure.count(patients.size()), disclosure.count(deaths), List.of(),
                    List.of(), null, null, null, null, note);
        }
        List<Observation> observations = patients.stream().map(OutcomeMeasures::overallSurvival).toList();
        KaplanMeier.Estimate estimate = KaplanMeier.estimate(observations, LEVEL, ConfidenceInterval.LOG_LOG);
        List<Outcomes.CurvePoint> curve = new ArrayList<>();
        if (estimate.steps().get(0).time() > 0) {
            curve.add(new Outcomes.CurvePoint(0, 1.0, 1.0, 1.0)); // the curve starts at day 0, everyone alive
        }
        for (KaplanMeier.Step step : estimate.steps()) {
            curve.add(new Outcomes.CurvePoint(step.time(), step.survival(), step.lower(), step.upper()));
        }
        List<Outcomes.AtRisk> atRisk = new ArrayList<>();
        for (int i = 0; i < AT_RISK_DAYS.length; i++) {
            int day = AT_RISK_DAYS[i];
            atRisk.add(new Outcomes.AtRisk(day, AT_RISK_LABELS[i],
                    disclosure.count(observations.stream().filter(o -> o.time() >= day).count())));
        }
        KaplanMeier.Step atOneYear = null;
        boolean followedToOneYear = observations.stream().anyMatch(o -> o.time() >= 365);
        for (KaplanMeier.Step step : estimate.steps()) {
            if (step.time() <= 365) {
                atOneYear = step;
            }
        }
        Double oneYear = !followedToOneYear ? null : atOneYear == null ? 1.0 : atOneYear.survival();
        Double lower = !followedToOneYear || atOneYear == null ? null : atOneYear.lower();
        Double upper = !followedToOneYear || atOneYear == null ? null : atOneYear.upper();
        return new Outcomes.Survival(disclosure.count(patients.size()), disclosure.count(deaths), List.copyOf(curve),
                List.copyOf(atRisk), estimate.medianSurvival(), oneYear, lower, upper, note);
    }

    static Observation overallSurvival(CohortPatient p) {
        if (p.diedOn() != null) {
            return Observation.event(Math.max(0, ChronoUnit.DAYS.between(p.dayZero(), p.diedOn())));
        }
        return Observation.censored(Math.max(0, ChronoUnit.DAYS.between(p.dayZero(), p.lastContactOn())));
    }

    // --- response ------------------------------------------------------------------------------------------------

    static Outcomes.Response response(List<CohortPatient> patients, Disclosure disclosure) {
        String definition = "Responders: the best response recorded is complete remission with or without count "
                + "recovery (B-ALL), a complete or partial (metabolic) response (Lugano 2014), or a partial response or "
                + "better (IMWG 2016); among the patients with a response assessed. Exact (Clopper–Pearson) 95 % "
                + "interval.";
        List<CohortPatient> assessed = patients.stream().filter(p -> p.bestResponse() != null).toList();
        long responders = assessed.stream().filter(CohortPatient::bestResponse).count();
        boolean withhold = disclosure.suppressed(responders) || disclosure.suppressed(assessed.size() - responders);
        if (assessed.isEmpty() || withhold) {
            return new Outcomes.Response(disclosure.count(patients.size()), disclosure.count(assessed.size()),
                    withhold ? new Count(null, "<" + Disclosure.SMALLEST_SHOWN) : disclosure.count(responders), null,
                    null, null, definition);
        }
        ClopperPearson.Interval interval = ClopperPearson.interval((int) responders, assessed.size(), LEVEL);
        return new Outcomes.Response(disclosure.count(patients.size()), disclosure.count(assessed.size()),
                disclosure.count(responders), interval.proportion(), interval.lower(), interval.upper(), definition);
    }

    // --- shared --------------------------------------------------------------------------------------------------

    static Outcomes.Proportion proportion(long n, long of, Disclosure disclosure) {
        Count count = disclosure.count(n);
        boolean withhold = count.isSuppressed() || disclosure.suppressed(of - n);
        return new Outcomes.Proportion(withhold ? new Count(null, "<" + Disclosure.SMALLEST_SHOWN) : count,
                disclosure.count(of), withhold ? null : percent(n, of));
    }

    static Double percent(long n, long of) {
        return of == 0 ? null : Math.round(1000.0 * n / of) / 10.0;
    }

    private static <T> long count(List<T> items, Predicate<T> test) {
        return items.stream().filter(test).count();
    }
}
