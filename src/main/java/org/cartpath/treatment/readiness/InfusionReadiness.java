package org.cartpath.treatment.readiness;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.cartpath.treatment.lymphodepletion.LymphodepletionCourse;

/**
 * Whether an infusion may be recorded (ADR 0017), as a named policy: every condition ADR 0017 sets,
 * each unmet one named with what is missing. Plain Java; the service gathers the facts from the other modules.
 *
 * <p>The conditions: the case in lymphodepletion; the latest lot accepted by QA, its certificate naming the case's
 * chain of identity; a verified lymphodepletion plan, complete, with the infusion day in its window; every checklist
 * item ticked or overridden; no open identity hard stop; a completed two-person bedside check of a bag of the accepted
 * lot, by two different people, before the infusion began and not long before; a weight to dose by, and a dose
 * inside the label's range unless the lot goes by an exceptional route.
 */
public final class InfusionReadiness {

    /** One condition not met: a stable code and what is missing, in words. */
    public record Unmet(String code, String detail) {
    }

    /** The two-person bedside check custody completed, as far as the infusion needs it. */
    public record Bedside(String lot, String coi, UUID firstChecker, UUID secondChecker, Instant completedAt) {
    }

    /**
     * What the policy decides on.
     *
     * @param lotNumber          null when no lot was released
     * @param lotCoi             the COI on the lot's certificate, if it printed one
     * @param caseCoi            the case's allocated COI, if any
     * @param course             null when no plan exists
     * @param checklistOpen      the labels of the checklist items not ticked or overridden
     * @param doseCells          the dose to be given; null when it cannot be worked out
     * @param minCells           the label's lowest dose for the weight; null when the catalogue has none
     * @param exceptionalRoute   whether the consultant signed an exceptional route for an out-of-specification lot
     */
    public record Facts(String stageLabel, boolean inLymphodepletion, String lotNumber, boolean lotAccepted,
            String lotCoi, String caseCoi, LymphodepletionCourse course, boolean planVerified, LocalDate infusionDay,
            List<String> checklistOpen, boolean identityStopped, Bedside bedside, Instant startedAt,
            Duration bedsideValidFor, BigDecimal weightKg, BigDecimal doseCells, BigDecimal minCells,
            BigDecimal maxCells, boolean exceptionalRoute) {
    }

    /** How far a recorded start may lie before the bedside check's completion: clocks and minutes in a form. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private InfusionReadiness() {
    }

    public static List<Unmet> unmet(Facts f) {
        List<Unmet> unmet = new ArrayList<>();
        if (!f.inLymphodepletion()) {
            unmet.add(new Unmet("not-in-lymphodepletion", "The case is at stage '" + f.stageLabel()
                    + "'; an infusion follows lymphodepletion"));
        }
        release(f, unmet);
        lymphodepletion(f, unmet);
        if (!f.checklistOpen().isEmpty()) {
            unmet.add(new Unmet("checklist-incomplete", "Pre-infusion checklist items not ticked: "
                    + String.join("; ", f.checklistOpen())));
        }
        bedside(f, unmet);
        dose(f, unmet);
        return unmet;
    }

    private static void release(Facts f, List<Unmet> unmet) {
        if (f.lotNumber() == null) {
            unmet.add(new Unmet("release-not-accepted", "The manufacturer has released no lot"));
            return;
        }
        if (!f.lotAccepted()) {
            unmet.add(new Unmet("release-not-accepted", "QA has not accepted lot " + f.lotNumber()));
        }
        if (f.lotCoi() != null && f.caseCoi() != null && !f.lotCoi().equals(f.caseCoi())) {
            unmet.add(new Unmet("product-coi-mismatch", "STOP: lot " + f.lotNumber() + " names chain of identity "
                    + f.lotCoi() + "; this case is " + f.caseCoi()));
        }
    }

    private static void lymphodepletion(Facts f, List<Unmet> unmet) {
        LymphodepletionCourse course = f.course();
        if (course == null || !f.planVerified()) {
            unmet.add(new Unmet("lymphodepletion-not-verified", course == null ? "No lymphodepletion plan"
                    : "The pharmacist has not verified the lymphodepletion plan"));
            return;
        }
        if (!course.complete()) {
            int open = course.outstanding().size();
            unmet.add(new Unmet("lymphodepletion-incomplete", open == 0 ? "No lymphodepletion dose was given"
                    : open + " planned lymphodepletion dose" + (open == 1 ? " has" : "s have") + " no record"));
            return;
        }
        LymphodepletionCourse.Window window = course.window();
        if (f.infusionDay() != null && !window.contains(f.infusionDay())) {
            unmet.add(new Unmet("outside-infusion-window", "An infusion on " + f.infusionDay() + " is outside the window "
                    + window.earliest() + " to " + window.latest()
                    + (f.infusionDay().isAfter(window.latest()) ? ": repeat lymphodepletion is needed" : "")));
        }
    }

    private static void bedside(Facts f, List<Unmet> unmet) {
        if (f.identityStopped()) {
            unmet.add(new Unmet("identity-hard-stop", "STOP: a scan did not match the chain of identity and QA has not"
                    + " overridden the hard stop"));
        }
        Bedside b = f.bedside();
        if (b == null) {
            unmet.add(new Unmet("bedside-check-missing", "No completed two-person bedside check of the product"));
            return;
        }
        if (b.firstChecker() == null || b.firstChecker().equals(b.secondChecker())) {
            unmet.add(new Unmet("bedside-check-same-person", "The bedside check needs two different people"));
        }
        boolean sameLot = f.lotNumber() != null && b.lot() != null
                && b.lot().trim().toUpperCase(Locale.ROOT).equals(f.lotNumber().trim().toUpperCase(Locale.ROOT));
        boolean sameCoi = f.caseCoi() == null || f.caseCoi().equals(b.coi());
        if (!sameLot || !sameCoi) {
            unmet.add(new Unmet("bedside-check-not-for-this-product", "The bag checked at the bedside (lot " + b.lot()
                    + ") is not a bag of the accepted lot " + f.lotNumber() + " of this case"));
        }
        if (f.startedAt() != null) {
            if (b.completedAt().isAfter(f.startedAt().plus(CLOCK_SKEW))) {
                unmet.add(new Unmet("bedside-check-out-of-time", "The bedside check was completed after the infusion began"));
            } else if (b.completedAt().isBefore(f.startedAt().minus(f.bedsideValidFor()))) {
                unmet.add(new Unmet("bedside-check-out-of-time", "The bedside check was completed more than "
                        + f.bedsideValidFor().toHours() + " hours before the infusion began; check again"));
            }
        }
    }

    private static void dose(Facts f, List<Unmet> unmet) {
        if (f.weightKg() == null) {
            unmet.add(new Unmet("weight-missing", "No weight is on record to give the dose per kg"));
        }
        if (f.doseCells() == null || f.exceptionalRoute()) {
            return;
        }
        boolean low = f.minCells() != null && f.doseCells().compareTo(f.minCells()) < 0;
        boolean high = f.maxCells() != null && f.doseCells().compareTo(f.maxCells()) > 0;
        if (low || high) {
            unmet.add(new Unmet("dose-outside-range", "A dose of " + f.doseCells().toPlainString() + " cells is "
                    + (low ? "below" : "above") + " the label's range for the weight, and the lot is not given by an"
                    + " exceptional route"));
        }
    }
}
