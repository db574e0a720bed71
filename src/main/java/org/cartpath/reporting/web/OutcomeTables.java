package org.cartpath.reporting.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cartpath.reporting.Disclosure.Count;
import org.cartpath.reporting.Outcomes;

/** The outcomes as the page's tables (and their CSV files), in the order of the page. */
final class OutcomeTables {

    static final List<String> IDS = List.of("crs-grades", "icans-grades", "toxicity", "times",
            "referral-to-infusion", "vein-to-vein", "manufacturing", "survival", "at-risk", "response");

    private OutcomeTables() {
    }

    static List<OutcomeTable> of(Outcomes o) {
        return List.of(grades("crs-grades", "CRS by highest grade", o.toxicity().crs()),
                grades("icans-grades", "ICANS by highest grade", o.toxicity().icans()), toxicity(o), times(o),
                distribution("referral-to-infusion", "Days from referral to infusion",
                        o.service().referralToInfusionDays()),
                distribution("vein-to-vein", "Vein-to-vein time: days from apheresis to infusion",
                        o.service().veinToVeinDays()),
                manufacturing(o.service().manufacturing()), survival(o.survival()), atRisk(o.survival()),
                response(o.response()));
    }

    static OutcomeTable table(Outcomes o, String id) {
        return of(o).stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
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
                        ? "Fewer than 5 patients: not shown" : "No patients in this cohort");
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
