package org.cartpath.reporting.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cartpath.reporting.CentreComparison;
import org.cartpath.reporting.Disclosure.Count;
import org.cartpath.reporting.Outcomes;
import org.cartpath.reporting.measures.FunnelLimits;

/** The outcomes as the page's tables (and their CSV files), in the order of the page. */
final class OutcomeTables {

    static final List<String> IDS = List.of("crs-grades", "icans-grades", "toxicity", "toxicity-windows", "times",
            "referral-to-infusion", "vein-to-vein", "manufacturing", "survival", "at-risk", "event-free-survival",
            "survival-from-approval", "duration-of-response", "relapse", "time-to-event", "response", "funnel");

    private OutcomeTables() {
    }

    static List<OutcomeTable> of(Outcomes o) {
        return List.of(grades("crs-grades", "CRS by highest grade", o.toxicity().crs()),
                grades("icans-grades", "ICANS by highest grade", o.toxicity().icans()), toxicity(o),
                toxicityWindows(o.toxicity()), times(o),
                distribution("referral-to-infusion", "Days from referral to infusion",
                        o.service().referralToInfusionDays()),
                distribution("vein-to-vein", "Vein-to-vein time: days from apheresis to infusion",
                        o.service().veinToVeinDays()),
                manufacturing(o.service().manufacturing()), survival(o.survival()), atRisk(o.survival()),
                curve("event-free-survival", o.eventFree(), "Days after infusion", "Event-free"),
                curve("survival-from-approval", o.intentionToTreat().survival(), "Days after panel approval",
                        "Surviving"),
                curve("duration-of-response", o.durationOfResponse(), "Days after the first response",
                        "Still in response"),
                relapse(o.relapse()), timeToEvent(o), response(o.response()));
    }

    static OutcomeTable table(Outcomes o, String id) {
        return of(o).stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    /** The commissioner's funnel plot: each centre's rate and patients; the limits go to the chart. */
    static OutcomeTable funnel(CentreComparison.Funnel f) {
        List<OutcomeTable.Row> rows = new ArrayList<>();
        for (CentreComparison.Centre c : f.centres()) {
            rows.add(new OutcomeTable.Row(List.of(c.name(), c.patients().shown(), c.events().shown(),
                    c.rate() == null ? "" : percent(100 * c.rate()), c.position()),
                    c.patients().value() == null ? null : c.patients().value().toString(), c.rate(), null, null));
        }
        StringBuilder limits = new StringBuilder();
        for (FunnelLimits.Limits l : f.limits()) {
            limits.append(limits.isEmpty() ? "" : ";").append(l.cases()).append(':')
                    .append(String.format(Locale.ROOT, "%.5f:%.5f:%.5f:%.5f", l.lower95(), l.upper95(), l.lower998(),
                            l.upper998()));
        }
        return new OutcomeTable("funnel", "Comparing centres: " + f.label().toLowerCase(Locale.ROOT), "funnel",
                "Patients infused", f.label() + " (proportion)", List.of("Treatment centre", "Patients infused",
                        "Patients with the outcome", "Rate (%)", "Position"), rows, "No patients in this cohort",
                f.nationalRate() == null ? null : String.format(Locale.ROOT, "%.5f", f.nationalRate()) + "|" + limits);
    }

    private static OutcomeTable toxicityWindows(Outcomes.Toxicity t) {
        List<OutcomeTable.Row> rows = new ArrayList<>();
        for (Outcomes.Window w : t.byWindow()) {
            rows.add(OutcomeTable.Row.of(w.label(), w.followed().shown(), shown(w.crsAny()), shown(w.crsSevere()),
                    shown(w.icansAny()), shown(w.icansSevere())));
        }
        return new OutcomeTable("toxicity-windows", "CRS and ICANS by registry window of onset", null, null, null,
                List.of("Window", "Patients followed into it", "CRS, any grade", "CRS, grade 3 or more",
                        "ICANS, any grade", "ICANS, grade 3 or more"), rows, "No patients in this cohort");
    }

    private static String shown(Outcomes.Proportion p) {
        return p.patients().shown() + (p.percent() == null ? "" : " (" + percent(p.percent()) + " %)");
    }

    private static OutcomeTable curve(String id, Outcomes.TimeToEvent t, String xLabel, String yLabel) {
        List<OutcomeTable.Row> rows = new ArrayList<>();
        for (Outcomes.CurvePoint p : t.curve()) {
            String day = String.valueOf((long) p.day());
            rows.add(new OutcomeTable.Row(List.of(day, percent(100 * p.survival()), limit(p.lower()),
                    limit(p.upper())), day, p.survival(), p.lower(), p.upper()));
        }
        return new OutcomeTable(id, t.name() + " (Kaplan–Meier)", "survival", xLabel, yLabel, List.of("Day",
                yLabel + " (%)", "Lower 95 % limit (%)", "Upper 95 % limit (%)"), rows,
                t.patients().isSuppressed() ? "Fewer than 5 patients: not shown" : "No patients in this cohort",
                atRiskAxis(t.atRisk()));
    }

    private static OutcomeTable relapse(Outcomes.Relapse r) {
        List<OutcomeTable.Row> rows = new ArrayList<>();
        for (Outcomes.IncidencePoint p : r.curve()) {
            String day = String.valueOf((long) p.day());
            rows.add(new OutcomeTable.Row(List.of(day, percent(100 * p.relapse()), percent(100
                    * p.nonRelapseMortality())), day, p.relapse(), null, null, p.nonRelapseMortality()));
        }
        return new OutcomeTable("relapse", "Relapse or progression and non-relapse mortality (cumulative incidence)",
                "incidence", "Days after infusion", "Cumulative incidence", List.of("Day", "Relapse or progression (%)",
                        "Non-relapse mortality (%)"), rows, r.patients().isSuppressed()
                        ? "Fewer than 5 patients: not shown" : "No patients in this cohort", atRiskAxis(r.atRisk()));
    }

    private static OutcomeTable timeToEvent(Outcomes o) {
        List<OutcomeTable.Row> rows = new ArrayList<>();
        rows.add(summary("Overall survival from infusion", o.survival().patients(), o.survival().deaths(),
                o.survival().medianDays(), o.survival().oneYear(), o.survival().oneYearLower(),
                o.survival().oneYearUpper()));
        for (Outcomes.TimeToEvent t : List.of(o.eventFree(), o.intentionToTreat().survival(), o.durationOfResponse())) {
            rows.add(summary(t.name(), t.patients(), t.events(), t.medianDays(), t.oneYear(), t.oneYearLower(),
                    t.oneYearUpper()));
        }
        Outcomes.Relapse r = o.relapse();
        rows.add(OutcomeTable.Row.of("Relapse or progression (cumulative incidence)", r.patients().shown(),
                r.relapses().shown(), "", r.relapseOneYear() == null ? "" : percent(100 * r.relapseOneYear()), ""));
        rows.add(OutcomeTable.Row.of("Non-relapse mortality (cumulative incidence)", r.patients().shown(),
                r.nonRelapseDeaths().shown(), "", r.nonRelapseMortalityOneYear() == null ? ""
                        : percent(100 * r.nonRelapseMortalityOneYear()), ""));
        rows.add(OutcomeTable.Row.of("Approved by the panel but never infused", o.intentionToTreat().neverInfused()
                .shown(), "", "", "", ""));
        return new OutcomeTable("time-to-event", "Survival, response duration and relapse: summary", null, null, null,
                List.of("Measure", "Patients", "Events", "Median (days)", "At 1 year (%)", "95 % interval (%)"), rows,
                "No patients in this cohort");
    }

    private static OutcomeTable.Row summary(String name, Count patients, Count events, Double median, Double oneYear,
            Double lower, Double upper) {
        return OutcomeTable.Row.of(name, patients.shown(), events.shown(), median == null ? "Not reached or not shown"
                : String.valueOf(Math.round(median)), oneYear == null ? "" : percent(100 * oneYear),
                lower == null || upper == null ? "" : limit(lower) + " to " + limit(upper));
    }

    /** The numbers at risk for the chart's axis: "day:shown;…". */
    private static String atRiskAxis(List<Outcomes.AtRisk> atRisk) {
        StringBuilder out = new StringBuilder();
        for (Outcomes.AtRisk a : atRisk) {
            out.append(out.isEmpty() ? "" : ";").append(a.day()).append(':').append(a.patients().shown());
        }
        return out.isEmpty() ? null : out.toString();
    }

    private static OutcomeTable grades(String id, String title, Outcomes.Syndrome syndrome) {
        List<OutcomeTable.Row> rows = new ArrayList<>();
        for (Outcomes.GradeRow g : syndrome.byHighestGrade()) {
            rows.add(new OutcomeTable.Row(List.of(g.label(), g.patients().shown(), percent(g.percent())), g.label(),
                    value(g.patients()), null, null));
        }
        return new OutcomeTable(id, title, "bar", "Highest grade", "Patients",
                List.of("Highest grade", "Patients", "Percent of patients"), rows, "No patients in this cohort");
    }

    private static OutcomeTable toxicity(Outcomes o) {
        Outcomes.Toxicity t = o.toxicity();
        List<OutcomeTable.Row> rows = new ArrayList<>();
        rows.add(proportion("CRS of any grade", t.crs().anyGrade()));
        rows.add(proportion("CRS of grade 3 or more", t.crs().grade3OrHigher()));
        rows.add(proportion("ICANS of any grade", t.icans().anyGrade()));
        rows.add(proportion("ICANS of grade 3 or more", t.icans().grade3OrHigher()));
        rows.add(proportion("Tocilizumab given", t.tocilizumab()));
        rows.add(OutcomeTable.Row.of("Steroids given", "Not recorded", "", ""));
        rows.add(OutcomeTable.Row.of("Admitted to intensive care", "Not recorded", "", ""));
        return new OutcomeTable("toxicity", "Toxicity and its treatment", null, null, null,
                List.of("Measure", "Patients", "Out of", "Percent"), rows, "No patients in this cohort");
    }

    private static OutcomeTable times(Outcomes o) {
        List<OutcomeTable.Row> rows = new ArrayList<>();
        rows.add(spread("Day of CRS onset", o.toxicity().crs().onsetDay()));
        rows.add(spread("Day of ICANS onset", o.toxicity().icans().onsetDay()));
        rows.add(spread("Days from referral to infusion", o.service().referralToInfusionDays()));
        rows.add(spread("Days from apheresis to infusion (vein-to-vein)", o.service().veinToVeinDays()));
        return new OutcomeTable("times", "Times: median and quartiles", null, null, null,
                List.of("Measure", "Patients", "Median", "Lower quartile", "Upper quartile"), rows,
                "No patients in this cohort");
    }

    private static OutcomeTable distribution(String id, String title, Outcomes.Spread spread) {
        List<OutcomeTable.Row> rows = new ArrayList<>();
        for (Outcomes.Bin bin : spread.distribution()) {
            String label = bin.fromDay() + " to " + bin.toDay();
            rows.add(new OutcomeTable.Row(List.of(label, bin.patients().shown()), label, value(bin.patients()), null,
                    null));
        }
        return new OutcomeTable(id, title, "bar", "Days", "Patients", List.of("Days", "Patients"), rows,
                spread.patients().isSuppressed() ? "Fewer than 5 patients: not shown"
                        : "No patient in this cohort has this on record");
    }

    private static OutcomeTable manufacturing(Outcomes.Manufacturing m) {
        List<OutcomeTable.Row> rows = new ArrayList<>();
        rows.add(count("Released", m.released()));
        rows.add(count("Released out of specification", m.outOfSpecification()));
        for (Outcomes.ReasonRow reason : m.failuresByReason()) {
            rows.add(count("Failed: " + reason.label().toLowerCase(Locale.ROOT), reason.attempts()));
        }
        boolean none = m.attempts().value() != null && m.attempts().value() == 0;
        return new OutcomeTable("manufacturing", "Manufacturing attempts by outcome", "bar", "Outcome", "Attempts",
                List.of("Outcome", "Attempts"), none ? List.of() : rows,
                "No manufacturing outcome reported for this cohort");
    }

    private static OutcomeTable survival(Outcomes.Survival s) {
        List<OutcomeTable.Row> rows = new ArrayList<>();
        for (Outcomes.CurvePoint p : s.curve()) {
            String day = String.valueOf((long) p.day());
            rows.add(new OutcomeTable.Row(List.of(day, percent(100 * p.survival()), limit(p.lower()),
                    limit(p.upper())), day, p.survival(), p.lower(), p.upper()));
        }
        return new OutcomeTable("survival", "Overall survival from infusion (Kaplan–Meier)", "survival",
                "Days after infusion", "Surviving", List.of("Day", "Surviving (%)", "Lower 95 % limit (%)",
                        "Upper 95 % limit (%)"), rows, s.patients().isSuppressed()
                        ? "Fewer than 5 patients: not shown" : "No patients in this cohort", atRiskAxis(s.atRisk()));
    }

    private static OutcomeTable atRisk(Outcomes.Survival s) {
        List<OutcomeTable.Row> rows = s.atRisk().stream()
                .map(a -> OutcomeTable.Row.of(a.label(), String.valueOf(a.day()), a.patients().shown())).toList();
        return new OutcomeTable("at-risk", "Numbers at risk", null, null, null,
                List.of("Time after infusion", "Day", "Patients at risk"), rows, "No patients in this cohort");
    }

    private static OutcomeTable response(Outcomes.Response r) {
        List<OutcomeTable.Row> rows = List.of(
                OutcomeTable.Row.of("Patients infused", r.infused().shown()),
                OutcomeTable.Row.of("Patients with a response assessed", r.assessed().shown()),
                OutcomeTable.Row.of("Responders (best overall response)", r.responders().shown()),
                OutcomeTable.Row.of("Overall response rate (%)", r.rate() == null ? "" : percent(100 * r.rate())),
                OutcomeTable.Row.of("Exact 95 % interval (%)", r.rate() == null ? ""
                        : percent(100 * r.lower()) + " to " + percent(100 * r.upper())));
        return new OutcomeTable("response", "Best overall response", null, null, null, List.of("Measure", "Value"),
                rows, "No patients in this cohort");
    }

    private static OutcomeTable.Row proportion(String label, Outcomes.Proportion p) {
        return OutcomeTable.Row.of(label, p.patients().shown(), p.of().shown(), percent(p.percent()));
    }

    private static OutcomeTable.Row spread(String label, Outcomes.Spread s) {
        return OutcomeTable.Row.of(label, s.patients().shown(), number(s.median()), number(s.lowerQuartile()),
                number(s.upperQuartile()));
    }

    private static OutcomeTable.Row count(String label, Count count) {
        return new OutcomeTable.Row(List.of(label, count.shown()), label, value(count), null, null);
    }

    private static Double value(Count count) {
        return count.value() == null ? null : count.value().doubleValue();
    }

    private static String percent(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String limit(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f", 100 * value);
    }

    private static String number(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
    }
}
