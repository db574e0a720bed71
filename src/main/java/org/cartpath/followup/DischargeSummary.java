package org.cartpath.followup;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cartpath.followup.outcomes.BCellAplasia;
import org.cartpath.followup.outcomes.IcahtSeries;

/**
 * The discharge summary for the referring hospital and the GP (docs/clinical/discharge-documents.md): what was given,
 * what happened in the monitoring weeks, where the patient stands now, what comes next and what every doctor who sees
 * the patient must know. Made from the record at each print; a fact cartpath does not hold is said to be not recorded,
 * never left blank or guessed.
 *
 * @param card            the alert card's facts: patient, product, infusion date, centre, 24-hour contact, driving
 * @param indication      the indication in words
 * @param referringHospital the hospital that referred the patient (the summary is addressed to it and the GP)
 * @param infusion        the infusion as recorded by the treatment module; {@code null} when only day 0 is known
 * @param lymphodepletion the lymphodepleting doses recorded, in the order given
 * @param episodes        the CRS and ICANS episodes derived from the monitoring assessments
 * @param tocilizumab     the times tocilizumab was given
 * @param earlyIcaht      early ICAHT from the ANC series of days 0–30 (its grade is null until the series is complete)
 * @param latestCounts    the latest day's blood counts, typed or from a laboratory interface, or {@code null}
 * @param bCellAplasia    B-cell aplasia from the CD19+ B-cell counts
 * @param latestResponse  the latest response assessment, or {@code null}
 * @param best            the best response per framework
 * @param events          relapse, progression, second malignancy, vital status, death
 * @param nextVisits      the clinic visits still to come (the next few)
 * @param nextTimepoints  the registry time points still open (the next few)
 * @param preparedBy      who printed it, with their role
 */
public record DischargeSummary(AlertCard card, String indication, String referringHospital, Infusion infusion,
        List<LymphodepletionDose> lymphodepletion, List<Episode> episodes, List<Instant> tocilizumab,
        IcahtSeries.Early earlyIcaht, FollowUpEntries.CountPoint latestCounts, BCellAplasia.Assessment bCellAplasia,
        ResponseAssessment latestResponse,
        List<ResponseHistory.BestResponse> best, List<OutcomeEvent> events, List<PlannedVisit> nextVisits,
        List<PlannedTimepoint> nextTimepoints, String preparedBy, ZoneId zone) {

    /** The infusion's facts the summary prints. */
    public record Infusion(Instant startedAt, String lotNumber, BigDecimal doseCells, BigDecimal doseCellsPerKg,
            BigDecimal weightKg, String reactions) {
    }

    /** One lymphodepleting dose: the drug, the day planned, what happened and the milligrams given. */
    public record LymphodepletionDose(String drug, LocalDate plannedOn, String outcome, BigDecimal givenMg) {
    }

    /** A CRS or ICANS episode: the syndrome, the day of onset, the highest grade and the day it resolved (or open). */
    public record Episode(String syndrome, int onsetDay, int highestGrade, Integer resolvedDay) {
    }

    /** A heading and its lines, as the painter prints them. */
    public record Section(String title, List<Line> lines) {
    }

    /** A label and its value; a line without a label is a sentence of its own. */
    public record Line(String label, String value) {
    }

    /** A statement every doctor who sees the patient must know, and where it comes from. */
    public record Advice(String text, String source) {
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);
    private static final int MAX_ROWS = 5;
    static final String NOT_RECORDED = "Not recorded in cartpath";

    public DischargeSummary {
        lymphodepletion = List.copyOf(lymphodepletion);
        episodes = List.copyOf(episodes);
        tocilizumab = List.copyOf(tocilizumab);
        best = List.copyOf(best);
        events = List.copyOf(events);
        nextVisits = List.copyOf(nextVisits);
        nextTimepoints = List.copyOf(nextTimepoints);
    }

    /** The summary in words for people, section by section. */
    public List<Section> sections() {
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("Patient", List.of(
                new Line("Name", card.patientName()),
                new Line("Date of birth", DATE.format(card.dateOfBirth())),
                new Line("NHS number", card.nhsNumber() == null ? NOT_RECORDED : card.nhsNumber()),
                new Line("Referring hospital", referringHospital),
                new Line("Treating centre", card.centreName()),
                new Line("Case", card.caseReference()))));
        sections.add(treatment());
        sections.add(toxicity());
        sections.add(now());
        sections.add(plan());
        List<Line> advice = new ArrayList<>();
        for (Advice a : advice()) {
            advice.add(new Line(null, a.text() + " (" + a.source() + ")"));
        }
        sections.add(new Section("For every doctor who sees the patient", advice));
        return sections;
    }

    private Section treatment() {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("Product", card.productName() + (card.inn().isEmpty() ? "" : " (" + card.inn() + ")")));
        lines.add(new Line("Indication", indication));
        if (infusion == null) {
            lines.add(new Line("Infusion", DATE.format(card.infusedOn()) + " (day 0); the infusion's details are "
                    + NOT_RECORDED.toLowerCase(Locale.UK)));
        } else {
            lines.add(new Line("Infusion", TIME.format(infusion.startedAt().atZone(zone)) + " (day 0), lot "
                    + infusion.lotNumber()));
            lines.add(new Line("Dose", infusion.doseCells() == null ? NOT_RECORDED
                    : infusion.doseCells().toEngineeringString() + " CAR-positive viable T cells"
                            + (infusion.doseCellsPerKg() == null ? "" : " ("
                                    + infusion.doseCellsPerKg().toEngineeringString() + " per kg at "
                                    + infusion.weightKg().toPlainString() + " kg)")));
            lines.add(new Line("Infusion reactions", infusion.reactions() == null || infusion.reactions().isBlank()
                    ? "None recorded" : infusion.reactions()));
        }
        if (lymphodepletion.isEmpty()) {
            lines.add(new Line("Lymphodepletion", NOT_RECORDED));
        } else {
            for (LymphodepletionDose dose : lymphodepletion) {
                lines.add(new Line("Lymphodepletion", dose.drug() + ", " + DATE.format(dose.plannedOn()) + ": "
                        + dose.outcome() + (dose.givenMg() == null ? "" : " " + dose.givenMg().toPlainString()
                        + " mg")));
            }
        }
        return new Section("Treatment", lines);
    }

    private Section toxicity() {
        List<Line> lines = new ArrayList<>();
        for (String syndrome : List.of("CRS", "ICANS")) {
            List<Episode> of = episodes.stream().filter(e -> e.syndrome().equals(syndrome)).toList();
            String name = syndrome.equals("CRS") ? "Cytokine release syndrome (CRS)"
                    : "Neurotoxicity (ICANS)";
            if (of.isEmpty()) {
                lines.add(new Line(name, "None recorded"));
            }
            for (Episode e : of) {
                lines.add(new Line(name, "grade " + e.highestGrade() + " at its highest (ASTCT 2019), from day "
                        + e.onsetDay() + (e.resolvedDay() == null ? ", not resolved when printed"
                        : " to day " + e.resolvedDay())));
            }
        }
        lines.add(new Line("Tocilizumab", tocilizumab.isEmpty() ? "Not given"
                : tocilizumab.size() + (tocilizumab.size() == 1 ? " dose, " : " doses, from ")
                        + TIME.format(tocilizumab.get(0).atZone(zone))
                        + (tocilizumab.size() == 1 ? "" : " to " + TIME.format(
                                tocilizumab.get(tocilizumab.size() - 1).atZone(zone)))));
        lines.add(new Line("Corticosteroids", NOT_RECORDED + " (it gives steroid guidance but does not record doses)"));
        String icaht;
        if (earlyIcaht == null || earlyIcaht.missingDays().size() == IcahtSeries.EARLY_LAST_DAY + 1) {
            icaht = "No neutrophil counts recorded for days 0 to 30";
        } else if (earlyIcaht.grade() != null) {
            icaht = earlyIcaht.grade() == 0 ? "No early ICAHT" : "Grade " + earlyIcaht.grade()
                    + " (" + earlyIcaht.daysAtOrBelow500() + " days with neutrophils at or below 0.5 ×10^9/L)";
        } else {
            icaht = "At least grade " + earlyIcaht.atLeast() + " so far; " + earlyIcaht.missingDays().size()
                    + " of days 0 to 30 have no neutrophil count, so the grade is not final";
        }
        lines.add(new Line("Early haematotoxicity (ICAHT)", icaht));
        return new Section("Toxicity after the infusion", lines);
    }

    private Section now() {
        List<Line> lines = new ArrayList<>();
        if (latestResponse == null) {
            lines.add(new Line("Response", "No response assessment recorded yet"));
        } else {
            lines.add(new Line("Latest response", latestResponse.categoryLabel() + " ("
                    + latestResponse.framework().label() + ", " + DATE.format(latestResponse.assessedOn()) + ")"));
        }
        for (ResponseHistory.BestResponse b : best) {
            lines.add(new Line("Best response", b.categoryLabel() + ", first on " + DATE.format(b.since())));
        }
        for (OutcomeEvent e : events) {
            lines.add(new Line(DATE.format(e.occurredOn()), e.summary()));
        }
        if (latestCounts == null) {
            lines.add(new Line("Blood counts", "None recorded in follow-up"));
        } else {
            List<String> values = new ArrayList<>();
            add(values, "neutrophils", latestCounts.anc(), "×10^9/L");
            add(values, "platelets", latestCounts.platelets(), "×10^9/L");
            add(values, "haemoglobin", latestCounts.haemoglobin(), "g/L");
            lines.add(new Line("Latest blood counts", DATE.format(latestCounts.on()) + ": " + String.join(", ", values)
                    + (latestCounts.entry() != null || latestCounts.source() == null ? ""
                            : " (from " + latestCounts.source() + ")")));
        }
        if (bCellAplasia != null) {
            lines.add(new Line("B cells", bCellAplasia.statusLabel() + (bCellAplasia.latestOn() == null ? ""
                    : " (latest count " + DATE.format(bCellAplasia.latestOn()) + ")")));
        }
        return new Section("Where the patient stands", lines);
    }

    private static void add(List<String> values, String name, BigDecimal value, String unit) {
        if (value != null) {
            values.add(name + " " + value.stripTrailingZeros().toPlainString() + " " + unit);
        }
    }

    private Section plan() {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("24-hour contact", card.contact().serviceName() + ", " + card.contact().phone()));
        if (nextVisits.isEmpty()) {
            lines.add(new Line("Clinic visits", "None planned"));
        }
        nextVisits.stream().limit(MAX_ROWS).forEach(v -> lines.add(new Line("Clinic visit",
                v.label() + ": " + DATE.format(v.dueDate()))));
        nextTimepoints.stream().limit(MAX_ROWS).forEach(t -> lines.add(new Line("Registry follow-up",
                t.label() + ": due " + DATE.format(t.dueDate()) + (t.windowStart() == null ? ""
                        : " (window " + DATE.format(t.windowStart()) + " to " + DATE.format(t.windowEnd()) + ")"))));
        lines.add(new Line("Driving", card.drivingAdvice()));
        return new Section("Follow-up", lines);
    }

    /**
     * What the CAR-T labels and UK guidance ask every doctor to know after a CAR-T infusion, with their sources
     * (docs/clinical/discharge-documents.md). Irradiated blood for life is added when fludarabine was given.
     */
    public List<Advice> advice() {
        String smpc = "CAR-T SmPCs, section 4.4";
        List<Advice> advice = new ArrayList<>();
        advice.add(new Advice("Cytokine release syndrome and neurological toxicity can begin or come back weeks after"
                + " the infusion. Fever, low blood pressure, breathlessness, confusion, drowsiness or fits: call the"
                + " centre's 24-hour contact at once", smpc));
        advice.add(new Advice("The patient carries a CAR-T patient alert card and must not donate blood, organs,"
                + " tissues or cells for transplantation", smpc));
        advice.add(new Advice("B-cell aplasia and low immunoglobulins are expected: check IgG and discuss"
                + " immunoglobulin replacement with the centre; infections may be severe", smpc));
        advice.add(new Advice("Live vaccines are not recommended until the immune system has recovered", smpc));
        advice.add(new Advice("New cancers, including T-cell malignancies, have been reported after CAR-T therapy:"
                + " monitor for life and tell the centre of any new malignancy, which it reports to the manufacturer"
                + " and the MHRA", smpc + "; MHRA Yellow Card"));
        boolean fludarabine = lymphodepletion.stream().anyMatch(d -> d.drug().equalsIgnoreCase("Fludarabine")
                && d.givenMg() != null);
        advice.add(new Advice(fludarabine
                ? "Irradiated cellular blood components for life: the patient had fludarabine (a purine analogue)"
                : "Irradiated cellular blood components until at least 3 months after the infusion",
                "BSH guideline on irradiated blood components, Foukaneli et al., Br J Haematol 2020;191:704-724"));
        return advice;
    }
}
