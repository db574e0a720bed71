package org.cartpath.reporting;

import java.time.LocalDate;
import java.util.List;
import org.cartpath.reporting.Disclosure.Count;

/**
 * The outcome and service measures of one cohort, as a centre's or a commissioner's analyst may see them
 * (docs/clinical/outcome-measures.md). Figures only: no case, patient or date of a person. A {@link Count} is
 * "&lt;5" with a null value where small numbers are suppressed; a figure computed from a suppressed count is null.
 *
 * @param suppressed whether small numbers are suppressed (anyone outside the treating centre)
 */
public record Outcomes(Cohort cohort, boolean suppressed, Toxicity toxicity, Service service, Survival survival,
        Response response, TimeToEvent eventFree, IntentionToTreat intentionToTreat, TimeToEvent durationOfResponse,
        Relapse relapse) {

    /** The cohort: the filters applied, in people's words, and the patients infused in it. */
    public record Cohort(CohortFilter filter, String centre, String description, Count patients, LocalDate asOf) {
    }

    /**
     * CRS and ICANS by highest ASTCT grade, onset, tocilizumab and steroids, and by registry window; ICU admission
     * ({@code icu} null: not recorded, see {@code icuNote}).
     */
    public record Toxicity(Syndrome crs, Syndrome icans, Proportion tocilizumab, Proportion steroids,
            String steroidsNote, Proportion icu, String icuNote, List<Window> byWindow) {
    }

    /**
     * One registry window (day 0–100, day 101–6 months, 6 months–1 year, after 1 year): the patients followed into it
     * and those with a CRS or ICANS episode beginning in it, of any grade and of grade 3 or more.
     */
    public record Window(String label, int fromDay, Integer toDay, Count followed, Proportion crsAny,
            Proportion crsSevere, Proportion icansAny, Proportion icansSevere) {
    }

    /** One syndrome: patients by their highest grade (0: none), any grade, grade 3 or more, and day of first onset. */
    public record Syndrome(String name, List<GradeRow> byHighestGrade, Proportion anyGrade, Proportion grade3OrHigher,
            Spread onsetDay) {
    }

    public record GradeRow(int grade, String label, Count patients, Double percent) {
    }

    /** A number of patients out of a denominator, with its percentage (null where withheld or undefined). */
    public record Proportion(Count patients, Count of, Double percent) {
    }

    /**
     * A duration's median and quartiles in days over {@code patients}, and its distribution in bins of
     * {@code binWidthDays}; all null when withheld or when no patient has it.
     */
    public record Spread(Count patients, Double median, Double lowerQuartile, Double upperQuartile, int binWidthDays,
            List<Bin> distribution) {
    }

    public record Bin(int fromDay, int toDay, Count patients) {
    }

    /** Referral to infusion, vein-to-vein, and the manufacturing attempts of the cohort's products. */
    public record Service(Spread referralToInfusionDays, Spread veinToVeinDays, Manufacturing manufacturing) {
    }

    /** Manufacturing attempts with an outcome reported, by outcome, and the failures by reason. */
    public record Manufacturing(Count attempts, Count released, Count outOfSpecification, Count failed,
            List<ReasonRow> failuresByReason) {
    }

    public record ReasonRow(String reason, String label, Count attempts) {
    }

    /**
     * Overall survival from infusion (Kaplan–Meier, 95 % log-log limits): the curve, the patients at risk at the
     * registry's time points, the median and the survival at one year; {@code curve} is empty where withheld.
     */
    public record Survival(Count patients, Count deaths, List<CurvePoint> curve, List<AtRisk> atRisk,
            Double medianDays, Double oneYear, Double oneYearLower, Double oneYearUpper, String note) {
    }

    public record CurvePoint(double day, double survival, Double lower, Double upper) {
    }

    /**
     * A time-to-event measure by Kaplan–Meier with 95 % log-log limits (event-free survival, duration of response,
     * survival from approval): the curve, numbers at risk, median and the value at one year, as {@link Survival}.
     */
    public record TimeToEvent(String name, Count patients, Count events, List<CurvePoint> curve, List<AtRisk> atRisk,
            Double medianDays, Double oneYear, Double oneYearLower, Double oneYearUpper, String note) {
    }

    /**
     * Overall survival from the national panel's approval, intention to treat: every approved patient in the filters,
     * infused or not; {@code neverInfused} of them were never infused.
     */
    public record IntentionToTreat(Count approved, Count neverInfused, TimeToEvent survival) {
    }

    /**
     * Cumulative incidence of relapse or progression, and non-relapse mortality as its competing risk
     * (Aalen–Johansen), with the values at one year (null before anyone is followed for a year).
     */
    public record Relapse(Count patients, Count relapses, Count nonRelapseDeaths, List<IncidencePoint> curve,
            List<AtRisk> atRisk, Double relapseOneYear, Double nonRelapseMortalityOneYear, String note) {
    }

    public record IncidencePoint(double day, double relapse, double nonRelapseMortality) {
    }

    public record AtRisk(int day, String label, Count patients) {
    }

    /** Best overall response among the patients with a response assessed, with the exact 95 % interval. */
    public record Response(Count infused, Count assessed, Count responders, Double rate, Double lower, Double upper,
            String definition) {
    }
}
