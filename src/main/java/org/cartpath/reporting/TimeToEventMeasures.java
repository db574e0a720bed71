package org.cartpath.reporting;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cartpath.followup.outcomes.ConfidenceInterval;
import org.cartpath.followup.outcomes.KaplanMeier;
import org.cartpath.followup.outcomes.Observation;
import org.cartpath.reporting.measures.AalenJohansen;

/**
 * The time-to-event measures of docs/clinical/outcome-measures.md beyond overall survival from infusion: event-free
 * (progression-free) survival, overall survival from approval (intention to treat), duration of response, and the
 * cumulative incidence of relapse with non-relapse mortality as its competing risk. Plain Java, tested on small
 * hand-computed cohorts ({@code TimeToEventMeasuresTest}). Kaplan–Meier is follow-up's ({@code followup.outcomes}).
 */
final class TimeToEventMeasures {

    static final int ONE_YEAR = 365;

    private TimeToEventMeasures() {
    }

    // --- event-free survival --------------------------------------------------------------------------------------

    /**
     * From day 0 to the first of: no response at the indication's assessment point (dated the assessment), relapse or
     * progression, death; everyone else censored at the last day known alive.
     */
    static Observation eventFree(CohortPatient p) {
        LocalDate eventOn = null;
        Optional<CohortPatient.Assessed> atPoint = AssessmentPoint.of(p.indication()).assessed(p.dayZero(),
                p.responses());
        if (atPoint.isPresent() && !atPoint.get().response()) {
            eventOn = atPoint.get().on();
        }
        eventOn = earlier(eventOn, p.relapseOn());
        eventOn = earlier(eventOn, p.diedOn());
        return eventOn != null ? Observation.event(days(p.dayZero(), eventOn))
                : Observation.censored(days(p.dayZero(), p.lastContactOn()));
    }

    static Outcomes.TimeToEvent eventFreeSurvival(List<CohortPatient> patients, Disclosure disclosure) {
        return kaplanMeier("Event-free (progression-free) survival from infusion",
                patients.stream().map(TimeToEventMeasures::eventFree).toList(), disclosure,
                "Events: no response at the indication's assessment point (day 28 for B-ALL, month 3 otherwise; dated "
                        + "the assessment), relapse or progression, or death, whichever came first; everyone else is "
                        + "censored at the last day known alive. A patient without an assessment in the window is not "
                        + "counted as a failure. Limits are 95 % (log-log).");
    }

    // --- overall survival from approval (intention to treat) ------------------------------------------------------

    static Observation fromApproval(ApprovedPatient p) {
        return p.diedOn() != null ? Observation.event(days(p.approvedOn(), p.diedOn()))
                : Observation.censored(days(p.approvedOn(), p.lastContactOn()));
    }

    static Outcomes.IntentionToTreat intentionToTreat(List<ApprovedPatient> approved, Disclosure disclosure) {
        long neverInfused = approved.stream().filter(p -> p.dayZero() == null).count();
        Outcomes.TimeToEvent survival = kaplanMeier("Overall survival from panel approval (intention to treat)",
                approved.stream().map(TimeToEventMeasures::fromApproval).toList(), disclosure,
                "Every patient the national panel approved, infused or not, from the day of approval. Death is the "
                        + "event; everyone else is censored at the last day known alive. A patient never infused is "
                        + "known alive only until the last step of their journey on record, so their follow-up is "
                        + "short: read this curve with the number never infused. Limits are 95 % (log-log).");
        return new Outcomes.IntentionToTreat(disclosure.count(approved.size()), disclosure.count(neverInfused),
                survival);
    }

    // --- duration of response --------------------------------------------------------------------------------------

    /** From the first assessment counting as a response to relapse, progression or death; empty for non-responders. */
    static Optional<Observation> responseDuration(CohortPatient p) {
        Optional<LocalDate> first = p.responses().stream().filter(CohortPatient.Assessed::response)
                .map(CohortPatient.Assessed::on).min(LocalDate::compareTo);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        LocalDate start = first.get();
        LocalDate relapse = p.relapseOn() != null && !p.relapseOn().isBefore(start) ? p.relapseOn() : null;
        LocalDate eventOn = earlier(relapse, p.diedOn());
        return Optional.of(eventOn != null ? Observation.event(days(start, eventOn))
                : Observation.censored(days(start, p.lastContactOn())));
    }

    static Outcomes.TimeToEvent durationOfResponse(List<CohortPatient> patients, Disclosure disclosure) {
        return kaplanMeier("Duration of response",
                patients.stream().map(TimeToEventMeasures::responseDuration).flatMap(Optional::stream).toList(),
                disclosure, "Among the responders: from the first assessment counting as a response to relapse, "
                        + "progression or death, whichever came first; otherwise censored at the last day known alive. "
                        + "Days are counted from the response, not from infusion. Limits are 95 % (log-log).");
    }

    // --- relapse and non-relapse mortality ----------------------------------------------------------------------------

    static AalenJohansen.Subject relapseOrDeath(CohortPatient p) {
        if (p.relapseOn() != null && (p.diedOn() == null || !p.diedOn().isBefore(p.relapseOn()))) {
            return new AalenJohansen.Subject(days(p.dayZero(), p.relapseOn()), AalenJohansen.Status.EVENT);
        }
        if (p.diedOn() != null) {
            return new AalenJohansen.Subject(days(p.dayZero(), p.diedOn()), AalenJohansen.Status.COMPETING);
        }
        return new AalenJohansen.Subject(days(p.dayZero(), p.lastContactOn()), AalenJohansen.Status.CENSORED);
    }

    static Outcomes.Relapse relapse(List<CohortPatient> patients, Disclosure disclosure) {
        String note = "Relapse or progression (follow-up's record) is the event; death without relapse is the competing "
                + "risk, so its cumulative incidence is non-relapse mortality; both by Aalen–Johansen (not 1 − "
                + "Kaplan–Meier). Censored at the last day known alive. No confidence limits are given for these "
                + "curves yet.";
        List<AalenJohansen.Subject> subjects = patients.stream().map(TimeToEventMeasures::relapseOrDeath).toList();
        long relapses = subjects.stream().filter(s -> s.status() == AalenJohansen.Status.EVENT).count();
        long nonRelapseDeaths = subjects.stream().filter(s -> s.status() == AalenJohansen.Status.COMPETING).count();
        if (patients.isEmpty() || !disclosure.shows(patients.size())) {
            return new Outcomes.Relapse(disclosure.count(patients.size()), disclosure.count(relapses),
                    disclosure.count(nonRelapseDeaths), List.of(), List.of(), null, null, note);
        }
        List<AalenJohansen.Step> steps = AalenJohansen.estimate(subjects);
        List<Outcomes.IncidencePoint> curve = new ArrayList<>();
        curve.add(new Outcomes.IncidencePoint(0, 0, 0));
        for (AalenJohansen.Step step : steps) {
            if (step.time() == 0) {
                curve.set(0, new Outcomes.IncidencePoint(0, step.cumulativeIncidence(), step.competingIncidence()));
            } else {
                curve.add(new Outcomes.IncidencePoint(step.time(), step.cumulativeIncidence(),
                        step.competingIncidence()));
            }
        }
        double last = subjects.stream().mapToDouble(AalenJohansen.Subject::time).max().orElse(0);
        if (last > curve.get(curve.size() - 1).day()) { // the curve runs to the end of follow-up
            Outcomes.IncidencePoint end = curve.get(curve.size() - 1);
            curve.add(new Outcomes.IncidencePoint(last, end.relapse(), end.nonRelapseMortality()));
        }
        boolean followedToOneYear = last >= ONE_YEAR;
        Outcomes.IncidencePoint atOneYear = curve.stream().filter(c -> c.day() <= ONE_YEAR)
                .reduce((a, b) -> b).orElseThrow();
        return new Outcomes.Relapse(disclosure.count(patients.size()), disclosure.count(relapses),
                disclosure.count(nonRelapseDeaths), List.copyOf(curve),
                atRisk(subjects.stream().map(AalenJohansen.Subject::time).toList(), disclosure),
                followedToOneYear ? atOneYear.relapse() : null,
                followedToOneYear ? atOneYear.nonRelapseMortality() : null, note);
    }

    // --- shared -------------------------------------------------------------------------------------------------------

    /** Kaplan–Meier with 95 % log-log limits, numbers at risk, median and one-year value; withheld for 1–4 outside. */
    static Outcomes.TimeToEvent kaplanMeier(String name, List<Observation> observations, Disclosure disclosure,
            String note) {
        long events = observations.stream().filter(Observation::event).count();
        if (observations.isEmpty() || !disclosure.shows(observations.size())) {
            return new Outcomes.TimeToEvent(name, disclosure.count(observations.size()), disclosure.count(events),
                    List.of(), List.of(), null, null, null, null, note);
        }
        KaplanMeier.Estimate estimate = KaplanMeier.estimate(observations, OutcomeMeasures.LEVEL,
                ConfidenceInterval.LOG_LOG);
        List<Outcomes.CurvePoint> curve = new ArrayList<>();
        if (estimate.steps().get(0).time() > 0) {
            curve.add(new Outcomes.CurvePoint(0, 1.0, 1.0, 1.0)); // the curve starts at day 0, everyone event-free
        }
        for (KaplanMeier.Step step : estimate.steps()) {
            curve.add(new Outcomes.CurvePoint(step.time(), step.survival(), step.lower(), step.upper()));
        }
        KaplanMeier.Step atOneYear = null;
        for (KaplanMeier.Step step : estimate.steps()) {
            if (step.time() <= ONE_YEAR) {
                atOneYear = step;
            }
        }
        boolean followedToOneYear = observations.stream().anyMatch(o -> o.time() >= ONE_YEAR);
        Double oneYear = !followedToOneYear ? null : atOneYear == null ? 1.0 : atOneYear.survival();
        Double lower = !followedToOneYear || atOneYear == null ? null : atOneYear.lower();
        Double upper = !followedToOneYear || atOneYear == null ? null : atOneYear.upper();
        return new Outcomes.TimeToEvent(name, disclosure.count(observations.size()), disclosure.count(events),
                List.copyOf(curve), atRisk(observations.stream().map(Observation::time).toList(), disclosure),
                estimate.medianSurvival(), oneYear, lower, upper, note);
    }

    /** The patients whose time is at least each of the registry's days (day 0, 100, 6 months, 1 and 2 years). */
    static List<Outcomes.AtRisk> atRisk(List<Double> times, Disclosure disclosure) {
        List<Outcomes.AtRisk> atRisk = new ArrayList<>();
        for (int i = 0; i < OutcomeMeasures.AT_RISK_DAYS.length; i++) {
            int day = OutcomeMeasures.AT_RISK_DAYS[i];
            atRisk.add(new Outcomes.AtRisk(day, OutcomeMeasures.AT_RISK_LABELS[i],
                    disclosure.count(times.stream().filter(t -> t >= day).count())));
        }
        return List.copyOf(atRisk);
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static long days(LocalDate from, LocalDate to) {
        return Math.max(0, ChronoUnit.DAYS.between(from, to));
    }
}
