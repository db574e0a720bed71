package org.cartpath.treatment.lymphodepletion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cartpath.catalogue.LymphodepletionRegimen.DayReference;
import org.cartpath.catalogue.LymphodepletionRegimen.Drug;

/**
 * A lymphodepletion plan and what was recorded against it: whether it is complete, the infusion window that
 * follows from what was actually given, and the flags before day 0 (ADR 0017; docs/clinical/dosing.md). Plain Java.
 *
 * <p>Complete means every planned dose that is not withheld by the plan has a record (given, modified or held) and
 * at least one dose was given. For a regimen dated from its first day (Kymriah: infuse 2 to 14 days after
 * lymphodepletion ends) the window is counted from the last day a dose was actually given, so a delayed dose moves
 * it; for a regimen dated from the infusion (Yescarta: day 0) the window is the planned day 0.
 */
public record LymphodepletionCourse(LymphodepletionPlan plan, DayReference reference, LocalDate plannedInfusionOn,
        List<DoseRecord> records) {

    public enum Outcome {
        GIVEN("Given"),
        HELD("Held"),
        MODIFIED("Given at another dose");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What was recorded for one planned dose; {@code givenOn} is null when it was held. */
    public record DoseRecord(LocalDate plannedOn, Drug drug, Outcome outcome, BigDecimal mg, LocalDate givenOn) {
    }

    /** The days the product may be infused on. */
    public record Window(LocalDate earliest, LocalDate latest, boolean fromActualDoses) {
        public boolean contains(LocalDate day) {
            return !day.isBefore(earliest) && !day.isAfter(latest);
        }
    }

    public enum Flag {
        /** The day the infusion is planned for is not inside the window. */
        PLANNED_INFUSION_OUTSIDE_WINDOW,
        /** The window has closed before an infusion: lymphodepletion must be repeated (a consultant's decision). */
        REPEAT_LYMPHODEPLETION_NEEDED
    }

    public LymphodepletionCourse {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(reference, "reference");
        records = List.copyOf(records);
    }

    /** The planned doses still without a record, in order; doses the plan withholds need none. */
    public List<PlannedDose> outstanding() {
        return plan.doses().stream().filter(d -> !d.withheld()).filter(d -> recordOf(d).isEmpty()).toList();
    }

    public Optional<DoseRecord> recordOf(PlannedDose dose) {
        return records.stream().filter(r -> r.plannedOn().equals(dose.date()) && r.drug() == dose.drug()).findFirst();
    }

    public boolean anyGiven() {
        return records.stream().anyMatch(r -> r.outcome() != Outcome.HELD);
    }

    public boolean complete() {
        return outstanding().isEmpty() && anyGiven();
    }

    /** The last day a dose was given, if any was. */
    public Optional<LocalDate> lastGivenOn() {
        return records.stream().filter(r -> r.outcome() != Outcome.HELD).map(DoseRecord::givenOn)
                .max(Comparator.naturalOrder());
    }

    /**
     * The infusion window: from the last dose actually given once the course is complete (regimens dated from their
     * first day), else the plan's.
     */
    public Window window() {
        if (reference == DayReference.INFUSION || !complete()) {
            return new Window(plan.earliestInfusion(), plan.latestInfusion(), false);
        }
        LocalDate lastGiven = lastGivenOn().orElseThrow();
        long shift = java.time.temporal.ChronoUnit.DAYS.between(plan.lastDay(), lastGiven);
        return new Window(plan.earliestInfusion().plusDays(shift), plan.latestInfusion().plusDays(shift), true);
    }

    /**
     * The flags to raise before day 0, as of {@code today}. The window is known to have closed once the course is
     * complete (or, for a regimen dated from the infusion, at once: day 0 is fixed) and {@code today} is after it.
     */
    public List<Flag> flags(LocalDate today) {
        List<Flag> flags = new ArrayList<>();
        Window window = window();
        if (plannedInfusionOn != null && !window.contains(plannedInfusionOn)) {
            flags.add(Flag.PLANNED_INFUSION_OUTSIDE_WINDOW);
        }
        boolean windowKnown = reference == DayReference.INFUSION || complete();
        if (windowKnown && today.isAfter(window.latest())) {
            flags.add(Flag.REPEAT_LYMPHODEPLETION_NEEDED);
        }
        return flags;
    }
}
