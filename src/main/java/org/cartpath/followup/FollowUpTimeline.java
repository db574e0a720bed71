package org.cartpath.followup;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The case page's follow-up timeline from day 0 (the infusion) to year 15: the registry time points and clinic visits
 * of the plan with their status, the response assessments, the outcome events (relapse, progression, vital status,
 * death, second malignancy), the infections, the subsequent therapies and the loss of B-cell aplasia, in date order, each with its day after infusion.
 */
public final class FollowUpTimeline {

    /** What a line of the timeline is. */
    public enum Kind {
        INFUSION("Infusion"), REGISTRY("Registry time point"), VISIT("Clinic visit"), RESPONSE("Response"),
        EVENT("Outcome"), INFECTION("Infection"), THERAPY("Subsequent therapy"), B_CELLS("B-cell aplasia");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A line: its date, day after infusion, kind, words, status (for what is planned) and whether it is past. */
    public record Item(LocalDate on, long day, Kind kind, String text, String status, boolean past) {
    }

    private FollowUpTimeline() {
    }

    public static List<Item> of(FollowUpPlan plan, ResponseHistory responses, List<OutcomeEvent> events,
            List<FollowUpEntry> entries, LocalDate today) {
        return of(plan, responses, events, entries, null, today);
    }

    /** The timeline with the loss of B-cell aplasia, when the counts show it (ADR 0035). */
    public static List<Item> of(FollowUpPlan plan, ResponseHistory responses, List<OutcomeEvent> events,
            List<FollowUpEntry> entries, org.cartpath.followup.outcomes.BCellAplasia.Assessment bCellAplasia,
            LocalDate today) {
        LocalDate dayZero = plan.dayZero();
        List<Item> items = new ArrayList<>();
        items.add(item(dayZero, dayZero, Kind.INFUSION, "Day 0: CAR-T infusion", null, today));
        for (PlannedTimepoint t : plan.timepoints()) {
            items.add(item(dayZero, t.dueDate(), Kind.REGISTRY, t.label() + " registry form",
                    t.statusOn(today).label(), today));
        }
        for (PlannedVisit v : plan.visits()) {
            LocalDate on = v.outcomeOn() != null ? v.outcomeOn() : v.dueDate();
            items.add(item(dayZero, on, Kind.VISIT, v.label() + " clinic visit", v.statusOn(today).label(), today));
        }
        if (responses != null) {
            for (ResponseAssessment a : responses.current()) {
                items.add(item(dayZero, a.assessedOn(), Kind.RESPONSE, a.categoryLabel() + " ("
                        + a.framework().label() + ")", null, today));
            }
        }
        for (OutcomeEvent e : events) {
            items.add(item(dayZero, e.occurredOn(), Kind.EVENT, e.summary(), null, today));
        }
        for (FollowUpEntry e : entries) {
            if (e.kind() == FollowUpEntry.Kind.INFECTION) {
                items.add(item(dayZero, e.observedOn(), Kind.INFECTION, e.display("organismType") + " infection, "
                        + e.display("site") + ", " + e.display("severityGrade"), null, today));
            } else if (e.kind() == FollowUpEntry.Kind.SUBSEQUENT_THERAPY) {
                items.add(item(dayZero, e.observedOn(), Kind.THERAPY, e.display("therapyKind") + " ("
                        + e.display("intent").toLowerCase() + "): " + e.display("regimen"), null, today));
            }
        }
        if (bCellAplasia != null && bCellAplasia.lostOn() != null) {
            items.add(item(dayZero, bCellAplasia.lostOn(), Kind.B_CELLS, "B-cell aplasia lost (CD19+ B cells at or"
                    + " above " + bCellAplasia.thresholdCellsPerMicrolitre().toPlainString() + " cells/µL on two"
                    + " consecutive counts)", null, today));
        }
        items.sort(Comparator.comparing(Item::on).thenComparing(Item::kind));
        return items;
    }

    private static Item item(LocalDate dayZero, LocalDate on, Kind kind, String text, String status,
            LocalDate today) {
        return new Item(on, ChronoUnit.DAYS.between(dayZero, on), kind, text, status, !on.isAfter(today));
    }
}
