package org.cartpath.journey;

import java.util.Map;
import java.util.Optional;
import org.cartpath.shared.Role;

/**
 * The task a case gets by default when it enters a stage, so that the worklist always says what is next.
 * These are the centre's working defaults (who does it, within how many days), not clinical rules; the
 * stage modules replace them with precise tasks and dates (the apheresis date, the infusion day…).
 */
public final class StageTasks {

    /** A default task: what, for whom, due how many days after the case enters the stage. */
    public record Default(String title, Role role, int dueInDays) {
    }

    private static final Map<Stage, Default> DEFAULTS = Map.ofEntries(
            Map.entry(Stage.REFERRED, new Default("Triage the referral", Role.COORDINATOR, 2)),
            Map.entry(Stage.TRIAGED, new Default("Assess eligibility", Role.CONSULTANT, 5)),
            Map.entry(Stage.ELIGIBILITY_ASSESSED, new Default("Submit the case to the national panel", Role.COORDINATOR, 3)),
            Map.entry(Stage.PANEL_APPROVED, new Default("Book a manufacturing slot and apheresis", Role.COORDINATOR, 3)),
            Map.entry(Stage.SLOT_BOOKED, new Default("Collect the cells (apheresis)", Role.APHERESIS_NURSE, 14)),
            Map.entry(Stage.COLLECTED, new Default("Ship the cells to the manufacturer", Role.CELL_THERAPY_LAB, 1)),
            Map.entry(Stage.IN_MANUFACTURING, new Default("Follow manufacturing to release", Role.COORDINATOR, 30)),
            Map.entry(Stage.RELEASED, new Default("Receive the product and verify its identity", Role.CELL_THERAPY_LAB, 7)),
            Map.entry(Stage.RECEIVED, new Default("Plan lymphodepletion", Role.PHARMACIST, 3)),
            Map.entry(Stage.LYMPHODEPLETION, new Default("Infuse the product", Role.WARD_NURSE, 7)),
            Map.entry(Stage.MONITORING, new Default("Assess toxicity (CRS and ICANS) daily", Role.WARD_NURSE, 1)),
            Map.entry(Stage.FOLLOW_UP, new Default("Day 28 response assessment", Role.CONSULTANT, 28)));

    /** QA's acceptance of a released lot (manufacturing opens it at release and closes it at acceptance). */
    public static final String QA_ACCEPTANCE = "Check and accept the released lot (QA)";

    /** After a manufacturing failure that needs new cells (manufacturing opens it; the new booking closes it). */
    public static final String RECOLLECTION_BOOKING = "Book a new collection after a manufacturing failure";

    /** The panel asked for information (referral opens it at the decision; submitting the case again closes it). */
    public static final String PANEL_INFORMATION = "Send the national panel the information it requested, then submit "
            + "the case again";

    /**
     * The ward's administration of a verified lymphodepletion plan (treatment opens it when the pharmacist verifies the
     * plan, due on its first day, and closes it when the last planned dose is recorded; a new plan replaces it).
     */
    public static final String LYMPHODEPLETION_DOSES = "Give lymphodepletion doses";

    /** A closed infusion window (treatment opens it; a new lymphodepletion plan closes it). */
    public static final String REPEAT_LYMPHODEPLETION = "Repeat lymphodepletion needed";

    private StageTasks() {
    }

    public static Optional<Default> forStage(Stage stage) {
        return Optional.ofNullable(DEFAULTS.get(stage));
    }
}
